package org.sijil.api.pages;

import org.sijil.api.registry.PersonController.IdCardRequest;

/** The ID card form as typed; {@code version} as in {@link VersionedForm}. */
public class IdCardForm extends VersionedForm {

    private String cardNumber;
    private String issuedOn;
    private String expiresOn;

    IdCardRequest request(PageErrors errors) {
        return new IdCardRequest(blankToNull(cardNumber), PageForms.date(issuedOn, "issuedOn", errors),
                PageForms.date(expiresOn, "expiresOn", errors));
    }

    static String fieldOf(String path) {
        return switch (path) {
            case "cardNumber", "issuedOn", "expiresOn" -> path;
            default -> null;
        };
    }

    public String getCardNumber() { return cardNumber; }
    public void setCardNumber(String cardNumber) { this.cardNumber = cardNumber; }
    public String getIssuedOn() { return issuedOn; }
    public void setIssuedOn(String issuedOn) { this.issuedOn = issuedOn; }
    public String getExpiresOn() { return expiresOn; }
    public void setExpiresOn(String expiresOn) { this.expiresOn = expiresOn; }
}
