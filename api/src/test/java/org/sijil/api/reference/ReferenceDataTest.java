package org.sijil.api.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The reference-data migration on a real PostgreSQL, and {@link ReferenceData} over it. */
class ReferenceDataTest {

    /** Letters of the Arabic script, spaces and the separators used in office names. */
    private static final Pattern ARABIC_SCRIPT = Pattern.compile("[\\p{IsArabic} \\-()]+");
    private static final Pattern LATIN = Pattern.compile("[A-Za-z0-9 '\\-]+");
    /** Arabic letters Sorani replaces: kaf ك, yeh ي, alef maqsura ى, taa marbuta ة. */
    private static final Pattern ARABIC_ONLY_LETTERS = Pattern.compile("[\\u0643\\u064A\\u0649\\u0629]");
    /** Sorani letters Arabic does not use: ک ی ە ێ ۆ ڵ ڕ. */
    private static final Pattern SORANI_ONLY_LETTERS = Pattern.compile("[\\u06A9\\u06CC\\u06D5\\u06CE\\u06C6\\u06B5\\u0695]");

    private static final LocalDate HALABJA_GOVERNORATE = LocalDate.of(2014, 3, 13);
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    private static EmbeddedPostgres postgres;
    private static JdbcClient jdbc;
    private static ReferenceData referenceData;

