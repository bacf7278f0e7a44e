package org.sijil.query.view.person;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.sijil.core.api.PersonName;
import org.sijil.core.api.Place;
import org.sijil.core.api.Sex;
import org.sijil.core.api.person.SpouseRole;

/**
 * A person's record as the views hold it: current identity, civil status, residence, ID cards and
 * the life-event graph. Everything except {@code children} comes from the person's own stream;
 * children come from the children's births and are filled in when the record is read.
 *
 * @param version    sequence number of the last event of the person's stream applied
 * @param civilStatus from the person's own stream: a spouse's death shows in the spouse's record
 */
public record PersonRecord(
        UUID personId,
        long version,
        String nationalNumber,
        PersonName name,
        Sex sex,
        LocalDate dateOfBirth,
        Place placeOfBirth,
        UUID motherId,
        UUID fatherId,
        Place residence,
        LocalDate residenceSince,
        CivilStatus civilStatus,
        boolean alive,
        LocalDate dateOfDeath,
        Place placeOfDeath,
        String causeOfDeath,
        List<Spouse> spouses,
        List<IdCard> idCards,
        List<Child> children,
        String registrationOffice,
        Instant registeredAt,
        Instant lastRecordedAt) {

    public PersonRecord {
        spouses = spouses == null ? List.of() : List.copyOf(spouses);
        idCards = idCards == null ? List.of() : List.copyOf(idCards);
        children = children == null ? List.of() : List.copyOf(children);
    }

    /** Never married, married (at least one marriage in force) or divorced (none in force, one ended). */
    public enum CivilStatus { NEVER_MARRIED, MARRIED, DIVORCED }

    /** A marriage seen from this person; {@code divorceDate} is set once it ended by divorce. */
    public record Spouse(UUID marriageId, UUID spouseId, SpouseRole role, LocalDate marriageDate, Place place,
                         MarriageStatus status, LocalDate divorceDate) {
    }

    /** Whether a marriage is in force. */
    public enum MarriageStatus { ACTIVE, DIVORCED }

    /** An ID card; expiry is left to the reader, who knows the date of the read. */
    public record IdCard(String cardNumber, LocalDate issuedOn, LocalDate expiresOn, CardStatus status,
                         LocalDate revokedOn, String revocationReason) {
    }

    /** Whether a card still stands. */
    public enum CardStatus { ISSUED, REVOKED }

    /** A child whose birth names this person as mother or father. */
    public record Child(UUID personId, Sex sex, LocalDate dateOfBirth, String parentRole) {
    }

    /** This record with its children. */
    public PersonRecord withChildren(List<Child> found) {
        return new PersonRecord(personId, version, nationalNumber, name, sex, dateOfBirth, placeOfBirth, motherId,
                fatherId, residence, residenceSince, civilStatus, alive, dateOfDeath, placeOfDeath, causeOfDeath,
                spouses, idCards, found, registrationOffice, registeredAt, lastRecordedAt);
    }
}
