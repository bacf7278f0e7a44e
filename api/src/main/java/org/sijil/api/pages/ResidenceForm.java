package org.sijil.api.pages;

import org.sijil.api.registry.Forms;
import org.sijil.api.registry.PersonController.ResidenceChangeRequest;

/** The change-of-residence form as typed; {@code version} as in {@link VersionedForm}. */
public class ResidenceForm extends VersionedForm {

    private String since;
    private String governorate;
    private String district;
    private String locality;

    ResidenceChangeRequest request(PageErrors errors) {
        return new ResidenceChangeRequest(
                new Forms.PlaceForm(blankToNull(governorate), blankToNull(district), blankToNull(locality)),
                PageForms.date(since, "since", errors));
    }

    static String fieldOf(String path) {
        if (path.startsWith("residence.")) {
            return path.substring("residence.".length());
        }
        return switch (path) {
            case "residence" -> "governorate";
            case "since" -> path;
            default -> null;
        };
    }

    public String getSince() { return since; }
    public void setSince(String since) { this.since = since; }
    public String getGovernorate() { return governorate; }
    public void setGovernorate(String governorate) { this.governorate = governorate; }
    public String getDistrict() { return district; }
    public void setDistrict(String district) { this.district = district; }
    public String getLocality() { return locality; }
    public void setLocality(String locality) { this.locality = locality; }
}
