package org.sijil.api.pages;

import java.util.Arrays;
import org.sijil.api.registry.Forms;
import org.sijil.api.registry.PersonController.NameChangeRequest;

/** The change-of-name form as typed: the new lineage name, its date and legal reference. */
public class NameChangeForm extends VersionedForm {

    private String given;
    private String father;
    private String grandfather;
    private String family;
    private String motherGiven;
    private String maternalGrandfather;
    private String latinGiven;
    private String latinFather;
    private String latinGrandfather;
    private String latinFamily;
    private String effectiveDate;
    private String legalReference;

    NameChangeRequest request(PageErrors errors) {
        Forms.ArabicName arabic = new Forms.ArabicName(blankToNull(given), blankToNull(father),
                blankToNull(grandfather), blankToNull(family), blankToNull(motherGiven),
                blankToNull(maternalGrandfather));
        Forms.LatinName latin = Arrays.stream(new String[] {latinGiven, latinFather, latinGrandfather, latinFamily})
                .allMatch(v -> v == null || v.isBlank()) ? null
                : new Forms.LatinName(blankToNull(latinGiven), blankToNull(latinFather),
                        blankToNull(latinGrandfather), blankToNull(latinFamily), null, null);
        return new NameChangeRequest(new Forms.Name(arabic, null, latin),
                PageForms.date(effectiveDate, "effectiveDate", errors), blankToNull(legalReference));
    }

    /** The form field a request path names: {@code newName.latin.given} is {@code latinGiven}. */
    static String fieldOf(String path) {
        if (path.startsWith("newName")) {
            return BirthForm.fieldOf(path.substring("new".length()).replaceFirst("^N", "n"));
        }
        return switch (path) {
            case "effectiveDate", "legalReference" -> path;
            default -> null;
        };
    }

    public String getGiven() { return given; }
    public void setGiven(String given) { this.given = given; }
    public String getFather() { return father; }
    public void setFather(String father) { this.father = father; }
    public String getGrandfather() { return grandfather; }
    public void setGrandfather(String grandfather) { this.grandfather = grandfather; }
    public String getFamily() { return family; }
    public void setFamily(String family) { this.family = family; }
    public String getMotherGiven() { return motherGiven; }
    public void setMotherGiven(String motherGiven) { this.motherGiven = motherGiven; }
    public String getMaternalGrandfather() { return maternalGrandfather; }
    public void setMaternalGrandfather(String maternalGrandfather) { this.maternalGrandfather = maternalGrandfather; }
    public String getLatinGiven() { return latinGiven; }
    public void setLatinGiven(String latinGiven) { this.latinGiven = latinGiven; }
    public String getLatinFather() { return latinFather; }
    public void setLatinFather(String latinFather) { this.latinFather = latinFather; }
    public String getLatinGrandfather() { return latinGrandfather; }
    public void setLatinGrandfather(String latinGrandfather) { this.latinGrandfather = latinGrandfather; }
    public String getLatinFamily() { return latinFamily; }
    public void setLatinFamily(String latinFamily) { this.latinFamily = latinFamily; }
    public String getEffectiveDate() { return effectiveDate; }
    public void setEffectiveDate(String effectiveDate) { this.effectiveDate = effectiveDate; }
    public String getLegalReference() { return legalReference; }
    public void setLegalReference(String legalReference) { this.legalReference = legalReference; }
}
