package org.sijil.api.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.sijil.store.PersonStateReader;
import org.sijil.api.access.AccessRecorder;
import org.sijil.api.reference.ReferenceData;
import org.sijil.api.security.Caller;
import org.sijil.store.EventLedger;
import org.sijil.store.read.StoredEvent;
import org.sijil.api.web.BadRequestException;
import org.sijil.api.web.JurisdictionException;
import org.sijil.api.security.Roles;
import org.sijil.core.api.DataCategory;
import org.sijil.api.web.ProblemException;
import org.sijil.core.api.person.PersonState;
import org.sijil.core.person.Person;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * What every registrar endpoint does around its command: check the registrar's role and
 * jurisdiction and the place against the reference data, stamp the registration time from the
 * clock, record the reads of other persons' records that the command's rules make, send the command
 * with the officer and office in its metadata, and report what was stored.
 */
@Component
class RegistrarDesk {

    static final ZoneId IRAQ = ZoneId.of("Asia/Baghdad");

    private final CommandGateway commands;
    private final PersonStateReader persons;
    private final EventLedger ledger;
    private final ReferenceData reference;
    private final AccessRecorder recorder;
    private final Clock clock;

    RegistrarDesk(CommandGateway commands, PersonStateReader persons, EventLedger ledger, ReferenceData reference,
                  AccessRecorder recorder, Clock clock) {
        this.commands = commands;
        this.persons = persons;
        this.ledger = ledger;
        this.reference = reference;
        this.recorder = recorder;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), IRAQ);
    }

    /** The caller, who must be a registrar whose office lies in {@code governorate}. */
    Caller registrarIn(Authentication authentication, String governorate, String field) {
        Caller caller = Caller.of(authentication);
        if (!caller.hasRole("REGISTRAR")) {
            throw new AccessDeniedException("registrars only");
        }
        if (governorate == null || !governorate.equals(caller.governorate())) {
            throw new JurisdictionException(field, governorate);
        }
        return caller;
    }

    /**
     * The caller, who must be a registrar whose office lies in the governorate of {@code place}; the
     * place is first checked against the reference data, so an unknown governorate is a bad request.
     * {@code dateField} names the request field holding {@code on}.
     */
    Caller registrarAt(Authentication authentication, Forms.PlaceForm place, LocalDate on, String field,
                       String dateField) {
        if (!Caller.of(authentication).hasRole("REGISTRAR")) {
            throw new AccessDeniedException("registrars only");
        }
        checkPlace(place, on, field, dateField);
        return registrarIn(authentication, place.governorate(), field + ".governorate");
    }

    /**
     * Checks a place against the reference data in force on {@code on}. A date before the register's
     * epoch (its oldest reference data) is the date's fault, not the place's: no place exists then.
     */
    void checkPlace(Forms.PlaceForm place, LocalDate on, String field, String dateField) {
        if (place == null) {
            return;
        }
        if (on != null && on.isBefore(reference.epoch())) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, dateField, "date.before-epoch", null,
                    reference.epoch());
        }
        LocalDate date = on == null || on.isAfter(today()) ? today() : on;
        if (!reference.governorateExists(place.governorate(), date)) {
            throw new BadRequestException(field + ".governorate", "governorate.unknown", place.governorate());
        }
        if (place.district() != null && !reference.districtExists(place.governorate(), place.district(), date)) {
            throw new BadRequestException(field + ".district", "district.unknown", place.district());
        }
    }

    /**
     * Records that a write's rules are about to read the records of {@code personIds}: one access
     * event each (basis {@code OFFICIAL_DUTY}, purpose {@code purpose}) for every id that names a
     * registered person. A refusal citing those rules tells the caller about the person, so the read
     * is recorded before the command is sent and stays whatever its outcome. Call it only once the
     * caller's role and jurisdiction are checked, so a refused caller reads and records nothing.
     *
     * @throws org.sijil.api.access.AccessNotRecordedException if the records cannot be stored (503);
     *         send nothing then
     */
    void recordChecks(Caller caller, String purpose, List<DataCategory> categories, Collection<UUID> personIds) {
        List<AccessRecorder.Entry> entries = personIds.stream()
                .filter(Objects::nonNull)
                .distinct()
                .filter(id -> versionOf(id) >= 0)
                .map(id -> AccessRecorder.Entry.officialDuty(id, Roles.REGISTRAR, purpose, categories))
                .toList();
        if (!entries.isEmpty()) {
            recorder.recordAll(caller, entries);
        }
    }

    /**
     * As {@link #recordChecks}, for the persons among {@code personIds} whom the caller does not keep
     * (see {@link PersonGovernorate}): the registrar who keeps a record reads it in writing to it.
     */
    void recordChecksOfOthers(Caller caller, String purpose, List<DataCategory> categories,
                              Collection<UUID> personIds) {
        recordChecks(caller, purpose, categories, personIds.stream()
                .filter(Objects::nonNull)
                .filter(id -> versionOf(id) >= 0
                        && !Objects.equals(PersonGovernorate.of(load(id).value()), caller.governorate()))
                .toList());
    }

    /** Sends a registrar's command, waits until its events are stored, and returns its handler's answer. */
    <R> R send(Object command, Caller caller) {
        return sendAs(command, caller, "REGISTRAR");
    }

    /** Sends a command on {@code caller}'s authority in {@code role}; their identity goes into every event. */
    <R> R sendAs(Object command, Caller caller, String role) {
        Map<String, Object> recordedBy = new java.util.HashMap<>();
        recordedBy.put("officer", caller.subject());
        recordedBy.put("officerRole", role);
        if (caller.office() != null) {
            recordedBy.put("office", caller.office());
        }
        if (caller.governorate() != null) {
            recordedBy.put("governorate", caller.governorate());
        }
        return commands.sendAndWait(command, MetaData.from(recordedBy));
    }

    /** The person's current state and version, straight from their event stream. */
    Versioned<PersonState> load(UUID personId) {
        PersonStateReader.Versioned person = persons.load(personId);
        return new Versioned<>(person.state(), person.version());
    }

    /** The person's current version as stored, or -1 when they have no events. */
    long versionOf(UUID personId) {
        return ledger.version(personId.toString()).orElse(-1L);
    }

    /** The events of a person stored after {@code afterVersion}, for the response. */
    Recorded recorded(UUID personId, String nationalNumber, UUID marriageId, long afterVersion) {
        List<StoredEvent> events = ledger.eventsOf(personId.toString()).stream()
                .filter(e -> e.entry().sequenceNumber() > afterVersion)
                .toList();
        long version = events.isEmpty() ? afterVersion : events.get(events.size() - 1).entry().sequenceNumber();
        long position = events.stream().mapToLong(StoredEvent::globalIndex).max().orElse(-1);
        return new Recorded(personId, nationalNumber, marriageId, version,
                events.stream().map(e -> e.entry().eventId()).toList(), position);
    }

    /** A value and the aggregate version it was read at. */
    record Versioned<T>(T value, Long version) {
    }
}
