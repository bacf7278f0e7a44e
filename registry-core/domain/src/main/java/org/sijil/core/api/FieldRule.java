package org.sijil.core.api;

/** The rule every command's fields follow, whatever the feature. */
public enum FieldRule implements Rule {

    /** A required field is missing or blank. */
    REQUIRED("field.required",
            "A required field is missing or blank.");

    private final String code;
    private final String meaning;

    FieldRule(String code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String meaning() {
        return meaning;
    }
}
