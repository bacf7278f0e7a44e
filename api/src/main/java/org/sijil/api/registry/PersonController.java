package org.sijil.api.registry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.sijil.core.api.person.PersonRule;
import org.sijil.api.access.AccessRecorder;
import org.sijil.api.security.Caller;
import org.sijil.core.api.person.ChangeNameCommand;
import org.sijil.core.api.person.ChangeResidenceCommand;
import org.sijil.core.api.DataCategory;
import org.sijil.core.api.person.ErasePersonCommand;
import org.sijil.core.api.person.IssueIdCardCommand;
import org.sijil.core.api.person.PersonState;
import org.sijil.core.api.person.RecordCorrectionCommand;
import org.sijil.core.api.person.RegisterDeathCommand;
import org.sijil.core.api.RegistryRuleViolation;
import org.sijil.core.api.person.RevokeIdCardCommand;
import org.sijil.core.api.Sex;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Life events of a registered person, and the registrar's view of their current state. Every write
 * honours {@code If-Match} (the version from the last {@code ETag}): a stale version gets 409.
 */
@RestController
@RequestMapping("/api/v1/persons/{personId}")
@Tag(name = "Civil register")
public class PersonController {

    /** What the death rules read: the date of birth, whether the person is alive, their life events' dates. */
    private static final List<DataCategory> DEATH_CHECK = List.of(DataCategory.IDENTITY, DataCategory.CIVIL_STATUS);

    private final RegistrarDesk desk;
    private final AccessRecorder recorder;

    PersonController(RegistrarDesk desk, AccessRecorder recorder) {
        this.desk = desk;
        this.recorder = recorder;
    }

    public record DeathRequest(
            @NotNull LocalDate dateOfDeath,
            @NotNull @Valid Forms.PlaceForm placeOfDeath,
            @Pattern(regexp = "[A-TV-Z][0-9]{2}(\\.[0-9A-Z]{1,4})?") String causeOfDeath) {
    }

    public record NameChangeRequest(
            @NotNull @Valid Forms.Name newName,
            @NotNull LocalDate effectiveDate,
            @NotBlank @Size(max = 120) String legalReference) {
    }

    public record ResidenceChangeRequest(
            @NotNull @Valid Forms.PlaceForm residence,
            @NotNull LocalDate since) {
    }

    public record IdCardRequest(
            @NotBlank @Pattern(regexp = "[A-Z0-9]{6,20}") String cardNumber,
            @NotNull LocalDate issuedOn,
            @NotNull LocalDate expiresOn) {
    }

    record RevocationRequest(
            @NotNull LocalDate revokedOn,
            @NotBlank @Size(max = 200) String reason) {
    }

    record CorrectionRequest(
            @NotBlank @Size(max = 64) String correctedEventId,
            @NotBlank @Size(max = 120) String court,
            @NotBlank @Size(max = 120) String judgmentReference,
            @NotNull LocalDate judgmentDate,
            @Valid Forms.Name name,
            Sex sex,
            LocalDate dateOfBirth,
            @Valid Forms.PlaceForm placeOfBirth,
            LocalDate dateOfDeath,
            @Size(max = 500) String reason) {
    }

    record ErasureRequest(@NotBlank @Size(max = 200) String legalReference) {
    }

    @GetMapping
    @Operation(summary = "A person's current state (registrars)",
            description = "The read is recorded in the person's access history before it is answered.")
    ResponseEntity<PersonState> get(@PathVariable UUID personId,
                                    @RequestHeader(name = "X-Purpose", required = false) String purpose,
                                    Authentication auth) {
        Caller caller = Caller.of(auth);
        if (!caller.hasRole("REGISTRAR")) {
            throw new AccessDeniedException("registrars only");
        }
        RegistrarDesk.Versioned<PersonState> person = desk.load(personId);
        if (person.value().erased()) {
            throw new RegistryRuleViolation(PersonRule.PERSON_ERASED, "personId", "The person's data was erased");
        }
        recorder.record(caller, AccessRecorder.Entry.officialDuty(personId, "REGISTRAR",
                AccessRecorder.purpose(purpose, "person"), AccessRecorder.WHOLE_RECORD));
        return ResponseEntity.ok().eTag(ETags.of(person.version())).body(person.value());
    }

    @PostMapping("/death")
    @Operation(summary = "Register a death",
            description = "In the governorate of the place of death. A death recorded outside the person's "
                    + "governorate changes nothing else (their record stays with their governorate), and the "
                    + "check against their record is recorded in their access history whatever the outcome.")
    public ResponseEntity<Recorded> death(@PathVariable UUID personId, @Valid @RequestBody DeathRequest request,
                                   @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                   Authentication auth) {
        Caller caller = desk.registrarAt(auth, request.placeOfDeath(), request.dateOfDeath(), "placeOfDeath",
                "dateOfDeath");
        desk.recordChecksOfOthers(caller, "death.person-check", DEATH_CHECK, List.of(personId));
        return record(personId, caller, ifMatch, expected -> new RegisterDeathCommand(personId, expected,
                request.dateOfDeath(), request.placeOfDeath().toPlace(), request.causeOfDeath(), caller.office(),
                desk.now()));
    }

