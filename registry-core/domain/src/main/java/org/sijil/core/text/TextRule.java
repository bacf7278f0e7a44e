package org.sijil.core.text;

/**
 * The rules of {@link CivilText}, each with its stable code: the code keys a localised message in
 * the API, so once published it keeps its meaning.
 */
public enum TextRule {

    /** A character no civil record holds: a control, a line or paragraph separator, a bidi control... */
    FORBIDDEN_CHARACTER("text.forbidden-character",
            "The text holds a character no civil record may contain (a control, line break or direction"
                    + " character, an invisible format character, a noncharacter or an unassigned one)."),
    /** More combining marks on one letter than any script Sijil records needs, or a mark on no letter. */
    COMBINING_MARKS("text.combining-marks",
            "The text stacks more combining marks on one letter than the script needs, or starts with a mark."),
    /** Text to be stored that is not in Unicode Normalization Form C (requests are normalised instead). */
    NOT_NORMALISED("text.not-normalised", "The text is not in Unicode Normalization Form C.");

    private final String code;
    private final String meaning;

    TextRule(String code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** The stable code, such as {@code text.forbidden-character}. */
    public String code() {
        return code;
    }

    /** A one-line English meaning, the reference for translators. */
    public String meaning() {
        return meaning;
    }
}
