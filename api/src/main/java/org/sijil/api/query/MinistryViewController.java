package org.sijil.api.query;

import org.sijil.query.processing.ViewPositions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.sijil.api.security.Caller;
import org.sijil.api.security.Roles;
import org.sijil.api.web.BadRequestException;
import org.sijil.query.view.education.EducationViewProjection;
import org.sijil.query.view.education.EducationViewQueries;
import org.sijil.query.view.education.EducationViewQueries.SchoolEntrants;
import org.sijil.query.view.health.HealthViewProjection;
import org.sijil.query.view.health.HealthViewQueries;
import org.sijil.query.view.health.HealthViewQueries.BirthCount;
import org.sijil.query.view.health.HealthViewQueries.DeathCount;
import org.sijil.query.view.interior.InteriorViewProjection;
import org.sijil.query.view.interior.InteriorViewQueries;
import org.sijil.query.view.interior.InteriorViewQueries.CardStatusCount;
import org.sijil.query.view.interior.InteriorViewQueries.InteriorRecord;
import org.sijil.query.view.planning.PlanningViewProjection;
import org.sijil.query.view.planning.PlanningViewQueries;
import org.sijil.query.view.planning.PlanningViewQueries.VitalCount;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ministries' views, each for its own ministry's clients only: counts as JSON, or CSV with the
 * same columns at the same path plus {@code .csv}. The one per-person read (the Interior's card
 * status and residence by national number) passes the {@link PersonReadGate} like every other read
 * of a person's data.
 */
@RestController
@RequestMapping("/api/v1/views")
@Tag(name = "Ministry views")
class MinistryViewController {

    private static final int MAX_DAYS = 366;

    private final HealthViewQueries health;
    private final PlanningViewQueries planning;
    private final InteriorViewQueries interior;
    private final EducationViewQueries education;
    private final ViewPositions positions;
    private final PersonReadGate gate;
    private final Clock clock;

    MinistryViewController(HealthViewQueries health, PlanningViewQueries planning, InteriorViewQueries interior,
                           EducationViewQueries education, ViewPositions positions, PersonReadGate gate,
                           Clock clock) {
        this.health = health;
        this.planning = planning;
        this.interior = interior;
        this.education = education;
        this.positions = positions;
        this.gate = gate;
        this.clock = clock;
    }

    @GetMapping("/health/births")
    @Operation(summary = "Births by date, governorate and sex (Ministry of Health)")
    List<BirthCount> births(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                            @RequestParam(required = false) String governorate,
                            @RequestParam(required = false) Long minPosition, Authentication auth) {
        ministry(auth, "health");
        period(from, to);
        positions.await(HealthViewProjection.NAME, minPosition);
        return health.births(from, to, governorate);
    }

    @GetMapping("/health/births.csv")
    @Operation(summary = "Births by date, governorate and sex, as CSV (Ministry of Health)")
    ResponseEntity<String> birthsCsv(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                     @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                     @RequestParam(required = false) String governorate,
                                     @RequestParam(required = false) Long minPosition, Authentication auth) {
        return Csv.of(BirthCount.class, births(from, to, governorate, minPosition, auth), "births.csv");
    }

    @GetMapping("/health/deaths")
    @Operation(summary = "Deaths by date, governorate, sex and ICD-10 cause (Ministry of Health)")
    List<DeathCount> deaths(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                            @RequestParam(required = false) String governorate,
                            @RequestParam(required = false) Long minPosition, Authentication auth) {
        ministry(auth, "health");
        period(from, to);
        positions.await(HealthViewProjection.NAME, minPosition);
        return health.deaths(from, to, governorate);
    }

    @GetMapping("/health/deaths.csv")
    @Operation(summary = "Deaths by date, governorate, sex and ICD-10 cause, as CSV (Ministry of Health)")
    ResponseEntity<String> deathsCsv(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                     @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                     @RequestParam(required = false) String governorate,
                                     @RequestParam(required = false) Long minPosition, Authentication auth) {
        return Csv.of(DeathCount.class, deaths(from, to, governorate, minPosition, auth), "deaths.csv");
    }

    @GetMapping("/planning/vital-statistics")
    @Operation(summary = "Births, deaths, marriages and divorces per governorate and month, by sex, age group "
            + "and registration timeliness (Ministry of Planning)")
    List<VitalCount> vitalStatistics(@RequestParam int year, @RequestParam(required = false) String governorate,
                                     @RequestParam(required = false) Long minPosition, Authentication auth) {
        ministry(auth, "planning");
        year(year);
        positions.await(PlanningViewProjection.NAME, minPosition);
        return planning.vitalStatistics(year, governorate);
    }

