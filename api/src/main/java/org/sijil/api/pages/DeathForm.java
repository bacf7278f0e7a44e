package org.sijil.api.pages;

import org.sijil.api.registry.Forms;
import org.sijil.api.registry.PersonController.DeathRequest;

/** The death form as typed; {@code version} as in {@link VersionedForm}. */
public class DeathForm extends VersionedForm {

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
