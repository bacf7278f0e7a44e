package org.sijil.api.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sijil.store.read.StoredRows;
import org.sijil.query.consent.ConsentIndex;
import org.sijil.api.consent.ConsentProperties;
import org.sijil.api.security.Caller;
import org.sijil.api.security.Roles;
import org.sijil.api.web.BadRequestException;
import org.sijil.core.api.access.AccessBasisKind;
import org.sijil.core.api.access.AccessOutcome;
import org.sijil.core.api.DataCategory;
import org.sijil.query.log.IssuedCheckpoint;
import org.sijil.query.log.LogProofs;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every recorded read of the caller's own record, newest first, each with the proof that its access
 * event is in the transparency log. The answer carries the latest signed checkpoint, and every entry
 * the checkpoint covers carries its leaf index and an RFC 9162 inclusion proof against that
 * checkpoint's root: the citizen (or anyone they hand it to) checks the checkpoint's signature with
 * the published verifier key and each proof with any RFC 9162 implementation. An entry whose event
 * is not yet in the log, or not yet under a checkpoint, says so ({@code "pending": true}, no proof);
 * it normally gets one within seconds. Listing the history is not itself a read of the record: it
 * shows who read, never the data read.
 */
@RestController
@Tag(name = "Consents")
public class CitizenAccessController {

    private static final ZoneId IRAQ = ZoneId.of("Asia/Baghdad");

    private final JdbcTemplate jdbc;
    private final ConsentProperties properties;
    private final LogProofs log;

    CitizenAccessController(JdbcTemplate jdbc, ConsentProperties properties, LogProofs log) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.log = log;
    }

    /**
     * @param checkpoint the latest signed checkpoint (C2SP signed note), null before the first one
     * @param treeSize   the size of the tree that checkpoint signs (0 before the first one)
     * @param accesses   the entries, newest first
     */
    public record AccessHistory(String checkpoint, long treeSize, List<AccessEntry> accesses) {
    }

    /**
     * @param eventId     the access event's identifier
     * @param globalIndex the access event's position in the event store
     * @param logIndex    the access event's leaf index in the transparency log; null until sequenced
     * @param pending     true while the entry has no proof yet (not sequenced, or beyond the checkpoint)
     * @param proof       the inclusion proof against the checkpoint of this answer; null while pending
     */
    public record AccessEntry(UUID accessId, String eventId, Long globalIndex, Long logIndex, boolean pending,
                       InclusionProof proof, Instant recordedAt, String subject, String organisation, String role,
                       String purpose, AccessBasisKind basisKind, String basisId, List<DataCategory> categories,
                       AccessOutcome outcome, String reason) {
    }

    /**
     * @param treeSize the size of the tree proved against (the answer's checkpoint)
     * @param leafHash SHA-256(0x00 || signed entry bytes), base64
     * @param hashes   the audit path, leaf to root, base64
     */
    public record InclusionProof(long leafIndex, long treeSize, String leafHash, List<String> hashes) {
    }

    /**
     * @param from first day (in Baghdad) to include
     * @param to   last day (in Baghdad) to include
     */
    @GetMapping("/api/v1/citizens/me/accesses")
    @Operation(summary = "Every access to the caller's record, newest first, with inclusion proofs (citizens)",
            description = "Filter by organisation (a ministry such as health, an office code, citizen) and by "
                    + "period (from and to, ISO dates, inclusive). Each entry covered by the latest checkpoint "
                    + "(served with the answer) carries its log index and an RFC 9162 inclusion proof; the "
                    + "others say pending.")
    public AccessHistory accesses(@RequestParam(required = false) String organisation,
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
        // the checkpoint first: every entry it covers was sequenced before it, so is listed below
        Optional<IssuedCheckpoint> checkpoint = log.latestCheckpoint();
        long treeSize = checkpoint.map(IssuedCheckpoint::size).orElse(0L);
        StringBuilder sql = new StringBuilder("""
                SELECT h.*, d.globalindex, l.leaf_index FROM access_history h
                LEFT JOIN %s d ON d.eventidentifier = h.event_id
                LEFT JOIN log_leaf l ON l.event_id = h.event_id
                WHERE h.person_id = ?""".formatted(StoredRows.TABLE));
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
        List<AccessEntry> entries = jdbc.query(sql.toString(), (rs, i) -> {
            String kind = rs.getString("basis_kind");
            Long globalIndex = rs.getObject("globalindex", Long.class);
            Long logIndex = rs.getObject("leaf_index", Long.class);
            InclusionProof proof = logIndex != null && logIndex < treeSize ? proof(logIndex, treeSize) : null;
            return new AccessEntry(rs.getObject("access_id", UUID.class), rs.getString("event_id"),
                    globalIndex, logIndex, proof == null, proof, rs.getTimestamp("recorded_at").toInstant(),
                    rs.getString("subject"), rs.getString("organisation"), rs.getString("role"),
                    rs.getString("purpose"), kind == null ? null : AccessBasisKind.valueOf(kind),
                    rs.getString("basis_id"), ConsentIndex.categories(rs.getArray("categories")),
                    AccessOutcome.valueOf(rs.getString("outcome")), rs.getString("reason"));
        }, args.toArray());
        return new AccessHistory(checkpoint.map(IssuedCheckpoint::signedNote).orElse(null), treeSize, entries);
    }

    private InclusionProof proof(long index, long size) {
        LogProofs.Inclusion inclusion = log.inclusion(index, size);
        Base64.Encoder base64 = Base64.getEncoder();
        return new InclusionProof(index, size, base64.encodeToString(inclusion.leafHash()),
                inclusion.proof().stream().map(base64::encodeToString).toList());
    }
}
