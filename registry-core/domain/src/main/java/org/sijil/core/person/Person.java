package org.sijil.core.person;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.sijil.core.person.Rules.completeName;
import static org.sijil.core.person.Rules.completePlace;
import static org.sijil.core.person.Rules.notInFuture;
import static org.sijil.core.person.Rules.registrationDate;
import static org.sijil.core.person.Rules.required;
import static org.sijil.core.person.Rules.violation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.sijil.core.api.person.BirthRegisteredEvent;
import org.sijil.core.api.person.ChangeNameCommand;
import org.sijil.core.api.person.ChangeResidenceCommand;
import org.sijil.core.api.person.CorrectionRecordedEvent;
import org.sijil.core.api.person.DeathRegisteredEvent;
import org.sijil.core.api.person.DivorceRegisteredEvent;
import org.sijil.core.api.person.ErasePersonCommand;
import org.sijil.core.api.person.IdCardIssuedEvent;
import org.sijil.core.api.person.IdCardRevokedEvent;
import org.sijil.core.api.person.IssueIdCardCommand;
import org.sijil.core.api.person.MarriageRegisteredEvent;
import org.sijil.core.api.person.NameChangedEvent;
import org.sijil.core.api.person.PersonErasedEvent;
import org.sijil.core.api.person.PersonEvent;
import org.sijil.core.api.PersonName;
import org.sijil.core.api.person.PersonState;
import org.sijil.core.api.Place;
import org.sijil.core.api.person.RecordCorrectionCommand;
import org.sijil.core.api.person.RegisterBirthCommand;
import org.sijil.core.api.person.RegisterDeathCommand;
import org.sijil.core.api.person.RegisterDivorceCommand;
import org.sijil.core.api.person.RegisterMarriageCommand;
import org.sijil.core.api.person.ResidenceChangedEvent;
import org.sijil.core.api.person.RevokeIdCardCommand;
import org.sijil.core.api.person.PersonRule;
import org.sijil.core.api.Sex;
import org.sijil.core.api.person.SpouseRole;

/**
 * One registered person: the event-sourced aggregate behind every civil record of that person.
 *
 * <p>Command handlers check the rules and apply events; event-sourcing handlers only assign
 * state, and tolerate null {@link org.sijil.core.api.Personal} fields, which is how an erased
 * person's events read back once their data key is destroyed.
 *
 * <p>Rules kept here (codes in {@link PersonRule}):
 * <ul>
 *   <li>every date a command supplies is on or before the registration date;</li>
 *   <li>life events are dated on or after the date of birth, and the date of death is on or after
 *       the date of birth and every life event already recorded;</li>
 *   <li>a deceased person accepts no life event, except a correction of the death itself; a
 *       card may still be revoked (revocation is an administrative act, "holder deceased" being
 *       one of its reasons) and the record may still be erased;</li>
 *   <li>a correction names an existing event of this person and carries only values that event
 *       holds; it never rewrites the earlier event, yet the current state reflects it;</li>
 *   <li>an ID card is revoked only when held and not yet revoked; it expires after its issue;</li>
 *   <li>an erased person accepts no further commands.</li>
 * </ul>
 * Marriage rules that need both spouses live in {@link MarriageCommandHandler}; those about
 * one spouse (alive, adult, of the role's sex) are checked here by {@link #recordMarriage}.
 */
@AggregateRoot
public class Person {

    /** Minimum age to marry: Iraqi Personal Status Law No. 188 of 1959, article 7 (completed 18 years). */
    static final int MARRIAGE_AGE = 18;

    @AggregateIdentifier
    private UUID personId;
    private String nationalNumber;
    private Sex sex;
    private LocalDate dateOfBirth;
    private Place placeOfBirth;
    private UUID motherId;
    private UUID fatherId;
    private Place residence;
    private LocalDate dateOfDeath;
    private LocalDate earliestLifeEventDate;
    private LocalDate latestLifeEventDate;
    private boolean erased;
    /** Every event of this person by message identifier, with the event it is about. */
    private final Map<String, RecordedEvent> events = new HashMap<>();
    /** The name each name-bearing event gives, corrections included, in stream order. */
    private final LinkedHashMap<String, PersonName> names = new LinkedHashMap<>();
    private final LinkedHashMap<UUID, Marriage> marriages = new LinkedHashMap<>();
    private final List<IdCard> idCards = new ArrayList<>();

