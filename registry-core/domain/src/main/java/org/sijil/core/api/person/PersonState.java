package org.sijil.core.api.person;

import org.sijil.core.api.PersonName;
import org.sijil.core.api.Place;
import org.sijil.core.api.Sex;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A registrar's current view of one person, as the write side knows it after every event and
 * correction. Personal fields are null once the person has been erased; the aggregate version is
 * carried by the framework, not here.
 *
 * @param alive           false once a death is registered
 * @param activeMarriages marriages not ended by divorce or by this person's death; a spouse's
 *                        death shows in the spouse's own record
 */
public record PersonState(
        UUID personId,
        String nationalNumber,
        PersonName name,
        Sex sex,
        LocalDate dateOfBirth,
        Place placeOfBirth,
        UUID motherId,
        UUID fatherId,
        Place residence,
        boolean alive,
        LocalDate dateOfDeath,
        List<Marriage> activeMarriages,
        List<IdCard> idCards,
        boolean erased) {

    public PersonState {
        activeMarriages = List.copyOf(activeMarriages);
        idCards = List.copyOf(idCards);
    }

    /** A marriage in force, seen from this person. */
    public record Marriage(UUID marriageId, UUID spouseId, SpouseRole role, LocalDate marriageDate) {
    }

    /** An ID card issued to this person; {@code revokedOn} is null unless revoked. */
    public record IdCard(String cardNumber, LocalDate issuedOn, LocalDate expiresOn, IdCardStatus status,
                         LocalDate revokedOn) {
    }

    /** Whether a card still stands; expiry is left to the reader, who knows the date of the read. */
    public enum IdCardStatus { ISSUED, REVOKED }
}
