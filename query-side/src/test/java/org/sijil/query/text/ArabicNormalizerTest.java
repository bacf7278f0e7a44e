package org.sijil.query.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Spelling variants seen in Iraqi civil-status records. The names are common Iraqi given and family
 * names (أحمد, فاطمة, مصطفى, عائشة, مؤيد, الجبوري) and their usual Sorani Kurdish spellings
 * (ئەحمەد, عەلی, حوسێن, کاکە), as in the demo data and the reference-data migration.
 */
class ArabicNormalizerTest {

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource({
            "أحمد, احمد",
            "إبراهيم, ابراهيم",
            "آمنة, امنه",
            "ٱلله, الله",
            "فاطمة, فاطمه",
            "مصطفى, مصطفي",
            "مؤيد, مويد",
            "عائشة, عايشه",
            "مُحَمَّد, محمد",
            "محـــمد, محمد",
            "عبد الرحمٰن, عبد الرحمن",
            "كربلاء, كربلا",
            "ﻻ, لا",
            "کاکە, كاكه",
            "عەلی, عهلي",
            "حوسێن, حوسين",
            "Al-Jubouri, al jubouri",
            "  Hüseyin   ŞAHİN , huseyin sahin",
    })
    void foldsVariantsToOneForm(String written, String normalised) {
        assertThat(ArabicNormalizer.normalize(written)).isEqualTo(normalised);
        assertThat(ArabicNormalizer.normalize(normalised)).isEqualTo(normalised);
    }

    @ParameterizedTest
    @CsvSource({"أحمد, احمد", "فاطمة, فاطمه", "عَلِيّ, علي", "يحيى, يحيي"})
    void variantsOfOneNameCompareEqual(String a, String b) {
        assertThat(ArabicNormalizer.normalize(a)).isEqualTo(ArabicNormalizer.normalize(b));
    }

    @ParameterizedTest
    @CsvSource({"علي, عمر", "حسن, حسين", "فاطمة, فاطم"})
    void distinctNamesStayDistinct(String a, String b) {
        assertThat(ArabicNormalizer.normalize(a)).isNotEqualTo(ArabicNormalizer.normalize(b));
    }

    @org.junit.jupiter.api.Test
    void likeWildcardsAndPunctuationBecomeSpaces() {
        assertThat(ArabicNormalizer.normalize("%محمد_علي\\")).isEqualTo("محمد علي");
        assertThat(ArabicNormalizer.normalize(null)).isEmpty();
        assertThat(ArabicNormalizer.normalize(" ،.؛ ")).isEmpty();
    }
}