    /** For event sourcing only. */
    public Person() {
    }

    /** Registers a birth; {@link BirthCommandHandler} has checked the command. */
    Person(RegisterBirthCommand command, String nationalNumber) {
        apply(new BirthRegisteredEvent(command.personId(), nationalNumber, command.name(),
                command.sex(), command.dateOfBirth(), command.placeOfBirth(), command.motherId(),
                command.fatherId(), command.registrationOffice(), command.recordedAt()));
    }

    // ----------------------------------------------------------------------------------- commands

    @CommandHandler
    void handle(RegisterDeathCommand command) {
        requireLiving();
        LocalDate today = registrationDate(command.recordedAt());
        required(command.dateOfDeath(), "dateOfDeath");
        required(command.registrationOffice(), "registrationOffice");
        notInFuture(command.dateOfDeath(), "dateOfDeath", today);
        checkDateOfDeath(command.dateOfDeath(), dateOfBirth, "dateOfDeath");
        apply(new DeathRegisteredEvent(personId, command.dateOfDeath(), command.placeOfDeath(),
                command.causeOfDeath(), command.registrationOffice(), command.recordedAt()));
    }

    @CommandHandler
    void handle(ChangeNameCommand command) {
        requireLiving();
        LocalDate today = registrationDate(command.recordedAt());
        completeName(command.newName(), "newName", false);
        required(command.effectiveDate(), "effectiveDate");
        required(command.legalReference(), "legalReference");
        required(command.registrationOffice(), "registrationOffice");
        checkLifeEventDate(command.effectiveDate(), "effectiveDate", today);
        apply(new NameChangedEvent(personId, command.newName(), command.effectiveDate(),
                command.legalReference(), command.registrationOffice(), command.recordedAt()));
    }

    @CommandHandler
    void handle(ChangeResidenceCommand command) {
        requireLiving();
        LocalDate today = registrationDate(command.recordedAt());
        completePlace(command.residence(), "residence");
        required(command.since(), "since");
        required(command.registrationOffice(), "registrationOffice");
        checkLifeEventDate(command.since(), "since", today);
        apply(new ResidenceChangedEvent(personId, command.residence(), command.since(),
                command.registrationOffice(), command.recordedAt()));
    }

    /**
     * Issues a card. Its number must not belong to another person ({@code cards}, a set-based check in
     * the same transaction); the aggregate itself refuses a number this person already holds or held.
     */
    @CommandHandler
    void handle(IssueIdCardCommand command, IdCardIndex cards) {
        requireLiving();
        LocalDate today = registrationDate(command.recordedAt());
        required(command.cardNumber(), "cardNumber");
        required(command.issuedOn(), "issuedOn");
        required(command.expiresOn(), "expiresOn");
        required(command.registrationOffice(), "registrationOffice");
        checkLifeEventDate(command.issuedOn(), "issuedOn", today);
        if (!command.expiresOn().isAfter(command.issuedOn())) {
            throw violation(PersonRule.ID_CARD_EXPIRY_NOT_AFTER_ISSUE, "expiresOn",
                    "Expiry " + command.expiresOn() + " is not after issue " + command.issuedOn());
        }
        if (card(command.cardNumber()) != null) {
            throw violation(PersonRule.ID_CARD_DUPLICATE, "cardNumber", "Card already issued to this person");
        }
        cards.claim(command.cardNumber(), personId);
        apply(new IdCardIssuedEvent(personId, command.cardNumber(), command.issuedOn(), command.expiresOn(),
                command.registrationOffice(), command.recordedAt()));
    }

    @CommandHandler
    void handle(RevokeIdCardCommand command) {
        requireNotErased();
        LocalDate today = registrationDate(command.recordedAt());
        required(command.cardNumber(), "cardNumber");
        required(command.revokedOn(), "revokedOn");
        required(command.reason(), "reason");
        required(command.registrationOffice(), "registrationOffice");
        notInFuture(command.revokedOn(), "revokedOn", today);
        IdCard card = card(command.cardNumber());
        if (card == null) {
            throw violation(PersonRule.ID_CARD_NOT_HELD, "cardNumber", "The person holds no such card");
        }
        if (card.revokedOn() != null) {
            throw violation(PersonRule.ID_CARD_ALREADY_REVOKED, "cardNumber", "Card revoked on " + card.revokedOn());
        }
        if (command.revokedOn().isBefore(card.issuedOn())) {
            throw violation(PersonRule.ID_CARD_REVOKED_BEFORE_ISSUE, "revokedOn",
                    "Revocation " + command.revokedOn() + " is before issue " + card.issuedOn());
        }
        apply(new IdCardRevokedEvent(personId, command.cardNumber(), command.revokedOn(), command.reason(),
                command.registrationOffice(), command.recordedAt()));
    }

