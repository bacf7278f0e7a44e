package org.sijil.api.registry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.sijil.api.security.Caller;
import org.sijil.core.api.DataCategory;
import org.sijil.core.api.person.RegisterBirthCommand;
import org.sijil.core.api.person.RegisteredBirth;
import org.sijil.core.api.Sex;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Birth registration: the child becomes a person with a new national number. */
@RestController
@RequestMapping("/api/v1/births")
@Tag(name = "Civil register")
public class BirthController {

    /** What the parent rules read of a parent: sex and date of birth, whether and when they died. */
    private static final List<DataCategory> PARENT_CHECK = List.of(DataCategory.IDENTITY, DataCategory.CIVIL_STATUS);

    private final RegistrarDesk desk;

    BirthController(RegistrarDesk desk) {
        this.desk = desk;
    }

    public record RegisterBirthRequest(
            @NotNull @Valid Forms.Name name,
            @NotNull Sex sex,
            @NotNull LocalDate dateOfBirth,
            @NotNull @Valid Forms.PlaceForm placeOfBirth,
            UUID motherId,
            UUID fatherId,
            @Pattern(regexp = "[0-9]{12}") String nationalNumber) {
    }

    @PostMapping
    @Operation(summary = "Register a live birth",
            description = "Registrars only, in the governorate of the place of birth. The national number is "
                    + "allocated unless one from legacy records is given (it must carry a valid check digit). "
                    + "Each parent named is checked against their record, and that read is recorded in the "
                    + "parent's access history whatever the outcome.")
    public ResponseEntity<Recorded> register(@Valid @RequestBody RegisterBirthRequest request, Authentication auth) {
        Caller caller = desk.registrarAt(auth, request.placeOfBirth(), request.dateOfBirth(), "placeOfBirth",
                "dateOfBirth");
        desk.recordChecks(caller, "birth.parent-check", PARENT_CHECK,
                Arrays.asList(request.motherId(), request.fatherId()));
        RegisteredBirth registered = desk.send(new RegisterBirthCommand(UUID.randomUUID(), request.nationalNumber(),
                request.name().toPersonName(), request.sex(), request.dateOfBirth(), request.placeOfBirth().toPlace(),
                request.motherId(), request.fatherId(), caller.office(), desk.now()), caller);
        Recorded recorded = desk.recorded(registered.personId(), registered.nationalNumber(), null, -1);
        return ResponseEntity.created(URI.create("/api/v1/persons/" + registered.personId()))
                .eTag(ETags.of(recorded.version()))
                .body(recorded);
    }
}
