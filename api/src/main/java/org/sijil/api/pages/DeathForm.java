package org.sijil.api.pages;

import org.sijil.api.registry.Forms;
import org.sijil.api.registry.PersonController.DeathRequest;

/**
 * The death form as typed; {@code version} is the version of the record the officer saw, sent as
 * {@code If-Match}, so a record that changed meanwhile is shown again instead of overwritten.
 */
public class DeathForm {

    private String version;
    private String dateOfDeath;
    private String governorate;
    private String district;
    private String locality;
    private String causeOfDeath;

    DeathRequest request(PageErrors errors) {
        return new DeathRequest(PageForms.date(dateOfDeath, "dateOfDeath", errors),
                new Forms.PlaceForm(blankToNull(governorate), blankToNull(district), blankToNull(locality)),
                blankToNull(causeOfDeath));
    }

    /** The {@code If-Match} of the version the officer saw. */
    String ifMatch() {
        return version == null || !version.matches("[0-9]{1,18}") ? null : "\"" + version + "\"";
    }

    static String fieldOf(String path) {
        if (path.startsWith("placeOfDeath.")) {
            return path.substring("placeOfDeath.".length());
        }
        return switch (path) {
            case "placeOfDeath" -> "governorate";
            case "dateOfDeath", "causeOfDeath" -> path;
            default -> null;
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public String getVersion() { return version; }
    public void setVersion(String version) { this.version = version; }
    public String getDateOfDeath() { return dateOfDeath; }
    public void setDateOfDeath(String dateOfDeath) { this.dateOfDeath = dateOfDeath; }
    public String getGovernorate() { return governorate; }
    public void setGovernorate(String governorate) { this.governorate = governorate; }
    public String getDistrict() { return district; }
    public void setDistrict(String district) { this.district = district; }
    public String getLocality() { return locality; }
    public void setLocality(String locality) { this.locality = locality; }
    public String getCauseOfDeath() { return causeOfDeath; }
    public void setCauseOfDeath(String causeOfDeath) { this.causeOfDeath = causeOfDeath; }
}
