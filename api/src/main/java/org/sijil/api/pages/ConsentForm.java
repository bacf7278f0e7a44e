package org.sijil.api.pages;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.sijil.api.consent.CitizenConsentController.GrantRequest;

/** The consent form as typed; the period ends at the end of the chosen day in Baghdad. */
public class ConsentForm {

    private static final ZoneId IRAQ = ZoneId.of("Asia/Baghdad");

    private String ministry;
    private String purposeCode;
    private String purposeText;
    private List<String> categories = new ArrayList<>();
    private String validUntil;

    GrantRequest request(PageErrors errors) {
        LocalDate until = PageForms.date(validUntil, "validUntil", errors);
        return new GrantRequest(blankToNull(ministry), blankToNull(purposeCode), blankToNull(purposeText),
                categories == null ? List.of() : List.copyOf(categories), null,
                until == null ? null : until.plusDays(1).atStartOfDay(IRAQ).toInstant(), false, "online-portal");
    }

    static String fieldOf(String path) {
        if (path.startsWith("categories")) {
            return "categories";
        }
        return switch (path) {
            case "ministry", "purposeCode", "purposeText", "validUntil" -> path;
            case "validFrom", "period" -> "validUntil";
            default -> null;
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String getMinistry() { return ministry; }
    public void setMinistry(String ministry) { this.ministry = ministry; }
    public String getPurposeCode() { return purposeCode; }
    public void setPurposeCode(String purposeCode) { this.purposeCode = purposeCode; }
    public String getPurposeText() { return purposeText; }
    public void setPurposeText(String purposeText) { this.purposeText = purposeText; }
    public List<String> getCategories() { return categories; }
    public void setCategories(List<String> categories) { this.categories = categories; }
    public String getValidUntil() { return validUntil; }
    public void setValidUntil(String validUntil) { this.validUntil = validUntil; }
}