    @CommandHandler
    void handle(RecordCorrectionCommand command) {
        requireNotErased();
        LocalDate today = registrationDate(command.recordedAt());
        required(command.correctedEventId(), "correctedEventId");
        required(command.court(), "court");
        required(command.judgmentReference(), "judgmentReference");
        required(command.judgmentDate(), "judgmentDate");
        required(command.registrationOffice(), "registrationOffice");
        RecordedEvent corrected = events.get(command.correctedEventId());
        if (corrected == null) {
            throw violation(PersonRule.CORRECTION_UNKNOWN_EVENT, "correctedEventId",
                    "No event " + command.correctedEventId() + " in this person's record");
        }
        Class<? extends PersonEvent> about = events.get(corrected.aboutEventId()).type();
        if (dateOfDeath != null && about != DeathRegisteredEvent.class) {
            throw violation(PersonRule.PERSON_DECEASED, "correctedEventId",
                    "The person is deceased; only the death itself can still be corrected");
        }
        if (command.name() == null && command.sex() == null && command.dateOfBirth() == null
                && command.placeOfBirth() == null && command.dateOfDeath() == null) {
            throw violation(PersonRule.CORRECTION_EMPTY, null, "The correction carries no corrected value");
        }
        boolean birth = about == BirthRegisteredEvent.class;
        applicable(command.name(), "name", birth || about == NameChangedEvent.class);
        applicable(command.sex(), "sex", birth);
        applicable(command.dateOfBirth(), "dateOfBirth", birth);
        applicable(command.placeOfBirth(), "placeOfBirth", birth);
        applicable(command.dateOfDeath(), "dateOfDeath", about == DeathRegisteredEvent.class);
        notInFuture(command.judgmentDate(), "judgmentDate", today);
        if (command.name() != null) {
            completeName(command.name(), "name", birth);
        }
        if (command.placeOfBirth() != null) {
            completePlace(command.placeOfBirth(), "placeOfBirth");
        }
        if (command.dateOfBirth() != null) {
            notInFuture(command.dateOfBirth(), "dateOfBirth", today);
            if (dateOfDeath != null && dateOfDeath.isBefore(command.dateOfBirth())) {
                throw violation(PersonRule.DEATH_BEFORE_BIRTH, "dateOfBirth",
                        "Corrected birth " + command.dateOfBirth() + " is after death " + dateOfDeath);
            }
            if (earliestLifeEventDate != null && earliestLifeEventDate.isBefore(command.dateOfBirth())) {
                throw violation(PersonRule.DATE_BEFORE_BIRTH, "dateOfBirth",
                        "A life event dated " + earliestLifeEventDate + " would precede the corrected birth");
            }
        }
        if (command.dateOfDeath() != null) {
            notInFuture(command.dateOfDeath(), "dateOfDeath", today);
            checkDateOfDeath(command.dateOfDeath(), dateOfBirth, "dateOfDeath");
        }
        apply(new CorrectionRecordedEvent(personId, command.correctedEventId(), command.court(),
                command.judgmentReference(), command.judgmentDate(), command.name(), command.sex(),
                command.dateOfBirth(), command.placeOfBirth(), command.dateOfDeath(), command.reason(),
                command.registrationOffice(), command.recordedAt()));
    }

    @CommandHandler
    void handle(ErasePersonCommand command) {
        requireNotErased();
        registrationDate(command.recordedAt());
        required(command.legalReference(), "legalReference");
        apply(new PersonErasedEvent(personId, command.legalReference(), command.recordedAt()));
    }

