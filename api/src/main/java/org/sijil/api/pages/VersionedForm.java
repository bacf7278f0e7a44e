package org.sijil.api.pages;

/**
 * A life-event form on a registered person: {@code version} is the version of the record the
 * officer saw, sent as {@code If-Match}, so a record that changed meanwhile is shown again instead
 * of overwritten.
 */
public abstract class VersionedForm {

    private String version;

    /** The {@code If-Match} of the version the officer saw. */
    String ifMatch() {
        return version == null || !version.matches("[0-9]{1,18}") ? null : "\"" + version + "\"";
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String getVersion() { return version; }
    public void setVersion(String version) { this.version = version; }
}
