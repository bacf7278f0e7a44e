package org.sijil.query.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds a name in Arabic, Kurdish (Sorani, Arabic script) or Latin script to the form the search
 * index stores, so that spelling variants that Iraqi registers use interchangeably compare equal:
 * <ul>
 *   <li>hamza and alef forms أ إ آ ٱ → ا; ؤ → و; ئ → ي;</li>
 *   <li>taa marbuta ة → ه; alef maqsura ى → ي;</li>
 *   <li>Kurdish and Persian letters ک → ك, ی ێ ې → ي, ە ھ ۀ ہ → ه (so a Sorani spelling such as
 *       حوسێن finds the Arabic حسين only where the letters agree; Kurdish long vowels are not dropped);</li>
 *   <li>tatweel ـ, harakat (U+064B–U+0652), superscript alef (U+0670), a lone hamza ء (كربلاء and
 *       كربلا are the same place) and zero-width (non-)joiners removed;</li>
 *   <li>Latin letters lower-cased with their accents removed;</li>
 *   <li>anything that is not a letter or digit becomes a space, and runs of spaces one space.</li>
 * </ul>
 * The same method runs on stored names and on queries; changing it means rebuilding the views.
 */
public final class ArabicNormalizer {

    private ArabicNormalizer() {
    }

    /**
     * The normalised form of {@code text}: lower case, single spaces, no leading or trailing space.
     *
     * @return {@code ""} for {@code null} or for text with no letter or digit
     */
    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        // NFKC folds Arabic presentation forms (ﻻ, ﺃ) to their letters; NFD then splits Latin accents off
        String composed = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(composed.length());
        boolean pendingSpace = false;
        for (int i = 0; i < composed.length(); ) {
            int c = composed.codePointAt(i);
            i += Character.charCount(c);
            int folded = fold(c);
            if (folded == DROP) {
                continue;
            }
            if (folded == SPACE) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.appendCodePoint(folded);
        }
        return out.toString();
    }

    private static final int DROP = -1;
    private static final int SPACE = -2;

    private static int fold(int c) {
        switch (c) {
            case 'أ', 'إ', 'آ', 'ٱ' -> {
                return 'ا';
            }
            case 'ؤ' -> {
                return 'و';
            }
            case 'ئ', 'ى', 'ی', 'ې', 'ێ' -> {
                return 'ي';
            }
            case 'ة', 'ە', 'ھ', 'ۀ', 'ہ' -> {
                return 'ه';
            }
            case 'ک' -> {
                return 'ك';
            }
            case 'ـ', '\u200C', '\u200D', '\u200E', '\u200F', '\u0670', 'ء' -> {
                return DROP;
            }
            default -> {
                // handled below
            }
        }
        if (c >= 0x064B && c <= 0x0652) {
            return DROP;
        }
        if (c < 0x0250 && Character.isLetter(c)) {
            return latin(c);
        }
        if (Character.isLetterOrDigit(c)) {
            return c;
        }
        if (Character.getType(c) == Character.NON_SPACING_MARK) {
            return DROP;
        }
        return SPACE;
    }

    /** A Latin letter without its accent, lower-cased (é → e, Ş → s). */
    private static int latin(int c) {
        String base = Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFD);
        return Character.toLowerCase(base.codePointAt(0)) == 'ı' ? 'i'
                : base.toLowerCase(Locale.ROOT).codePointAt(0);
    }
}
