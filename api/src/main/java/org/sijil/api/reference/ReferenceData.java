package org.sijil.api.reference;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Looks up reference geography as of a date. A row is in effect on {@code on} when
 * {@code valid_from <= on < valid_to} (an open {@code valid_to} never ends).
 *
 * <p>Every method requires non-null arguments and throws {@link NullPointerException}
 * otherwise. Codes are matched exactly (they are upper case, for example {@code BGD},
 * {@code BGD-KARKH}, {@code BGD-KARKH-01}).
 */
@Component
public class ReferenceData {

    private static final String IN_EFFECT = " valid_from <= :on and (valid_to is null or :on < valid_to) ";

    private static final String OFFICE_COLUMNS =
            "select code, governorate_code, district_code, name_ar, name_ckb, name_en from civil_status_office";

    private final JdbcClient jdbc;
    private volatile LocalDate epoch;

    public ReferenceData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The register's epoch: the first day of its oldest reference data, before which no place exists.
     * Read once: reference data change only by migration.
     */
    public LocalDate epoch() {
        LocalDate known = epoch;
        if (known == null) {
            known = jdbc.sql("select min(valid_from) from governorate").query(LocalDate.class).single();
            epoch = known;
        }
        return known;
    }

    /** Whether the governorate {@code code} exists on {@code on}. */
    public boolean governorateExists(String code, LocalDate on) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(on, "on");
        return jdbc.sql("select exists (select 1 from governorate where code = :code and" + IN_EFFECT + ")")
                .param("code", code)
                .param("on", on)
                .query(Boolean.class)
                .single();
    }

    /** Whether district {@code districtCode} exists on {@code on} and then belongs to {@code governorateCode}. */
    public boolean districtExists(String governorateCode, String districtCode, LocalDate on) {
        Objects.requireNonNull(governorateCode, "governorateCode");
        Objects.requireNonNull(districtCode, "districtCode");
        Objects.requireNonNull(on, "on");
        return jdbc.sql("select exists (select 1 from district"
                        + " where code = :code and governorate_code = :governorate and" + IN_EFFECT + ")")
                .param("code", districtCode)
                .param("governorate", governorateCode)
                .param("on", on)
                .query(Boolean.class)
                .single();
    }

    /** The office {@code code} as it is on {@code on}, or empty if it does not exist on that date. */
    public Optional<Office> office(String code, LocalDate on) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(on, "on");
        return jdbc.sql(OFFICE_COLUMNS + " where code = :code and" + IN_EFFECT)
                .param("code", code)
                .param("on", on)
                .query(Office.class)
                .optional();
    }

    /** All governorates in effect on {@code on}, ordered by code. */
    public List<Governorate> governorates(LocalDate on) {
        Objects.requireNonNull(on, "on");
        return jdbc.sql("select code, name_ar, name_ckb, name_en, valid_from, valid_to"
                        + " from governorate where" + IN_EFFECT + "order by code")
                .param("on", on)
                .query(Governorate.class)
                .list();
    }

    /** The districts of {@code governorateCode} in effect on {@code on}, ordered by code. */
    public List<District> districts(String governorateCode, LocalDate on) {
        Objects.requireNonNull(governorateCode, "governorateCode");
        Objects.requireNonNull(on, "on");
        return jdbc.sql("select code, governorate_code, name_ar, name_ckb, name_en, valid_from, valid_to"
                        + " from district where governorate_code = :governorate and" + IN_EFFECT + "order by code")
                .param("governorate", governorateCode)
                .param("on", on)
                .query(District.class)
                .list();
    }

    /** All offices in effect on {@code on}, ordered by code. */
    public List<Office> offices(LocalDate on) {
        Objects.requireNonNull(on, "on");
        return jdbc.sql(OFFICE_COLUMNS + " where" + IN_EFFECT + "order by code")
                .param("on", on)
                .query(Office.class)
                .list();
    }

    /** The offices of {@code governorateCode} in effect on {@code on}, ordered by code. */
    public List<Office> offices(String governorateCode, LocalDate on) {
        Objects.requireNonNull(governorateCode, "governorateCode");
        Objects.requireNonNull(on, "on");
        return jdbc.sql(OFFICE_COLUMNS + " where governorate_code = :governorate and" + IN_EFFECT + "order by code")
                .param("governorate", governorateCode)
                .param("on", on)
                .query(Office.class)
                .list();
    }
}