    /**
     * Records this person's side of a marriage. Called by {@link MarriageCommandHandler} on a
     * loaded aggregate, once for each spouse in the same unit of work, after the rules that need
     * both spouses have passed.
     *
     * @param role the role this person takes; violations name {@code husbandId} or {@code wifeId}
     */
    public void recordMarriage(RegisterMarriageCommand command, SpouseRole role) {
        checkCanMarry(command, role);
        UUID spouseId = role == SpouseRole.HUSBAND ? command.wifeId() : command.husbandId();
        apply(new MarriageRegisteredEvent(personId, command.marriageId(), spouseId, role, command.marriageDate(),
                command.place(), command.courtAuthorisation(), command.registrationOffice(), command.recordedAt()));
    }

    /**
     * Records this person's side of a divorce. Called by {@link MarriageCommandHandler} for each
     * former spouse in the same unit of work.
     */
    public void recordDivorce(RegisterDivorceCommand command) {
        checkCanDivorce(command);
        apply(new DivorceRegisteredEvent(personId, command.marriageId(), command.divorceDate(),
                command.courtReference(), command.registrationOffice(), command.recordedAt()));
    }

    /** Rules about one spouse: not erased, alive, of the role's sex and of age on the marriage date. */
    void checkCanMarry(RegisterMarriageCommand command, SpouseRole role) {
        String field = role == SpouseRole.HUSBAND ? "husbandId" : "wifeId";
        if (erased) {
            throw violation(PersonRule.PERSON_ERASED, field, "The person's record was erased");
        }
        if (dateOfDeath != null) {
            throw violation(PersonRule.PERSON_DECEASED, field, "The person died on " + dateOfDeath);
        }
        LocalDate today = registrationDate(command.recordedAt());
        required(command.marriageDate(), "marriageDate");
        notInFuture(command.marriageDate(), "marriageDate", today);
        if (marriages.containsKey(command.marriageId())) {
            throw violation(PersonRule.MARRIAGE_ID_TAKEN, "marriageId", "Marriage already recorded");
        }
        Sex expected = role == SpouseRole.HUSBAND ? Sex.MALE : Sex.FEMALE;
        if (sex != expected) {
            throw violation(PersonRule.MARRIAGE_WRONG_SEX, field, "A " + role + " must be " + expected);
        }
        if (dateOfBirth.plusYears(MARRIAGE_AGE).isAfter(command.marriageDate())) {
            throw violation(PersonRule.MARRIAGE_UNDERAGE, field,
                    "Under " + MARRIAGE_AGE + " on " + command.marriageDate());
        }
    }

    void checkCanDivorce(RegisterDivorceCommand command) {
        if (erased) {
            throw violation(PersonRule.PERSON_ERASED, "marriageId", "A spouse's record was erased");
        }
        if (dateOfDeath != null) {
            throw violation(PersonRule.PERSON_DECEASED, "marriageId", "A spouse died on " + dateOfDeath);
        }
        LocalDate today = registrationDate(command.recordedAt());
        required(command.divorceDate(), "divorceDate");
        notInFuture(command.divorceDate(), "divorceDate", today);
        Marriage marriage = marriages.get(command.marriageId());
        if (marriage == null) {
            throw violation(PersonRule.MARRIAGE_NOT_FOUND, "marriageId", "No such marriage of this person");
        }
        if (marriage.divorceDate() != null) {
            throw violation(PersonRule.MARRIAGE_NOT_ACTIVE, "marriageId", "Divorced on " + marriage.divorceDate());
        }
        if (command.divorceDate().isBefore(marriage.marriageDate())) {
            throw violation(PersonRule.DIVORCE_BEFORE_MARRIAGE, "divorceDate",
                    "Divorce " + command.divorceDate() + " is before marriage " + marriage.marriageDate());
        }
    }

    // ------------------------------------------------------------------------- checks and views

    private void requireNotErased() {
        if (erased) {
            throw violation(PersonRule.PERSON_ERASED, "personId", "The person's record was erased");
        }
    }

    private void requireLiving() {
        requireNotErased();
        if (dateOfDeath != null) {
            throw violation(PersonRule.PERSON_DECEASED, "personId", "The person died on " + dateOfDeath);
        }
    }

    /** A life event's date: not after the registration date, not before birth. */
    private void checkLifeEventDate(LocalDate date, String field, LocalDate today) {
        notInFuture(date, field, today);
        if (dateOfBirth != null && date.isBefore(dateOfBirth)) {
            throw violation(PersonRule.DATE_BEFORE_BIRTH, field, field + " " + date + " is before birth " + dateOfBirth);
        }
    }

