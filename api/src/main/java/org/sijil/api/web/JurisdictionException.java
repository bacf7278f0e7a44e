package org.sijil.api.web;

/** A registrar tried to record an event outside the governorate of their office. */
public class JurisdictionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String governorate;

    public JurisdictionException(String field, String governorate) {
        super("Outside the registrar's governorate: " + governorate);
        this.field = field;
        this.governorate = governorate;
    }

    public String field() {
        return field;
    }

    public String governorate() {
        return governorate;
    }
}
