package org.sijil.core.consent;

import org.sijil.core.api.FieldRule;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.sijil.core.api.consent.ConsentRule;
import org.sijil.core.api.DataCategory;
import org.sijil.core.api.RegistryRuleViolation;
import org.sijil.core.api.Rule;
import org.sijil.core.api.person.PersonRule;

/** Checks shared by consents, legal bases and access records. */
final class Checks {

    /** Legal bases are dated in days; the day of an instant is the civil-registry day in Iraq. */
    static final ZoneId REGISTRY_ZONE = ZoneId.of("Asia/Baghdad");

    private Checks() {
    }

    static RegistryRuleViolation violation(Rule rule, String field, String message) {
        return new RegistryRuleViolation(rule, field, message);
    }

    static void required(Object value, String field) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw violation(FieldRule.REQUIRED, field, field + " is required");
        }
    }

    static Instant recordedAt(Instant recordedAt) {
        required(recordedAt, "recordedAt");
        return recordedAt;
    }

    /** The named categories as constants in declaration order; at least one, each known. */
    static List<DataCategory> categories(List<String> names, String field) {
        if (names == null || names.isEmpty()) {
            throw violation(ConsentRule.CATEGORIES_REQUIRED, field, "Name at least one data category");
        }
        Set<DataCategory> found = EnumSet.noneOf(DataCategory.class);
        for (String name : names) {
            found.add(category(name, field));
        }
        return List.copyOf(found);
    }

    private static DataCategory category(String name, String field) {
        if (name != null) {
            for (DataCategory c : DataCategory.values()) {
                if (c.name().equals(name)) {
                    return c;
                }
            }
        }
        throw violation(ConsentRule.CATEGORY_UNKNOWN, field, "Unknown data category " + name);
    }

    /** Trimmed, non-blank, without repeats, in the order given. */
    static List<String> codes(List<String> codes, String field, Rule whenEmpty) {
        if (codes == null || codes.isEmpty()) {
            throw violation(whenEmpty, field, "Name at least one " + field);
        }
        Set<String> out = new LinkedHashSet<>();
        for (String code : codes) {
            required(code, field);
            out.add(code.strip());
        }
        return new ArrayList<>(out);
    }
}
