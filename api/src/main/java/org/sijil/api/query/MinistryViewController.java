package org.sijil.api.query;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.sijil.api.security.Caller;
import org.sijil.api.security.Roles;
import org.sijil.api.web.BadRequestException;
import org.sijil.query.view.health.HealthViewProjection;
import org.sijil.query.view.health.HealthViewQueries;
import org.sijil.query.view.health.HealthViewQueries.BirthCount;
import org.sijil.query.view.health.HealthViewQueries.DeathCount;
import org.sijil.query.view.planning.PlanningViewProjection;
import org.sijil.query.view.planning.PlanningViewQueries;
import org.sijil.query.view.planning.PlanningViewQueries.VitalCount;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ministries' statistical views, each for its own ministry's clients only. Counts, never
 * persons; JSON, or CSV with the same columns at the same path plus {@code .csv}.
 */
@RestController
@RequestMapping("/api/v1/views")
@Tag(name = "Ministry views")
class MinistryViewController {

    private static final int MAX_DAYS = 366;

    private final HealthViewQueries health;
    private final PlanningViewQueries planning;
    private final ViewPositions positions;

    MinistryViewController(HealthViewQueries health, PlanningViewQueries planning, ViewPositions positions) {
        this.health = health;
        this.planning = planning;
        this.positions = positions;
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
        if (year < 1900 || year > 2200) {
            throw new BadRequestException("year", "value.malformed");
        }
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
