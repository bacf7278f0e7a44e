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
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.sijil.query.consent.ConsentIndex;
import org.sijil.api.security.Caller;
import org.sijil.api.security.Roles;
import org.sijil.api.web.BadRequestException;
import org.sijil.core.api.consent.RecordLegalBasisCommand;
import org.sijil.core.api.consent.RepealLegalBasisCommand;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Legal bases, managed by administrators: the laws under which a ministry reads without consent.
 * Examples in {@code consent.http}.
 */
@RestController
@RequestMapping("/api/v1/admin/legal-bases")
@Tag(name = "Legal bases")
class LegalBasisController {

    private final CommandGateway commands;
    private final ConsentIndex index;
    private final ConsentProperties properties;
    private final Clock clock;

    LegalBasisController(CommandGateway commands, ConsentIndex index, ConsentProperties properties, Clock clock) {
        this.commands = commands;
        this.index = index;
        this.properties = properties;
        this.clock = clock;
    }

    /** @param validUntil the last day in force, or null: until repealed */
    record LegalBasisRequest(
            @NotBlank @Size(max = 200) String law,
            @NotBlank @Size(max = 64) String article,
            @NotBlank @Size(max = 64) String ministry,
            @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9._-]*") String>
                    purposes,
            @NotEmpty @Size(max = 5) List<@NotBlank @Size(max = 32) String> categories,
            @NotNull LocalDate validFrom,
            LocalDate validUntil) {
    }

    record RepealRequest(@NotBlank @Size(max = 200) String repealedBy) {
    }

    @PostMapping
    @Operation(summary = "Record a legal basis (administrators)")
    ResponseEntity<ConsentIndex.LegalBasisView> record(@Valid @RequestBody LegalBasisRequest request,
                                                       Authentication auth) {
        Caller caller = admin(auth);
        if (!properties.knowsMinistry(request.ministry())) {
            throw new BadRequestException("ministry", "ministry.unknown", request.ministry());
        }
        UUID id = UUID.randomUUID();
        commands.sendAndWait(new RecordLegalBasisCommand(id, request.law(), request.article(), request.ministry(),
                request.purposes(), request.categories(), request.validFrom(), request.validUntil(),
                clock.instant()), recordedBy(caller));
        return ResponseEntity.created(URI.create("/api/v1/admin/legal-bases/" + id))
                .body(index.legalBasis(id).orElseThrow());
    }

    @GetMapping
    @Operation(summary = "Legal bases, latest first, optionally of one ministry (administrators)")
    List<ConsentIndex.LegalBasisView> list(@RequestParam(required = false) String ministry, Authentication auth) {
        admin(auth);
        return index.legalBases(ministry, properties.historyLimit());
    }

    @GetMapping("/{legalBasisId}")
    @Operation(summary = "One legal basis (administrators)")
    ConsentIndex.LegalBasisView get(@PathVariable UUID legalBasisId, Authentication auth) {
        admin(auth);
        return find(legalBasisId);
    }

    @PostMapping("/{legalBasisId}/repeal")
    @Operation(summary = "Repeal a legal basis (administrators)", description = "Effective at once.")
    ConsentIndex.LegalBasisView repeal(@PathVariable UUID legalBasisId, @Valid @RequestBody RepealRequest request,
                                       Authentication auth) {
        Caller caller = admin(auth);
        find(legalBasisId);
        commands.sendAndWait(new RepealLegalBasisCommand(legalBasisId, request.repealedBy(), clock.instant()),
                recordedBy(caller));
        return find(legalBasisId);
    }

    private ConsentIndex.LegalBasisView find(UUID legalBasisId) {
        return index.legalBasis(legalBasisId)
                .orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, "legalBasisId", "legal-basis.not-found"));
    }

    private static Caller admin(Authentication auth) {
        Caller caller = Caller.of(auth);
        if (!caller.hasRole(Roles.ADMIN)) {
            throw new AccessDeniedException("administrators only");
        }
        return caller;
    }

    private static MetaData recordedBy(Caller caller) {
        return MetaData.with("officer", caller.subject()).and("officerRole", Roles.ADMIN);
    }
}
