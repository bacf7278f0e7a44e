package org.sijil.api.consent;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.sijil.query.consent.ConsentIndex;
import org.sijil.core.api.person.PersonRule;
import org.sijil.api.access.PersonStates;
import org.sijil.api.security.Caller;
import org.sijil.api.security.Roles;
import org.sijil.api.web.BadRequestException;
import org.sijil.core.api.consent.GrantConsentCommand;
import org.sijil.core.api.RegistryRuleViolation;
import org.sijil.core.api.consent.RevokeConsentCommand;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A citizen's own consents: grant, list, revoke. The person is always the caller's own
 * ({@code person_id} claim); a consent of anyone else is answered as not found, so its existence
 * is not disclosed. Examples in {@code consent.http}.
 *
 * <p>An erased person grants nothing (410 {@code person.erased}): their token outlives their
 * data, and a new consent would open reads of a record that no longer exists. Listing and revoking
 * stay open to them, since neither discloses nor widens anything.
 */
@RestController
@RequestMapping("/api/v1/citizens/me/consents")
@Tag(name = "Consents")
public class CitizenConsentController {

    private final CommandGateway commands;
    private final PersonStates persons;
    private final ConsentIndex index;
    private final ConsentProperties properties;
    private final Clock clock;

    CitizenConsentController(CommandGateway commands, PersonStates persons, ConsentIndex index,
                             ConsentProperties properties, Clock clock) {
        this.commands = commands;
        this.persons = persons;
        this.index = index;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param categories      names of data categories (IDENTITY, CIVIL_STATUS, FAMILY, RESIDENCE, ID_CARD)
     * @param validFrom       default: now
     * @param oneTime         default: false (repeated until it expires or is revoked)
     * @param collectionMethod default: {@code online-portal}
     */
    public record GrantRequest(
            @NotBlank @Size(max = 64) String ministry,
            @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9._-]*") String purposeCode,
            @NotBlank @Size(max = 500) String purposeText,
            @NotEmpty @Size(max = 5) List<@NotBlank @Size(max = 32) String> categories,
            Instant validFrom,
            @NotNull Instant validUntil,
            Boolean oneTime,
            @Size(max = 64) String collectionMethod) {
    }

    public record RevocationRequest(@Size(max = 64) String collectionMethod) {
    }

    @PostMapping
    @Operation(summary = "Grant a consent to a ministry (citizens)",
            description = "Returns the consent receipt. Unknown ministry or category, a period ending before it "
                    + "starts or already ended, or a missing purpose are refused and nothing is stored.")
    public ResponseEntity<ConsentIndex.ConsentView> grant(@Valid @RequestBody GrantRequest request, Authentication auth) {
        Caller caller = citizen(auth);
        if (persons.load(caller.personId(), "personId").erased()) {
            throw new RegistryRuleViolation(PersonRule.PERSON_ERASED, "personId", "The person's data was erased");
        }
        if (!properties.knowsMinistry(request.ministry())) {
            throw new BadRequestException("ministry", "ministry.unknown", request.ministry());
        }
        String method = collectionMethod(request.collectionMethod());
        Instant now = clock.instant();
        UUID consentId = UUID.randomUUID();
        commands.sendAndWait(new GrantConsentCommand(consentId, caller.personId(), request.ministry(),
                request.purposeCode(), request.purposeText(), request.categories(),
                request.validFrom() == null ? now : request.validFrom(), request.validUntil(),
                Boolean.TRUE.equals(request.oneTime()), method, UUID.randomUUID(), properties.jurisdiction(), properties.policyReference(), now),
                recordedBy(caller));
        ConsentIndex.ConsentView view = index.consent(consentId, clock.instant()).orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/citizens/me/consents/" + consentId)).body(view);
    }

    @GetMapping
    @Operation(summary = "The caller's consents, latest first, with their status (citizens)")
    public List<ConsentIndex.ConsentView> list(Authentication auth) {
        Caller caller = citizen(auth);
        return index.consentsOf(caller.personId(), clock.instant(), properties.historyLimit());
    }

    @GetMapping("/{consentId}")
    @Operation(summary = "One of the caller's consents (citizens)")
    ConsentIndex.ConsentView get(@PathVariable UUID consentId, Authentication auth) {
        return own(citizen(auth), consentId);
    }

    @PostMapping("/{consentId}/revocation")
    @Operation(summary = "Revoke one of the caller's consents (citizens)",
            description = "Effective at once: no read relies on it after this returns.")
    public ConsentIndex.ConsentView revoke(@PathVariable UUID consentId,
                                    @Valid @RequestBody(required = false) RevocationRequest request,
                                    Authentication auth) {
        Caller caller = citizen(auth);
        own(caller, consentId);
        String method = collectionMethod(request == null ? null : request.collectionMethod());
        commands.sendAndWait(new RevokeConsentCommand(consentId, caller.personId(), method, clock.instant()),
                recordedBy(caller));
        return own(caller, consentId);
    }

    private ConsentIndex.ConsentView own(Caller caller, UUID consentId) {
        return index.consent(consentId, clock.instant())
                .filter(c -> c.personId().equals(caller.personId()))
                .orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, "consentId", "consent.not-found"));
    }

    private String collectionMethod(String requested) {
        String method = requested == null ? "online-portal" : requested;
        if (!properties.collectionMethods().contains(method)) {
            throw new BadRequestException("collectionMethod", "collection-method.unknown", method);
        }
        return method;
    }

    private static Caller citizen(Authentication auth) {
        Caller caller = Caller.of(auth);
        if (!caller.hasRole(Roles.CITIZEN) || caller.personId() == null) {
            throw new AccessDeniedException("citizens only");
        }
        return caller;
    }

    static MetaData recordedBy(Caller caller) {
        return MetaData.with("officer", caller.subject()).and("officerRole", Roles.CITIZEN);
    }
}
