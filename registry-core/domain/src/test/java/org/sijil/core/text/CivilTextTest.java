package org.sijil.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@link CivilText}, one case per class of refused character. The names that must pass
 * are common Iraqi given and family names in Arabic with full harakat (as they are vocalised in
 * Arabic dictionaries of names), the fully vocalised "Abdullah" with its dagger alef, and Sorani
 * Kurdish names and places as the Kurdistan Region's civil-status forms spell them.
 */
class CivilTextTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "مُحَمَّد",                 // Muhammad: shadda + fatha on the second mim
            "فَاطِمَة",
            "عَبْدُ ٱللّٰه",         // Abdullah: shadda + dagger alef on the lam (wasla on the alef)
            "حُسَيْن عَلِيّ",
            "مَسْؤُول",                 // hamza on waw, then damma
            "قُرْآن",                    // alef with madda, precomposed
            "شێرکۆ",                    // Sherko (Sorani)
            "ڕەوەند هەڵگورد",          // Rawand, Halgurd (Sorani)
            "سلێمانی، گەڕەکی سەرچنار",  // Sulaymaniyah, Sarchinar quarter (Sorani)
            "می‌خواهم",                  // a zero-width non-joiner, as Persian and Sorani spellings use it
            "حي المنصور، محلة 605",
            "قرار محكمة الأحوال الشخصية ٢٠٢٢/١١٨",
            "Al-Jubouri, Nguyễn",
            "مـــحمد"                    // tatweel is a letter, not a control
    })
    void acceptsRealArabicAndKurdishText(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        assertThat(CivilText.accept(text)).isEqualTo(nfc);
        CivilText.check(nfc);
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {
            "0000", "0009", "000A", "000D", "001B", "001F", // C0: NUL, tab, LF, CR, ESC, US
            "007F",                                          // DEL
            "0080", "0085", "009B", "009F",                  // C1, NEL included
            "2028", "2029",                                  // line and paragraph separators
            "202A", "202B", "202C", "202D", "202E",          // bidi embeddings and overrides
            "2066", "2067", "2068", "2069",                  // bidi isolates
            "200E", "200F", "061C",                          // direction marks
            "200B", "2060", "FEFF", "00AD", "0600",          // other invisible format characters
            "FDD0", "FDEF", "FFFE", "FFFF", "1FFFE", "10FFFF", // noncharacters
            "E000", "F0000",                                 // private use
            "0378",                                          // unassigned
            "D800", "DBFF", "DC00", "DFFF"                   // lone surrogates
    })
    void refusesEveryForbiddenClass(String hex) {
        int codePoint = Integer.parseInt(hex, 16);
        String text = "محمد" + new String(Character.toChars(codePoint)) + "علي";
        assertThatThrownBy(() -> CivilText.accept(text))
                .isInstanceOfSatisfying(TextRefusedException.class, e -> {
                    assertThat(e.rule()).isEqualTo(TextRule.FORBIDDEN_CHARACTER);
                    assertThat(e.code()).isEqualTo("text.forbidden-character");
                    assertThat(e.index()).isEqualTo(4);
                    assertThat(e.codePoint()).isEqualTo(codePoint);
                    assertThat(e.getMessage()).doesNotContain("محمد");
                });
        assertThatThrownBy(() -> CivilText.check(text)).isInstanceOf(TextRefusedException.class);
    }

    @Test
    void refusesALoneSurrogateAtTheEnd() {
        assertThatThrownBy(() -> CivilText.accept("Ali\uD83D"))
                .isInstanceOfSatisfying(TextRefusedException.class, e -> assertThat(e.index()).isEqualTo(3));
    }

    @Test
    void acceptsSupplementaryCharacters() {
        // a surrogate pair is one character, not two lone surrogates
        assertThat(CivilText.accept("\uD83D\uDE00")).isEqualTo("\uD83D\uDE00");
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"200C", "200D", "00A0", "0640"})
    void allowsJoinersNoBreakSpaceAndTatweel(String hex) {
        assertThat(CivilText.isForbidden(Integer.parseInt(hex, 16))).isFalse();
    }

    @Test
    void allowsAsManyMarksAsTheBoundAndNoMore() {
        // dal with fatha, shadda, dagger alef and a hamza above: the most Arabic may stack
        String four = "د\u064E\u0651\u0670\u0654";
        assertThat(CivilText.accept(four)).isNotNull();
        String five = four + "\u0650";
        assertThatThrownBy(() -> CivilText.accept(five))
                .isInstanceOfSatisfying(TextRefusedException.class, e -> {
                    assertThat(e.rule()).isEqualTo(TextRule.COMBINING_MARKS);
                    assertThat(e.code()).isEqualTo("text.combining-marks");
                    assertThat(e.index()).isEqualTo(5);
                });
    }

    @Test
    void refusesStackedMarksInLatinText() {
        String stacked = "H" + "\u0301\u0300\u0302\u0303\u0308\u030A\u0327\u0328".repeat(3) + "ello";
        assertThatThrownBy(() -> CivilText.accept(stacked))
                .isInstanceOfSatisfying(TextRefusedException.class,
                        e -> assertThat(e.rule()).isEqualTo(TextRule.COMBINING_MARKS));
    }

    @Test
    void joinersDoNotEndARowOfMarks() {
        String hidden = "د\u064E\u0651\u200D\u0670\u0654\u200C\u0650";
        assertThatThrownBy(() -> CivilText.accept(hidden))
                .isInstanceOfSatisfying(TextRefusedException.class,
                        e -> assertThat(e.rule()).isEqualTo(TextRule.COMBINING_MARKS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u064Eمحمد", "\u200C\u064Eمحمد", "\u0301Ali"})
    void refusesAMarkWithNoLetterBeforeIt(String text) {
        assertThatThrownBy(() -> CivilText.accept(text))
                .isInstanceOfSatisfying(TextRefusedException.class,
                        e -> assertThat(e.rule()).isEqualTo(TextRule.COMBINING_MARKS));
    }

    @ParameterizedTest
    @CsvSource({
            // Ahmad with its alef and hamza above as two characters, as some keyboards type it
            "'\u0627\u0654\u062D\u0645\u062F', 'أحمد'",
            // Ezê (Kurmanji) with a combining circumflex
            "'Eze\u0302', 'Ezê'",
            // dal with shadda typed before fatha: NFC puts fatha (class 30) before shadda (class 33)
            "'\u062F\u0651\u064E', '\u062F\u064E\u0651'"
    })
    void normalisesAcceptedTextToNfc(String typed, String stored) {
        assertThat(typed).isNotEqualTo(stored);
        assertThat(CivilText.accept(typed)).isEqualTo(stored);
    }

    /** What lets the scan skip the JDK's normaliser: no pair of such characters is changed by NFC. */
    @Test
    void everyPairOfLatinAndArabicLettersWithoutMarksIsInNfc() {
        java.util.List<String> letters = new java.util.ArrayList<>();
        for (int cp = 0; cp <= 0x6FF; cp = cp == 0x2FF ? 0x600 : cp + 1) {
            int type = Character.getType(cp);
            if (!CivilText.isForbidden(cp) && type != Character.NON_SPACING_MARK
                    && type != Character.COMBINING_SPACING_MARK && type != Character.ENCLOSING_MARK) {
                letters.add(Character.toString(cp));
            }
        }
        assertThat(letters).hasSizeGreaterThan(800);
        for (String first : letters) {
            for (String second : letters) {
                String pair = first + second;
                if (!Normalizer.isNormalized(pair, Normalizer.Form.NFC)) {
                    throw new AssertionError("not NFC: " + pair.codePoints().mapToObj(Integer::toHexString).toList());
                }
            }
        }
    }

    @Test
    void returnsTextAlreadyInNfcItself() {
        String name = "مُحَمَّد";
        String nfc = Normalizer.normalize(name, Normalizer.Form.NFC);
        assertThat(CivilText.accept(nfc)).isSameAs(nfc);
    }

    @Test
    void refusesTextToBeStoredThatIsNotInNfc() {
        assertThatThrownBy(() -> CivilText.check("\u0627\u0654\u062D\u0645\u062F"))
                .isInstanceOfSatisfying(TextRefusedException.class, e -> {
                    assertThat(e.rule()).isEqualTo(TextRule.NOT_NORMALISED);
                    assertThat(e.code()).isEqualTo("text.not-normalised");
                    assertThat(e.index()).isZero();
                });
    }

    @Test
    void passesNullAndEmptyText() {
        assertThat(CivilText.accept(null)).isNull();
        assertThat(CivilText.accept("")).isEmpty();
        CivilText.check(null);
        CivilText.check("");
    }

    @Test
    void namesTheFieldOnceTheCallerKnowsIt() {
        TextRefusedException e = catchRefusal("a\u0000b").in("placeOfBirth.locality");
        assertThat(e.field()).isEqualTo("placeOfBirth.locality");
        assertThat(e.getMessage()).isEqualTo("text.forbidden-character in placeOfBirth.locality: U+0000 at offset 1");
    }

    private static TextRefusedException catchRefusal(String text) {
        try {
            CivilText.accept(text);
        } catch (TextRefusedException e) {
            return e;
        }
        throw new AssertionError("accepted: " + text);
    }
}