    @GetMapping("/planning/vital-statistics.csv")
    @Operation(summary = "Vital statistics as CSV (Ministry of Planning)")
    ResponseEntity<String> vitalStatisticsCsv(@RequestParam int year,
                                              @RequestParam(required = false) String governorate,
                                              @RequestParam(required = false) Long minPosition,
                                              Authentication auth) {
        return Csv.of(VitalCount.class, vitalStatistics(year, governorate, minPosition, auth),
                "vital-statistics-" + year + ".csv");
    }

    @GetMapping("/interior/persons")
    @Operation(summary = "A person's ID card status and registered residence, by national number (Ministry of the "
            + "Interior)", description = "The card status is that of the most recently issued card on the date "
            + "given (default today): NONE, VALID, EXPIRED or REVOKED.")
    InteriorRecord interiorPerson(@RequestParam String nationalNumber,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                  LocalDate on,
                                  @RequestParam(required = false) Long minPosition,
                                  @RequestHeader(name = "X-Purpose", required = false) String purpose,
                                  Authentication auth) {
        Caller caller = ministry(auth, "interior");
        if (!nationalNumber.matches("[0-9]{12}")) {
            throw new BadRequestException("nationalNumber", "national-number.invalid");
        }
        positions.await(InteriorViewProjection.NAME, minPosition);
        InteriorRecord record = interior.person(nationalNumber, on == null ? LocalDate.now(clock) : on)
                .orElseThrow(() -> {
                    gate.admitUnknown(caller, new PersonReadGate.PersonRead(InteriorViewProjection.NAME, List.of(),
                            purpose));
                    return new QueryProblem(HttpStatus.NOT_FOUND, "person.not-found", "nationalNumber");
                });
        gate.admit(caller, new PersonReadGate.PersonRead(InteriorViewProjection.NAME, List.of(record.personId()),
                purpose));
        return record;
    }

    @GetMapping("/interior/id-card-status")
    @Operation(summary = "Living persons by residence and ID card status on a date (Ministry of the Interior)")
    List<CardStatusCount> cardStatus(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                     LocalDate on,
                                     @RequestParam(required = false) String governorate,
                                     @RequestParam(required = false) Long minPosition, Authentication auth) {
        ministry(auth, "interior");
        positions.await(InteriorViewProjection.NAME, minPosition);
        return interior.cardStatus(on == null ? LocalDate.now(clock) : on, governorate);
    }

    @GetMapping("/interior/id-card-status.csv")
    @Operation(summary = "Living persons by residence and ID card status, as CSV (Ministry of the Interior)")
    ResponseEntity<String> cardStatusCsv(@RequestParam(required = false)
                                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                                         @RequestParam(required = false) String governorate,
                                         @RequestParam(required = false) Long minPosition, Authentication auth) {
        return Csv.of(CardStatusCount.class, cardStatus(on, governorate, minPosition, auth), "id-card-status.csv");
    }

    @GetMapping("/education/school-entrants")
    @Operation(summary = "Children reaching school age (6) in a year, by governorate, district and sex "
            + "(Ministry of Education)")
    List<SchoolEntrants> schoolEntrants(@RequestParam int year, @RequestParam(required = false) String governorate,
                                        @RequestParam(required = false) Long minPosition, Authentication auth) {
        ministry(auth, "education");
        year(year);
        positions.await(EducationViewProjection.NAME, minPosition);
        return education.schoolEntrants(year, governorate);
    }

    @GetMapping("/education/school-entrants.csv")
    @Operation(summary = "Children reaching school age in a year, as CSV (Ministry of Education)")
    ResponseEntity<String> schoolEntrantsCsv(@RequestParam int year,
                                             @RequestParam(required = false) String governorate,
                                             @RequestParam(required = false) Long minPosition,
                                             Authentication auth) {
        return Csv.of(SchoolEntrants.class, schoolEntrants(year, governorate, minPosition, auth),
                "school-entrants-" + year + ".csv");
    }

    private static void year(int year) {
        if (year < 1900 || year > 2200) {
            throw new BadRequestException("year", "value.malformed");
        }
    }

    private static void period(LocalDate from, LocalDate to) {
        if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new BadRequestException("to", "view.period-invalid", MAX_DAYS);
        }
    }

    private static Caller ministry(Authentication auth, String ministry) {
        Caller caller = Caller.of(auth);
        if (!caller.hasRole(Roles.MINISTRY) || !ministry.equals(caller.ministry())) {
            throw new AccessDeniedException("the " + ministry + " ministry's clients only");
        }
        return caller;
    }
}
