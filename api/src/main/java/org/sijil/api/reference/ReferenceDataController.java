package org.sijil.api.reference;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Public, read-only reference geography. Every list takes an optional {@code on=YYYY-MM-DD}
 * (default: today by the application's clock) and returns what was in effect on that date.
 * Runnable examples are in {@code reference.http} in this package.
 */
@RestController
@RequestMapping("/api/v1/reference")
class ReferenceDataController {

    private final ReferenceData referenceData;
    private final Clock clock;

    ReferenceDataController(ReferenceData referenceData, Clock clock) {
        this.referenceData = referenceData;
        this.clock = clock;
    }

    @GetMapping("/governorates")
    List<Governorate> governorates(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        return referenceData.governorates(effective(on));
    }

    @GetMapping("/governorates/{code}/districts")
    List<District> districts(
            @PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        LocalDate date = effective(on);
        requireGovernorate(code, date);
        return referenceData.districts(code, date);
    }

    @GetMapping("/offices")
    List<Office> offices(
            @RequestParam(required = false) String governorate,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        LocalDate date = effective(on);
        if (governorate == null) {
            return referenceData.offices(date);
        }
        requireGovernorate(governorate, date);
        return referenceData.offices(governorate, date);
    }

    private LocalDate effective(LocalDate on) {
        return on != null ? on : LocalDate.now(clock);
    }

    private void requireGovernorate(String code, LocalDate on) {
        if (!referenceData.governorateExists(code, on)) {
            throw new UnknownGovernorateException(code, on);
        }
    }

    @ExceptionHandler
    ProblemDetail unknownGovernorate(UnknownGovernorateException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.NOT_FOUND, "No governorate '" + e.code + "' is in effect on " + e.on + ".");
        problem.setTitle("Unknown governorate");
        problem.setProperty("code", "governorate.unknown");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "Parameter '" + e.getName() + "' is malformed; dates are YYYY-MM-DD.");
        problem.setTitle("Malformed parameter");
        problem.setProperty("code", "value.malformed");
        problem.setProperty("field", e.getName());
        return problem;
    }

    private static final class UnknownGovernorateException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String code;
        private final LocalDate on;

        UnknownGovernorateException(String code, LocalDate on) {
            super(null, null, false, false);
            this.code = code;
            this.on = on;
        }
    }
}
