package org.sijil.api.registry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.sijil.api.security.Caller;
import org.sijil.core.api.DataCategory;
import org.sijil.core.api.RegisterBirthCommand;
import org.sijil.core.api.RegistryRuleViolation;
import org.sijil.core.api.Sex;
import org.sijil.core.nationalnumber.NationalNumber;
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

    /** Random numbers collide rarely; the set-based index catches it and a new number is drawn. */
    private static final int NUMBER_ATTEMPTS = 5;

    /** What the parent rules read of a parent: sex and date of birth, whether and when they died. */
    private static final List<DataCategory> PARENT_CHECK = List.of(DataCategory.IDENTITY, DataCategory.CIVIL_STATUS);

    private final RegistrarDesk desk;
    private final SecureRandom random;

    BirthController(RegistrarDesk desk, SecureRandom random) {
        this.desk = desk;
        this.random = random;
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
        UUID personId = UUID.randomUUID();
        String nationalNumber = request.nationalNumber();
        for (int attempt = 1; ; attempt++) {
            String number = nationalNumber != null ? nationalNumber : NationalNumber.allocate(random);
            try {
                desk.send(new RegisterBirthCommand(personId, number, request.name().toPersonName(), request.sex(),
                        request.dateOfBirth(), request.placeOfBirth().toPlace(), request.motherId(),
                        request.fatherId(), caller.office(), desk.now()), caller);
                Recorded recorded = desk.recorded(personId, number, null, -1);
                return ResponseEntity.created(URI.create("/api/v1/persons/" + personId))
                        .eTag(ETags.of(recorded.version()))
                        .body(recorded);
            } catch (RegistryRuleViolation e) {
                boolean retry = "national-number.taken".equals(e.code()) && nationalNumber == null
                        && attempt < NUMBER_ATTEMPTS;
                if (!retry) {
                    throw e;
                }
            }
        }
    }
}
