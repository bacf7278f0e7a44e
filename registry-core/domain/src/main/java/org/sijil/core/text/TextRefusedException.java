package org.sijil.core.text;

import java.util.Locale;

/**
 * Text broke a rule of {@link CivilText}. Carries the rule, where the text sits ({@code field}: a
 * dotted path such as {@code placeOfBirth.locality}, or {@code null} where the caller names none)
 * and the offending character and its offset, but never the text itself, which may be personal data.
 */
public final class TextRefusedException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final TextRule rule;
    private final String field;
    private final int index;
    private final int codePoint;

    TextRefusedException(TextRule rule, String field, int index, int codePoint) {
        super(rule.code() + (field == null ? "" : " in " + field) + ": "
                + String.format(Locale.ROOT, "U+%04X at offset %d", codePoint, index));
        this.rule = rule;
        this.field = field;
        this.index = index;
        this.codePoint = codePoint;
    }

    /** The same refusal, of the text at {@code field}. */
    public TextRefusedException in(String field) {
        return new TextRefusedException(rule, field, index, codePoint);
    }

    public TextRule rule() {
        return rule;
    }

    /** The rule's stable code. */
    public String code() {
        return rule.code();
    }

    public String field() {
        return field;
    }

    /** The offset (in UTF-16 units) of the character at fault. */
    public int index() {
        return index;
    }

    /** The character at fault: for {@link TextRule#NOT_NORMALISED}, the first that the quick check doubts. */
    public int codePoint() {
        return codePoint;
    }
}
