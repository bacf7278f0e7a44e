package org.sijil.api.registry;

import org.sijil.core.api.person.PersonRule;
import org.sijil.core.api.RegistryRuleViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.sijil.api.security.Caller;
import org.sijil.core.api.DataCategory;
import org.sijil.core.api.person.RegisterDivorceCommand;
import org.sijil.core.api.person.RegisterMarriageCommand;
import org.sijil.core.api.person.PersonState;
import org.sijil.core.person.MarriageIndex;
import org.sijil.core.person.Spouses;
import org.sijil.api.web.BadRequestException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Marriages and divorces: each is recorded in both spouses' streams in one transaction. */
@RestController
@RequestMapping("/api/v1/marriages")
@Tag(name = "Civil register")
class MarriageController {

    /** What the spouse rules read: sex and age, whether the spouse is alive and already married. */
    private static final List<DataCategory> SPOUSE_CHECK = List.of(DataCategory.IDENTITY, DataCategory.CIVIL_STATUS);

    private final RegistrarDesk desk;
    private final MarriageIndex marriages;

    MarriageController(RegistrarDesk desk, MarriageIndex marriages) {
        this.desk = desk;
        this.marriages = marriages;
    }

    record RegisterMarriageRequest(
            @NotNull UUID husbandId,
            @NotNull UUID wifeId,
            @NotNull LocalDate marriageDate,
            @NotNull @Valid Forms.PlaceForm place,
            @Size(max = 120) String courtAuthorisation) {
    }

    record RegisterDivorceRequest(
            @NotNull LocalDate divorceDate,
            @Size(max = 120) String courtReference) {
    }

    @PostMapping
    @Operation(summary = "Register a marriage",
            description = "Registrars only, in the governorate where the contract was made. A husband already "
                    + "married needs the court's authorisation reference. A spouse of another governorate is "
                    + "checked against their record, and that read is recorded in their access history "
                    + "whatever the outcome.")
    ResponseEntity<Recorded> marry(@Valid @RequestBody RegisterMarriageRequest request, Authentication auth) {
        Caller caller = desk.registrarAt(auth, request.place(), request.marriageDate(), "place", "marriageDate");
        if (request.husbandId().equals(request.wifeId())) {
            throw new BadRequestException("wifeId", "marriage.same-person");
        }
        desk.recordChecksOfOthers(caller, "marriage.spouse-check", SPOUSE_CHECK,
                List.of(request.husbandId(), request.wifeId()));
        UUID marriageId = UUID.randomUUID();
        long husbandVersion = desk.versionOf(request.husbandId());
        desk.send(new RegisterMarriageCommand(marriageId, request.husbandId(), request.wifeId(),
                request.marriageDate(), request.place().toPlace(), Forms.trim(request.courtAuthorisation()),
                caller.office(), desk.now()), caller);
        Recorded recorded = desk.recorded(request.husbandId(), null, marriageId, husbandVersion);
        return ResponseEntity.created(URI.create("/api/v1/marriages/" + marriageId)).body(recorded);
    }

    @PostMapping("/{marriageId}/divorce")
    @Operation(summary = "Register a divorce ending a marriage",
            description = "Registrars only, in the governorate of the husband's residence (or birth). A wife of "
                    + "another governorate is checked against her record, and that read is recorded in her "
                    + "access history whatever the outcome.")
    ResponseEntity<Recorded> divorce(@PathVariable UUID marriageId, @Valid @RequestBody RegisterDivorceRequest request,
                                     Authentication auth) {
        // refused before the marriage is looked up: the answer tells no one else whether it exists
        if (!Caller.of(auth).hasRole("REGISTRAR")) {
            throw new AccessDeniedException("registrars only");
        }
        Spouses spouses = marriages.find(marriageId)
                .orElseThrow(() -> new RegistryRuleViolation(PersonRule.MARRIAGE_NOT_FOUND, "marriageId",
                        "No registered marriage " + marriageId));
        RegistrarDesk.Versioned<PersonState> husband = desk.load(spouses.husbandId());
        Caller caller = desk.registrarIn(auth, PersonGovernorate.of(husband.value()), "marriageId");
        desk.recordChecksOfOthers(caller, "divorce.spouse-check", SPOUSE_CHECK, List.of(spouses.wifeId()));
        desk.send(new RegisterDivorceCommand(marriageId, request.divorceDate(), Forms.trim(request.courtReference()),
                caller.office(), desk.now()), caller);
        return ResponseEntity.ok(desk.recorded(spouses.husbandId(), null, marriageId, husband.version()));
    }
}
