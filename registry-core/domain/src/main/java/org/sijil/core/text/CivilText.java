package org.sijil.core.text;

import java.text.Normalizer;

/**
 * The one rule set for text in Sijil: what no civil record may contain, checked on every request
 * (where accepted text is also normalised) and again on every event on its way into storage.
 *
 * <p>Refused anywhere in a text ({@link TextRule#FORBIDDEN_CHARACTER}):
 * <ul>
 *   <li>controls: C0 (U+0000–U+001F, NUL, tab, CR and LF included), DEL (U+007F) and C1
 *       (U+0080–U+009F). Every text field of a civil record is a single line — a name, a locality,
 *       a reference — so no field takes a tab or a line break;</li>
 *   <li>the line and paragraph separators U+2028 and U+2029;</li>
 *   <li>every invisible format character (Unicode category Cf) but the zero-width non-joiner and
 *       joiner (U+200C, U+200D), which Sorani and Persian spellings need. This refuses the bidi
 *       embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and also the direction
 *       marks U+200E, U+200F and U+061C: a record's text is stored in logical order and displayed
 *       by the page that shows it; a mark adds nothing a reader sees and makes two equal-looking
 *       values differ (in search, in comparisons). Also refused: zero-width space, word joiner,
 *       byte-order mark, soft hyphen, the Arabic number signs U+0600–U+0605;</li>
 *   <li>lone surrogates, private-use characters, noncharacters (U+FDD0–U+FDEF and the last two of
 *       every plane) and characters unassigned in the JDK's Unicode version (their normalisation is
 *       not yet defined, and no font draws them).</li>
 * </ul>
 *
 * <p>Combining marks ({@link TextRule#COMBINING_MARKS}, categories Mn, Mc, Me): at most
 * {@value #MAX_COMBINING_MARKS} in a row after one base character (the zero-width joiners do not
 * end a row), and none at the start of a text, where it would combine with whatever is shown before.
 * Arabic needs at most three on a letter (shadda, one vowel or tanween, a small letter such as the
 * dagger alef) and a fourth where a hamza sits on a letter that has no precomposed form; Sorani,
 * Kurmanji and Latin transliterations need fewer.
 *
 * <p>Normalisation: {@link #accept} returns accepted text in Unicode Normalization Form C, so one
 * spelling has one stored form; {@link #check}, for text about to be stored, refuses text that is
 * not in NFC ({@link TextRule#NOT_NORMALISED}) rather than changing what is about to be signed.
 *
 * <p>Both run in one pass over the chars with no allocation unless the text is refused or must be
 * normalised, and ask the JDK's normaliser only about text with marks or outside Latin-1, the Latin
 * extensions and the Arabic block: {@link #check} runs for every string of every stored event.
 */
public final class CivilText {

    /** The most combining marks allowed in a row on one base character. */
    public static final int MAX_COMBINING_MARKS = 4;

    private static final int ZWNJ = 0x200C;
    private static final int ZWJ = 0x200D;

    private CivilText() {
    }

    /**
     * Request text as Sijil keeps it: checked, then normalised to NFC.
     *
     * @param text any text, or {@code null}
     * @return the text in NFC ({@code text} itself when it already is), or {@code null} for {@code null}
     * @throws TextRefusedException if the text breaks a rule (its {@code field} is {@code null})
     */
    public static String accept(String text) {
        if (text == null) {
            return null;
        }
        if (scan(text) || Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
            return text;
        }
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFC);
        // a precomposed letter that cannot compose again after reordering leaves more marks than were seen
        scan(normalised);
        return normalised;
    }

    /**
     * Checks text that is about to be stored: the same rules, and NFC already.
     *
     * @param text any text, or {@code null} (which passes)
     * @throws TextRefusedException if the text breaks a rule (its {@code field} is {@code null})
     */
    public static void check(String text) {
        if (text == null) {
            return;
        }
        if (!scan(text) && !Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
            int at = firstDifference(text, Normalizer.normalize(text, Normalizer.Form.NFC));
            throw new TextRefusedException(TextRule.NOT_NORMALISED, null, at, text.codePointAt(at));
        }
    }

    /** Whether a code point is refused anywhere in a civil record. */
    public static boolean isForbidden(int codePoint) {
        if (codePoint < 0x80) {
            return codePoint < 0x20 || codePoint == 0x7F;
        }
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.SURROGATE -> true;
            case Character.FORMAT -> codePoint != ZWNJ && codePoint != ZWJ;
            default -> false;
        };
    }

    private static boolean isCombiningMark(int codePoint) {
        if (codePoint < 0x300) {
            return false;
        }
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /**
     * Refuses a forbidden character or a row of marks, and tells whether the text is surely in NFC
     * without asking the JDK's normaliser (which costs several times this scan): it is when it holds
     * no combining mark and only characters below U+0300 or of the Arabic block, none of which
     * decomposes or composes with a character other than a mark ({@code CivilTextTest} checks every pair).
     */
    private static boolean scan(String text) {
        // marks since the last base character; -1 until the first base character
        int marks = -1;
        boolean surelyNfc = true;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (isForbidden(cp)) {
                throw new TextRefusedException(TextRule.FORBIDDEN_CHARACTER, null, i, cp);
            }
            if (isCombiningMark(cp)) {
                if (marks < 0 || ++marks > MAX_COMBINING_MARKS) {
                    throw new TextRefusedException(TextRule.COMBINING_MARKS, null, i, cp);
                }
                surelyNfc = false;
            } else {
                if (cp != ZWNJ && cp != ZWJ) {
                    marks = 0;
                }
                surelyNfc &= cp < 0x300 || (cp >= 0x600 && cp <= 0x6FF);
            }
            i += Character.charCount(cp);
        }
        return surelyNfc;
    }

    private static int firstDifference(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        // back to the start of a surrogate pair, so the offset names a whole character
        return i > 0 && i < a.length() && Character.isLowSurrogate(a.charAt(i)) ? i - 1 : Math.min(i, a.length() - 1);
    }
}