    private void checkDateOfDeath(LocalDate date, LocalDate born, String field) {
        if (born != null && date.isBefore(born)) {
            throw violation(PersonRule.DEATH_BEFORE_BIRTH, field, "Death " + date + " is before birth " + born);
        }
        if (latestLifeEventDate != null && date.isBefore(latestLifeEventDate)) {
            throw violation(PersonRule.DEATH_BEFORE_LAST_EVENT, field,
                    "Death " + date + " is before a life event dated " + latestLifeEventDate);
        }
    }

    private static void applicable(Object value, String field, boolean applicable) {
        if (value != null && !applicable) {
            throw violation(PersonRule.CORRECTION_NOT_APPLICABLE, field, field + " is not part of the corrected event");
        }
    }

    private IdCard card(String cardNumber) {
        for (IdCard card : idCards) {
            if (Objects.equals(card.cardNumber(), cardNumber)) {
                return card;
            }
        }
        return null;
    }

    /** The registrar's current view, corrections applied. */
    public PersonState state() {
        List<PersonState.Marriage> active = new ArrayList<>();
        if (dateOfDeath == null) {
            for (Marriage m : marriages.values()) {
                if (m.divorceDate() == null) {
                    active.add(new PersonState.Marriage(m.marriageId(), m.spouseId(), m.role(), m.marriageDate()));
                }
            }
        }
        List<PersonState.IdCard> cards = new ArrayList<>();
        for (IdCard c : idCards) {
            cards.add(new PersonState.IdCard(c.cardNumber(), c.issuedOn(), c.expiresOn(),
                    c.revokedOn() == null ? PersonState.IdCardStatus.ISSUED : PersonState.IdCardStatus.REVOKED,
                    c.revokedOn()));
        }
        return new PersonState(personId, nationalNumber, currentName(), sex, dateOfBirth, placeOfBirth, motherId,
                fatherId, residence, dateOfDeath == null, dateOfDeath, active, cards, erased);
    }

    UUID personId() {
        return personId;
    }

    Sex sex() {
        return sex;
    }

    LocalDate dateOfBirth() {
        return dateOfBirth;
    }

    LocalDate dateOfDeath() {
        return dateOfDeath;
    }

    boolean isErased() {
        return erased;
    }

    /** Marriages of this person not ended by divorce on or before {@code date}. */
    List<Marriage> marriagesInForceOn(LocalDate date) {
        List<Marriage> inForce = new ArrayList<>();
        for (Marriage m : marriages.values()) {
            if (m.divorceDate() == null || m.divorceDate().isAfter(date)) {
                inForce.add(m);
            }
        }
        return inForce;
    }

    private PersonName currentName() {
        PersonName current = null;
        for (PersonName name : names.values()) {
            current = name;
        }
        return current;
    }

    // ------------------------------------------------------------------------------ event sourcing

    @EventSourcingHandler
    void on(BirthRegisteredEvent event, @MessageIdentifier String eventId) {
        personId = event.personId();
        nationalNumber = event.nationalNumber();
        names.put(eventId, event.name());
        sex = event.sex();
        dateOfBirth = event.dateOfBirth();
        placeOfBirth = event.placeOfBirth();
        motherId = event.motherId();
        fatherId = event.fatherId();
        recorded(eventId, BirthRegisteredEvent.class);
    }

    @EventSourcingHandler
    void on(DeathRegisteredEvent event, @MessageIdentifier String eventId) {
        dateOfDeath = event.dateOfDeath();
        recorded(eventId, DeathRegisteredEvent.class);
    }

    @EventSourcingHandler
    void on(NameChangedEvent event, @MessageIdentifier String eventId) {
        names.put(eventId, event.newName());
        lifeEventOn(event.effectiveDate());
        recorded(eventId, NameChangedEvent.class);
    }

    @EventSourcingHandler
    void on(ResidenceChangedEvent event, @MessageIdentifier String eventId) {
        residence = event.residence();
        lifeEventOn(event.since());
        recorded(eventId, ResidenceChangedEvent.class);
    }

