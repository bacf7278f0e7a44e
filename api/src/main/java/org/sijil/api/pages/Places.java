package org.sijil.api.pages;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sijil.api.reference.District;
import org.sijil.api.reference.Governorate;
import org.sijil.api.reference.ReferenceData;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Governorates and districts in force today, named in the reader's language, for pickers and for display. */
@Component
class Places {

    private static final ZoneId IRAQ = ZoneId.of("Asia/Baghdad");

    private final ReferenceData reference;
    private final Clock clock;

    Places(ReferenceData reference, Clock clock) {
        this.reference = reference;
        this.clock = clock;
    }

    /** A governorate with its districts, for a picker. */
    public record Option(String code, String name, List<Option> districts) {
    }

    List<Option> options() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), IRAQ);
        return reference.governorates(today).stream()
                .map(g -> new Option(g.code(), name(g), reference.districts(g.code(), today).stream()
                        .map(d -> new Option(d.code(), name(d), List.of())).toList()))
                .toList();
    }

    /** Every governorate's and district's code with its name, for showing places. */
    Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        for (Option g : options()) {
            names.put(g.code(), g.name());
            g.districts().forEach(d -> names.put(d.code(), d.name()));
        }
        return names;
    }

    private static String name(Governorate g) {
        return pick(g.nameAr(), g.nameCkb(), g.nameEn());
    }

    private static String name(District d) {
        return pick(d.nameAr(), d.nameCkb(), d.nameEn());
    }

    private static String pick(String ar, String ckb, String en) {
        String chosen = switch (LocaleContextHolder.getLocale().getLanguage()) {
            case "ckb" -> ckb;
            case "en" -> en;
            default -> ar;
        };
        return chosen == null || chosen.isBlank() ? en : chosen;
    }
}