    @BeforeAll
    static void migrate() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        DataSource dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        referenceData = new ReferenceData(jdbc);
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void seedsEighteenGovernoratesPlusHalabja() {
        assertThat(jdbc.sql("select count(*) from governorate").query(Integer.class).single()).isEqualTo(19);
        assertThat(referenceData.governorates(TODAY)).hasSize(19).extracting(Governorate::code)
                .contains("BGD", "NIN", "BSR", "ERB", "SUL", "DUH", "HAL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"governorate", "district", "civil_status_office"})
    void everyNameIsNonBlankInItsOwnScript(String table) {
        List<Map<String, Object>> rows =
                jdbc.sql("select code, name_ar, name_ckb, name_en from " + table).query().listOfRows();
        assertThat(rows).isNotEmpty();
        for (Map<String, Object> row : rows) {
            String nameAr = (String) row.get("name_ar");
            String nameCkb = (String) row.get("name_ckb");
            String nameEn = (String) row.get("name_en");
            assertThat(nameAr).as("%s %s name_ar", table, row.get("code")).isNotBlank().matches(ARABIC_SCRIPT)
                    .doesNotContainPattern(SORANI_ONLY_LETTERS);
            assertThat(nameCkb).as("%s %s name_ckb", table, row.get("code")).isNotBlank().matches(ARABIC_SCRIPT)
                    .doesNotContainPattern(ARABIC_ONLY_LETTERS);
            assertThat(nameEn).as("%s %s name_en", table, row.get("code")).isNotBlank().matches(LATIN);
        }
    }

    @Test
    void namesTheGovernoratesInAllThreeLanguages() {
        assertThat(referenceData.governorates(TODAY))
                .filteredOn(g -> List.of("BGD", "ERB", "HAL").contains(g.code()))
                .extracting(Governorate::nameAr, Governorate::nameCkb, Governorate::nameEn)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("بغداد", "بەغدا", "Baghdad"),
                        org.assertj.core.groups.Tuple.tuple("أربيل", "هەولێر", "Erbil"),
                        org.assertj.core.groups.Tuple.tuple("حلبجة", "هەڵەبجە", "Halabja"));
    }

    @Test
    void halabjaIsAGovernorateFromMarch2014AndASulaymaniyahDistrictBefore() {
        LocalDate dayBefore = HALABJA_GOVERNORATE.minusDays(1);

        assertThat(referenceData.governorateExists("HAL", dayBefore)).isFalse();
        assertThat(referenceData.governorateExists("HAL", HALABJA_GOVERNORATE)).isTrue();
        assertThat(referenceData.governorates(dayBefore)).hasSize(18);

        assertThat(referenceData.districtExists("SUL", "SUL-HALABJA", dayBefore)).isTrue();
        assertThat(referenceData.districtExists("SUL", "SUL-HALABJA", HALABJA_GOVERNORATE)).isFalse();
        assertThat(referenceData.districtExists("HAL", "HAL-HALABJA", HALABJA_GOVERNORATE)).isTrue();

        assertThat(referenceData.office("SUL-HALABJA-01", dayBefore)).isPresent();
        assertThat(referenceData.office("SUL-HALABJA-01", HALABJA_GOVERNORATE)).isEmpty();
        assertThat(referenceData.office("HAL-HALABJA-01", dayBefore)).isEmpty();
        assertThat(referenceData.office("HAL-HALABJA-01", HALABJA_GOVERNORATE)).isPresent();
    }

    @Test
    void nothingExistsBeforeItsValidFrom() {
        LocalDate beforeNajaf = LocalDate.of(1975, 12, 31);
        assertThat(referenceData.governorateExists("NJF", beforeNajaf)).isFalse();
        assertThat(referenceData.governorateExists("BGD", beforeNajaf)).isTrue();
        assertThat(referenceData.governorates(LocalDate.of(1900, 1, 1))).isEmpty();
    }

    @Test
    void listsAllDistrictsOfBaghdadAndNinawa() {
        assertThat(referenceData.districts("BGD", TODAY)).extracting(District::code).containsExactly(
                "BGD-ABUGHRAIB", "BGD-ADHAMIYA", "BGD-KADHIMIYA", "BGD-KARKH", "BGD-MADAIN",
                "BGD-MAHMUDIYA", "BGD-RUSAFA", "BGD-SADR", "BGD-TARMIYA");
        assertThat(referenceData.districts("NIN", TODAY)).extracting(District::code).containsExactly(
                "NIN-AKRE", "NIN-BAAJ", "NIN-HAMDANIYA", "NIN-HATRA", "NIN-MAKHMUR", "NIN-MOSUL",
                "NIN-SHEKHAN", "NIN-SINJAR", "NIN-TELAFAR", "NIN-TELKAIF");
    }

    @Test
    void districtExistsOnlyInItsOwnGovernorate() {
        assertThat(referenceData.districtExists("BGD", "BGD-KARKH", TODAY)).isTrue();
        assertThat(referenceData.districtExists("NIN", "BGD-KARKH", TODAY)).isFalse();
        assertThat(referenceData.districtExists("BGD", "BGD-NOWHERE", TODAY)).isFalse();
    }

    @Test
    void findsTheOfficesTheDemoIdentitiesUse() {
        assertThat(referenceData.office("BGD-KARKH-01", TODAY)).hasValueSatisfying(office -> {
            assertThat(office.governorateCode()).isEqualTo("BGD");
            assertThat(office.districtCode()).isEqualTo("BGD-KARKH");
            assertThat(office.nameEn()).isEqualTo("Civil Status Office Karkh 1");
        });
        assertThat(referenceData.office("NIN-MOSUL-01", TODAY)).hasValueSatisfying(office -> {
            assertThat(office.governorateCode()).isEqualTo("NIN");
            assertThat(office.districtCode()).isEqualTo("NIN-MOSUL");
        });
        assertThat(referenceData.office("BGD-KARKH-99", TODAY)).isEmpty();
    }

    @Test
    void everyGovernorateHasAnOfficeAndBaghdadAndNinawaSeveral() {
        for (Governorate governorate : referenceData.governorates(TODAY)) {
            assertThat(referenceData.offices(governorate.code(), TODAY)).as(governorate.code()).isNotEmpty();
        }
        assertThat(referenceData.offices("BGD", TODAY)).hasSizeGreaterThanOrEqualTo(3);
        assertThat(referenceData.offices("NIN", TODAY)).hasSizeGreaterThanOrEqualTo(3);
        assertThat(referenceData.offices(TODAY)).hasSize(jdbc.sql(
                "select count(*) from civil_status_office where valid_to is null").query(Integer.class).single());
    }

    @Test
    void everyPeriodLiesWithinItsParentsPeriod() {
        String districtsOutside = """
                select count(*) from district d join governorate g on g.code = d.governorate_code
                where d.valid_from < g.valid_from
                   or (g.valid_to is not null and (d.valid_to is null or d.valid_to > g.valid_to))""";
        String officesOutside = """
                select count(*) from civil_status_office o join district d on d.code = o.district_code
                where o.valid_from < d.valid_from
                   or (d.valid_to is not null and (o.valid_to is null or o.valid_to > d.valid_to))""";
        assertThat(jdbc.sql(districtsOutside).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql(officesOutside).query(Integer.class).single()).isZero();
    }

    @Test
    void rejectsAPeriodThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> jdbc.sql("""
                        insert into governorate (code, name_ar, name_ckb, name_en, valid_from, valid_to)
                        values ('XXX', 'س', 'س', 'X', date '2020-01-01', date '2020-01-01')""").update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("governorate_period");
    }

    @Test
    void rejectsAnOfficeWhoseDistrictIsInAnotherGovernorate() {
        assertThatThrownBy(() -> jdbc.sql("""
                        insert into civil_status_office
                            (code, governorate_code, district_code, name_ar, name_ckb, name_en, valid_from)
                        values ('BGD-KARKH-77', 'NIN', 'BGD-KARKH', 'س', 'س', 'X', date '2020-01-01')""").update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("civil_status_office_district");
    }
}