    @EventSourcingHandler
    void on(IdCardIssuedEvent event, @MessageIdentifier String eventId) {
        idCards.add(new IdCard(event.cardNumber(), event.issuedOn(), event.expiresOn(), null));
        lifeEventOn(event.issuedOn());
        recorded(eventId, IdCardIssuedEvent.class);
    }

    @EventSourcingHandler
    void on(IdCardRevokedEvent event, @MessageIdentifier String eventId) {
        for (int i = 0; i < idCards.size(); i++) {
            IdCard card = idCards.get(i);
            if (card.revokedOn() == null && Objects.equals(card.cardNumber(), event.cardNumber())) {
                idCards.set(i, new IdCard(card.cardNumber(), card.issuedOn(), card.expiresOn(), event.revokedOn()));
                break;
            }
        }
        recorded(eventId, IdCardRevokedEvent.class);
    }

    @EventSourcingHandler
    void on(MarriageRegisteredEvent event, @MessageIdentifier String eventId) {
        marriages.put(event.marriageId(),
                new Marriage(event.marriageId(), event.spouseId(), event.role(), event.marriageDate(), null));
        lifeEventOn(event.marriageDate());
        recorded(eventId, MarriageRegisteredEvent.class);
    }

    @EventSourcingHandler
    void on(DivorceRegisteredEvent event, @MessageIdentifier String eventId) {
        Marriage m = marriages.get(event.marriageId());
        if (m != null) {
            marriages.put(m.marriageId(),
                    new Marriage(m.marriageId(), m.spouseId(), m.role(), m.marriageDate(), event.divorceDate()));
        }
        lifeEventOn(event.divorceDate());
        recorded(eventId, DivorceRegisteredEvent.class);
    }

    @EventSourcingHandler
    void on(CorrectionRecordedEvent event, @MessageIdentifier String eventId) {
        RecordedEvent corrected = events.get(event.correctedEventId());
        String aboutEventId = corrected == null ? eventId : corrected.aboutEventId();
        if (event.name() != null && names.containsKey(aboutEventId)) {
            names.put(aboutEventId, event.name());
        }
        if (event.sex() != null) {
            sex = event.sex();
        }
        if (event.dateOfBirth() != null) {
            dateOfBirth = event.dateOfBirth();
        }
        if (event.placeOfBirth() != null) {
            placeOfBirth = event.placeOfBirth();
        }
        if (event.dateOfDeath() != null) {
            dateOfDeath = event.dateOfDeath();
        }
        events.put(eventId, new RecordedEvent(CorrectionRecordedEvent.class, aboutEventId));
    }

    @EventSourcingHandler
    void on(PersonErasedEvent event, @MessageIdentifier String eventId) {
        // What the stream yields once the data key is gone: personal values become unknown.
        erased = true;
        nationalNumber = null;
        names.replaceAll((id, name) -> null);
        dateOfBirth = null;
        placeOfBirth = null;
        motherId = null;
        fatherId = null;
        residence = null;
        marriages.replaceAll((id, m) -> new Marriage(m.marriageId(), null, m.role(), m.marriageDate(), m.divorceDate()));
        idCards.replaceAll(c -> new IdCard(null, c.issuedOn(), c.expiresOn(), c.revokedOn()));
        recorded(eventId, PersonErasedEvent.class);
    }

    private void recorded(String eventId, Class<? extends PersonEvent> type) {
        events.put(eventId, new RecordedEvent(type, eventId));
    }

    private void lifeEventOn(LocalDate date) {
        if (date == null) {
            return;
        }
        if (earliestLifeEventDate == null || date.isBefore(earliestLifeEventDate)) {
            earliestLifeEventDate = date;
        }
        if (latestLifeEventDate == null || date.isAfter(latestLifeEventDate)) {
            latestLifeEventDate = date;
        }
    }

    /**
     * An event of this person: its type, and the event it is about — itself, or for a correction
     * the event first corrected (a correction of a correction is about the same original event).
     */
    record RecordedEvent(Class<? extends PersonEvent> type, String aboutEventId) {
    }

    /** A marriage seen from this person; {@code divorceDate} is null while it lasts. */
    record Marriage(UUID marriageId, UUID spouseId, SpouseRole role, LocalDate marriageDate, LocalDate divorceDate) {
    }

    record IdCard(String cardNumber, LocalDate issuedOn, LocalDate expiresOn, LocalDate revokedOn) {
    }
}
