package org.sijil.query.view.person;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.sijil.core.api.person.BirthRegisteredEvent;
import org.sijil.core.api.person.CorrectionRecordedEvent;
import org.sijil.core.api.person.DeathRegisteredEvent;
import org.sijil.core.api.person.DivorceRegisteredEvent;
import org.sijil.core.api.person.IdCardIssuedEvent;
import org.sijil.core.api.person.IdCardRevokedEvent;
import org.sijil.core.api.person.MarriageRegisteredEvent;
import org.sijil.core.api.person.NameChangedEvent;
import org.sijil.core.api.person.PersonErasedEvent;
import org.sijil.core.api.person.PersonEvent;
import org.sijil.core.api.PersonName;
import org.sijil.core.api.Place;
import org.sijil.core.api.Sex;
import org.sijil.query.view.person.PersonRecord.CardStatus;
import org.sijil.query.view.person.PersonRecord.CivilStatus;
import org.sijil.query.view.person.PersonRecord.IdCard;
import org.sijil.query.view.person.PersonRecord.MarriageStatus;
import org.sijil.query.view.person.PersonRecord.Spouse;

/**
 * Folds one person's own events into a {@link PersonRecord}. The projection applies it event by
 * event and the as-of view over a prefix of the stream, so both read the stream the same way.
 *
 * <p>A {@code null} record means "nothing to show": not yet born, or erased. A birth whose national
 * number reads as {@code null} belongs to an erased person (their data key is gone, and the national
 * number is required at birth), so it yields {@code null} too, and so does everything after it.
 */
public final class PersonFold {

    private PersonFold() {
    }

    /** Folds a whole stream, in sequence order; sequence numbers start at 0. */
    public static PersonRecord fold(List<? extends PersonEvent> events) {
        PersonRecord record = null;
        long sequence = 0;
        for (PersonEvent event : events) {
            record = apply(record, event, sequence++);
        }
        return record;
    }

    /**
     * The record after {@code event}.
     *
     * @param record   the record before, or {@code null} if there is none
     * @param sequence the event's sequence number in the person's stream
     */
    public static PersonRecord apply(PersonRecord record, PersonEvent event, long sequence) {
        if (event instanceof PersonErasedEvent) {
            return null;
        }
        if (event instanceof BirthRegisteredEvent birth) {
            if (birth.nationalNumber() == null || birth.name() == null) {
                return null;
            }
            return new PersonRecord(birth.personId(), sequence, birth.nationalNumber(), birth.name(), birth.sex(),
                    birth.dateOfBirth(), birth.placeOfBirth(), birth.motherId(), birth.fatherId(), null, null,
                    CivilStatus.NEVER_MARRIED, true, null, null, null, List.of(), List.of(), List.of(),
                    birth.registrationOffice(), birth.recordedAt(), birth.recordedAt());
        }
        if (record == null) {
            return null;
        }
        Draft d = new Draft(record, sequence, event.recordedAt());
        if (event instanceof DeathRegisteredEvent death) {
            d.alive = false;
            d.dateOfDeath = death.dateOfDeath();
            d.placeOfDeath = death.placeOfDeath();
            d.causeOfDeath = death.causeOfDeath();
        } else if (event instanceof MarriageRegisteredEvent marriage) {
            d.spouses.removeIf(s -> s.marriageId().equals(marriage.marriageId()));
            d.spouses.add(new Spouse(marriage.marriageId(), marriage.spouseId(), marriage.role(),
                    marriage.marriageDate(), marriage.place(), MarriageStatus.ACTIVE, null));
        } else if (event instanceof DivorceRegisteredEvent divorce) {
            d.spouses.replaceAll(s -> s.marriageId().equals(divorce.marriageId())
                    ? new Spouse(s.marriageId(), s.spouseId(), s.role(), s.marriageDate(), s.place(),
                            MarriageStatus.DIVORCED, divorce.divorceDate())
                    : s);
        } else if (event instanceof NameChangedEvent change) {
            d.name = orElse(change.newName(), d.name);
        } else if (event instanceof org.sijil.core.api.person.ResidenceChangedEvent move) {
            d.residence = move.residence();
            d.residenceSince = move.since();
        } else if (event instanceof IdCardIssuedEvent issued) {
            d.idCards.removeIf(c -> c.cardNumber() != null && c.cardNumber().equals(issued.cardNumber()));
            d.idCards.add(new IdCard(issued.cardNumber(), issued.issuedOn(), issued.expiresOn(), CardStatus.ISSUED,
                    null, null));
        } else if (event instanceof IdCardRevokedEvent revoked) {
            d.idCards.replaceAll(c -> c.cardNumber() != null && c.cardNumber().equals(revoked.cardNumber())
                    ? new IdCard(c.cardNumber(), c.issuedOn(), c.expiresOn(), CardStatus.REVOKED,
                            revoked.revokedOn(), revoked.reason())
                    : c);
        } else if (event instanceof CorrectionRecordedEvent correction) {
            d.name = orElse(correction.name(), d.name);
            d.sex = orElse(correction.sex(), d.sex);
            d.dateOfBirth = orElse(correction.dateOfBirth(), d.dateOfBirth);
            d.placeOfBirth = orElse(correction.placeOfBirth(), d.placeOfBirth);
            d.dateOfDeath = orElse(correction.dateOfDeath(), d.dateOfDeath);
        }
        return d.build();
    }

    private static <T> T orElse(T value, T otherwise) {
        return value != null ? value : otherwise;
    }

    private static CivilStatus civilStatus(List<Spouse> spouses) {
        if (spouses.stream().anyMatch(s -> s.status() == MarriageStatus.ACTIVE)) {
            return CivilStatus.MARRIED;
        }
        return spouses.isEmpty() ? CivilStatus.NEVER_MARRIED : CivilStatus.DIVORCED;
    }

    /** A mutable copy of a record while one event is applied. */
    private static final class Draft {
        private final PersonRecord from;
        private final long version;
        private final Instant recordedAt;
        PersonName name;
        Sex sex;
        LocalDate dateOfBirth;
        Place placeOfBirth;
        Place residence;
        LocalDate residenceSince;
        boolean alive;
        LocalDate dateOfDeath;
        Place placeOfDeath;
        String causeOfDeath;
        final List<Spouse> spouses;
        final List<IdCard> idCards;

        Draft(PersonRecord r, long version, Instant recordedAt) {
            this.from = r;
            this.version = version;
            this.recordedAt = recordedAt;
            name = r.name();
            sex = r.sex();
            dateOfBirth = r.dateOfBirth();
            placeOfBirth = r.placeOfBirth();
            residence = r.residence();
            residenceSince = r.residenceSince();
            alive = r.alive();
            dateOfDeath = r.dateOfDeath();
            placeOfDeath = r.placeOfDeath();
            causeOfDeath = r.causeOfDeath();
            spouses = new ArrayList<>(r.spouses());
            idCards = new ArrayList<>(r.idCards());
        }

        PersonRecord build() {
            UUID id = from.personId();
            return new PersonRecord(id, version, from.nationalNumber(), name, sex, dateOfBirth, placeOfBirth,
                    from.motherId(), from.fatherId(), residence, residenceSince, civilStatus(spouses), alive,
                    dateOfDeath, placeOfDeath, causeOfDeath, spouses, idCards, from.children(),
                    from.registrationOffice(), from.registeredAt(), recordedAt);
        }
    }
}
