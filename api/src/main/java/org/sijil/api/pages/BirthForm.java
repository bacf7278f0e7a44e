package org.sijil.api.pages;

import java.util.Arrays;
import org.sijil.api.registry.BirthController.RegisterBirthRequest;
import org.sijil.api.registry.Forms;
import org.sijil.core.api.Sex;

/**
 * The birth form as typed, every field a string, so that whatever the officer entered comes back
 * to them on an error; {@link #request} turns it into the API's request.
 */
public class BirthForm {

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
    private String sex;
    private String dateOfBirth;
    private String governorate;
    private String district;
    private String locality;

    /** The API's request, with fields that do not parse reported to {@code errors} (and left null). */
    RegisterBirthRequest request(PageErrors errors) {
        Forms.ArabicName arabic = new Forms.ArabicName(blankToNull(given), blankToNull(father),
                blankToNull(grandfather), blankToNull(family), blankToNull(motherGiven),
                blankToNull(maternalGrandfather));
        Forms.LatinName latin = allBlank(latinGiven, latinFather, latinGrandfather, latinFamily) ? null
                : new Forms.LatinName(blankToNull(latinGiven), blankToNull(latinFather),
                        blankToNull(latinGrandfather), blankToNull(latinFamily), null, null);
        return new RegisterBirthRequest(new Forms.Name(arabic, null, latin), sex(errors),
                PageForms.date(dateOfBirth, "dateOfBirth", errors),
                new Forms.PlaceForm(blankToNull(governorate), blankToNull(district), blankToNull(locality)),
                null, null, null);
    }

    private Sex sex(PageErrors errors) {
        if (sex == null || sex.isBlank()) {
            return null;
        }
        try {
            return Sex.valueOf(sex);
        } catch (IllegalArgumentException e) {
            errors.field("sex", "value.malformed");
            return null;
        }
    }

    /** The form field a request path names: {@code name.latin.given} is {@code latinGiven}. */
    static String fieldOf(String path) {
        if (path.startsWith("name.latin.")) {
            String part = path.substring("name.latin.".length());
            return "latin" + Character.toUpperCase(part.charAt(0)) + part.substring(1);
        }
        if (path.startsWith("name.arabic.")) {
            return path.substring("name.arabic.".length());
        }
        if (path.startsWith("name")) {
            return "given";
        }
        if (path.startsWith("placeOfBirth.")) {
            return path.substring("placeOfBirth.".length());
        }
        return switch (path) {
            case "placeOfBirth" -> "governorate";
            case "sex", "dateOfBirth" -> path;
            default -> null;
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static boolean allBlank(String... values) {
        return Arrays.stream(values).allMatch(v -> v == null || v.isBlank());
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
    public String getSex() { return sex; }
    public void setSex(String sex) { this.sex = sex; }
    public String getDateOfBirth() { return dateOfBirth; }
    public void setDateOfBirth(String dateOfBirth) { this.dateOfBirth = dateOfBirth; }
    public String getGovernorate() { return governorate; }
    public void setGovernorate(String governorate) { this.governorate = governorate; }
    public String getDistrict() { return district; }
    public void setDistrict(String district) { this.district = district; }
    public String getLocality() { return locality; }
    public void setLocality(String locality) { this.locality = locality; }
}
