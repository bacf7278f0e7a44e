package org.sijil.api.pages;

import java.time.DateTimeException;
import java.time.LocalDate;

/** Parsing what a form sends, each failure reported beside its field. */
final class PageForms {

    private PageForms() {
    }

    /** A date typed as {@code YYYY-MM-DD} (what a date input sends), null when blank or malformed. */
    static LocalDate date(String value, String field, PageErrors errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeException e) {
            errors.field(field, "value.malformed");
            return null;
        }
    }
}
