package org.sijil.api.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.sijil.api.consent.ConsentIndex;
import org.sijil.api.consent.ConsentProperties;
import org.sijil.api.security.Caller;
import org.sijil.api.security.Roles;
import org.sijil.api.web.BadRequestException;
import org.sijil.core.api.AccessBasisKind;
import org.sijil.core.api.AccessOutcome;
import org.sijil.core.api.DataCategory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every recorded read of the caller's own record, newest first. Each entry names its access event
 * and that event's position in the store, by which the transparency log proves its inclusion
 * ({@code GET /api/v1/log/events/{eventId}}). Listing the history is not itself a read of the
 * record: it shows who read, never the data read.
 */
@RestController
@Tag(name = "Consents")
class CitizenAccessController {

    private static final ZoneId IRAQ = ZoneId.of("Asia/Baghdad");

    private final JdbcTemplate jdbc;
    private final ConsentProperties properties;

    CitizenAccessController(JdbcTemplate jdbc, ConsentProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * @param eventId     the access event's identifier
     * @param globalIndex the access event's position in the event store
     */
    record AccessEntry(UUID accessId, String eventId, Long globalIndex, Instant recordedAt, String subject,
                       String organisation, String role, String purpose, AccessBasisKind basisKind, String basisId,
                       List<DataCategory> categories, AccessOutcome outcome, String reason) {
    }

    /**
     * @param from first day (in Baghdad) to include
     * @param to   last day (in Baghdad) to include
     */
    @GetMapping("/api/v1/citizens/me/accesses")
    @Operation(summary = "Every access to the caller's record, newest first (citizens)",
            description = "Filter by organisation (a ministry such as health, an office code, citizen) and by "
                    + "period (from and to, ISO dates, inclusive).")
    List<AccessEntry> accesses(@RequestParam(required = false) String organisation,
                               @RequestParam(required = false) LocalDate from,
                               @RequestParam(required = false) LocalDate to,
                               Authentication auth) {
        Caller caller = Caller.of(auth);
        if (!caller.hasRole(Roles.CITIZEN) || caller.personId() == null) {
            throw new AccessDeniedException("citizens only");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new BadRequestException("to", "period.end-before-start");
        }
        StringBuilder sql = new StringBuilder("""
                SELECT h.*, d.globalindex FROM access_history h
                LEFT JOIN domainevententry d ON d.eventidentifier = h.event_id
                WHERE h.person_id = ?""");
        List<Object> args = new ArrayList<>();
        args.add(caller.personId());
        if (organisation != null && !organisation.isBlank()) {
            sql.append(" AND h.organisation = ?");
            args.add(organisation.strip());
        }
        if (from != null) {
            sql.append(" AND h.recorded_at >= ?");
            args.add(Timestamp.from(from.atStartOfDay(IRAQ).toInstant()));
        }
        if (to != null) {
            sql.append(" AND h.recorded_at < ?");
            args.add(Timestamp.from(to.plusDays(1).atStartOfDay(IRAQ).toInstant()));
        }
        sql.append(" ORDER BY h.recorded_at DESC, d.globalindex DESC LIMIT ?");
        args.add(properties.historyLimit());
        return jdbc.query(sql.toString(), (rs, i) -> {
            String kind = rs.getString("basis_kind");
            Long globalIndex = rs.getObject("globalindex", Long.class);
            return new AccessEntry(rs.getObject("access_id", UUID.class), rs.getString("event_id"),
                    globalIndex, rs.getTimestamp("recorded_at").toInstant(),
                    rs.getString("subject"), rs.getString("organisation"), rs.getString("role"),
                    rs.getString("purpose"), kind == null ? null : AccessBasisKind.valueOf(kind),
                    rs.getString("basis_id"), ConsentIndex.categories(rs.getArray("categories")),
                    AccessOutcome.valueOf(rs.getString("outcome")), rs.getString("reason"));
        }, args.toArray());
    }
}