    @PostMapping("/name-changes")
    @Operation(summary = "Change a person's name under a legal decision")
    public ResponseEntity<Recorded> changeName(@PathVariable UUID personId, @Valid @RequestBody NameChangeRequest request,
                                        @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                        Authentication auth) {
        Caller caller = inPersonsGovernorate(personId, auth);
        return record(personId, caller, ifMatch, expected -> new ChangeNameCommand(personId, expected,
                request.newName().toPersonName(), request.effectiveDate(), request.legalReference().strip(),
                caller.office(), desk.now()));
    }

    @PostMapping("/residence-changes")
    @Operation(summary = "Record a change of residence",
            description = "By a registrar of the person's current governorate (residence, else birth), also for a "
                    + "move to another governorate, whose registrars keep the record from then on.")
    public ResponseEntity<Recorded> changeResidence(@PathVariable UUID personId,
                                             @Valid @RequestBody ResidenceChangeRequest request,
                                             @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                             Authentication auth) {
        // the office that keeps the record hands it over; the destination cannot take a person over
        Caller caller = inPersonsGovernorate(personId, auth);
        desk.checkPlace(request.residence(), request.since(), "residence", "since");
        return record(personId, caller, ifMatch, expected -> new ChangeResidenceCommand(personId, expected,
                request.residence().toPlace(), request.since(), caller.office(), desk.now()));
    }

    @PostMapping("/id-cards")
    @Operation(summary = "Issue a national ID card")
    public ResponseEntity<Recorded> issueIdCard(@PathVariable UUID personId, @Valid @RequestBody IdCardRequest request,
                                         @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                         Authentication auth) {
        Caller caller = inPersonsGovernorate(personId, auth);
        return record(personId, caller, ifMatch, expected -> new IssueIdCardCommand(personId, expected,
                request.cardNumber(), request.issuedOn(), request.expiresOn(), caller.office(), desk.now()));
    }

    @PostMapping("/id-cards/{cardNumber}/revocation")
    @Operation(summary = "Revoke a national ID card")
    ResponseEntity<Recorded> revokeIdCard(@PathVariable UUID personId,
                                          @PathVariable @Pattern(regexp = "[A-Z0-9]{6,20}") String cardNumber,
                                          @Valid @RequestBody RevocationRequest request,
                                          @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                          Authentication auth) {
        Caller caller = inPersonsGovernorate(personId, auth);
        return record(personId, caller, ifMatch, expected -> new RevokeIdCardCommand(personId, expected,
                cardNumber, request.revokedOn(), request.reason().strip(), caller.office(), desk.now()));
    }

    @PostMapping("/corrections")
    @Operation(summary = "Record a correction ordered by a court",
            description = "Names the corrected event by id; earlier events are never rewritten.")
    ResponseEntity<Recorded> correct(@PathVariable UUID personId, @Valid @RequestBody CorrectionRequest request,
                                     @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                     Authentication auth) {
        Caller caller = inPersonsGovernorate(personId, auth);
        desk.checkPlace(request.placeOfBirth(), request.dateOfBirth(), "placeOfBirth", "dateOfBirth");
        return record(personId, caller, ifMatch, expected -> new RecordCorrectionCommand(personId, expected,
                request.correctedEventId(), request.court().strip(), request.judgmentReference().strip(),
                request.judgmentDate(), request.name() == null ? null : request.name().toPersonName(),
                request.sex(), request.dateOfBirth(),
                request.placeOfBirth() == null ? null : request.placeOfBirth().toPlace(),
                request.dateOfDeath(), Forms.trim(request.reason()), caller.office(), desk.now()));
    }

    @PostMapping("/erasure")
    @Operation(summary = "Erase a person's personal data where the law requires it (administrators)",
            description = "Destroys the person's data key: their personal fields become unreadable, every "
                    + "signature still verifies.")
    ResponseEntity<Recorded> erase(@PathVariable UUID personId, @Valid @RequestBody ErasureRequest request,
                                   Authentication auth) {
        Caller caller = Caller.of(auth);
        if (!caller.hasRole("ADMIN")) {
            throw new AccessDeniedException("administrators only");
        }
        long before = desk.versionOf(personId);
        desk.sendAs(new ErasePersonCommand(personId, request.legalReference().strip(), desk.now()), caller, "ADMIN");
        return ResponseEntity.ok(desk.recorded(personId, null, null, before));
    }

    private Caller inPersonsGovernorate(UUID personId, Authentication auth) {
        if (!Caller.of(auth).hasRole("REGISTRAR")) {
            throw new AccessDeniedException("registrars only");
        }
        PersonState person = desk.load(personId).value();
        if (person.erased()) {
            // an erased record has no governorate left: no registrar keeps it, and there is nothing to write
            throw new RegistryRuleViolation(PersonRule.PERSON_ERASED, "personId", "The person's data was erased");
        }
        return desk.registrarIn(auth, PersonGovernorate.of(person), "personId");
    }

    private ResponseEntity<Recorded> record(UUID personId, Caller caller, String ifMatch,
                                            java.util.function.Function<Long, Object> command) {
        Long expected = ETags.expectedVersion(ifMatch);
        long before = desk.versionOf(personId);
        if (before < 0) {
            throw new org.sijil.core.api.person.PersonNotFoundException("personId", personId);
        }
        desk.send(command.apply(expected), caller);
        Recorded recorded = desk.recorded(personId, null, null, before);
        return ResponseEntity.ok().eTag(ETags.of(recorded.version())).body(recorded);
    }
}
