package org.sijil.query.consent;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sijil.core.api.DataCategory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads of the consent and legal-basis read model, and the decision on a ministry's read that rests
 * on it ({@link #decide}). The model is written in the transaction of the events, so what is read
 * here is never behind a command that has returned.
 */
@Component
public class ConsentIndex {

    /** How a consent stands at the moment it is listed. */
    public enum Status { PENDING, ACTIVE, USED, EXPIRED, REVOKED }

    /** A consent and its receipt, as the citizen who granted it sees it. */
    public record ConsentView(UUID consentId, UUID personId, String ministry, String purposeCode,
                              String purposeText, List<DataCategory> categories, Instant validFrom,
                              Instant validUntil, boolean oneTime, String collectionMethod, UUID receiptId,
                              String jurisdiction, String policyReference, Instant grantedAt, Instant usedAt,
                              Instant revokedAt, Status status, String eventId) {
    }

    /** A legal basis as recorded. */
    public record LegalBasisView(UUID legalBasisId, String law, String article, String ministry,
                                 List<String> purposes, List<DataCategory> categories, LocalDate validFrom,
                                 LocalDate validUntil, Instant recordedAt, String repealedBy, Instant repealedAt,
                                 String eventId) {
    }

    private static final String CONSENT_COLUMNS = "consent_id, person_id, ministry, purpose_code, purpose_text, "
            + "categories, valid_from, valid_until, one_time, collection_method, receipt_id, jurisdiction, "
            + "policy_reference, granted_at, used_at, revoked_at, event_id";

    private final JdbcTemplate jdbc;

    ConsentIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The person's consents, latest granted first, with their status at {@code now}. */
    public List<ConsentView> consentsOf(UUID personId, Instant now, int limit) {
        return jdbc.query("SELECT " + CONSENT_COLUMNS + " FROM consent_index WHERE person_id = ? "
                        + "ORDER BY granted_at DESC, consent_id LIMIT ?",
                (rs, i) -> consent(rs, now), personId, limit);
    }

    public Optional<ConsentView> consent(UUID consentId, Instant now) {
        return jdbc.query("SELECT " + CONSENT_COLUMNS + " FROM consent_index WHERE consent_id = ?",
                (rs, i) -> consent(rs, now), consentId).stream().findFirst();
    }

    /** Legal bases, latest recorded first; of one ministry when {@code ministry} is not null. */
    public List<LegalBasisView> legalBases(String ministry, int limit) {
        String sql = "SELECT * FROM legal_basis_index" + (ministry == null ? "" : " WHERE ministry = ?")
                + " ORDER BY recorded_at DESC, legal_basis_id LIMIT ?";
        Object[] args = ministry == null ? new Object[] {limit} : new Object[] {ministry, limit};
        return jdbc.query(sql, (rs, i) -> legalBasis(rs), args);
    }

    public Optional<LegalBasisView> legalBasis(UUID legalBasisId) {
        return jdbc.query("SELECT * FROM legal_basis_index WHERE legal_basis_id = ?", (rs, i) -> legalBasis(rs),
                legalBasisId).stream().findFirst();
    }

    /** The person's consents to a ministry for a purpose, and the ministry's legal bases for it. */
    public record OnFile(List<ConsentView> consents, List<LegalBasisView> legalBases) {
    }

    /**
     * What is on file for {@code ministry} reading the person's data for {@code purpose}, both read
     * in one round trip (one Sync, so one implicit transaction and one snapshot).
     */
    public OnFile onFile(String ministry, UUID personId, String purpose, Instant at) {
        return jdbc.execute(DECISION, (PreparedStatement statement) -> {
            statement.setObject(1, personId);
            statement.setString(2, ministry);
            statement.setString(3, purpose);
            statement.setString(4, ministry);
            statement.setString(5, purpose);
            statement.execute();
            List<ConsentView> consents = new ArrayList<>();
            try (ResultSet rs = statement.getResultSet()) {
                while (rs.next()) {
                    consents.add(consent(rs, at));
                }
            }
            if (!statement.getMoreResults()) {
                throw new IllegalStateException("the legal bases' lookup returned no result");
            }
            List<LegalBasisView> bases = new ArrayList<>();
            try (ResultSet rs = statement.getResultSet()) {
                while (rs.next()) {
                    bases.add(legalBasis(rs));
                }
            }
            return new OnFile(consents, bases);
        });
    }

    /** The person's consents to the ministry for the purpose, then the ministry's legal bases for it. */
    private static final String DECISION = "SELECT " + CONSENT_COLUMNS
            + " FROM consent_index WHERE person_id = ? AND ministry = ? AND purpose_code = ?;"
            + " SELECT * FROM legal_basis_index WHERE ministry = ? AND ? = ANY (purposes)";

    private static ConsentView consent(ResultSet rs, Instant now) throws SQLException {
        Instant validFrom = instant(rs, "valid_from");
        Instant validUntil = instant(rs, "valid_until");
        boolean oneTime = rs.getBoolean("one_time");
        Instant usedAt = instant(rs, "used_at");
        Instant revokedAt = instant(rs, "revoked_at");
        Status status;
        if (revokedAt != null) {
            status = Status.REVOKED;
        } else if (!now.isBefore(validUntil)) {
            status = Status.EXPIRED;
        } else if (oneTime && usedAt != null) {
            status = Status.USED;
        } else if (now.isBefore(validFrom)) {
            status = Status.PENDING;
        } else {
            status = Status.ACTIVE;
        }
        return new ConsentView(rs.getObject("consent_id", UUID.class), rs.getObject("person_id", UUID.class),
                rs.getString("ministry"), rs.getString("purpose_code"), rs.getString("purpose_text"),
                categories(rs.getArray("categories")), validFrom, validUntil, oneTime,
                rs.getString("collection_method"), rs.getObject("receipt_id", UUID.class),
                rs.getString("jurisdiction"), rs.getString("policy_reference"), instant(rs, "granted_at"), usedAt,
                revokedAt, status, rs.getString("event_id"));
    }

    private static LegalBasisView legalBasis(ResultSet rs) throws SQLException {
        return new LegalBasisView(rs.getObject("legal_basis_id", UUID.class), rs.getString("law"),
                rs.getString("article"), rs.getString("ministry"), strings(rs.getArray("purposes")),
                categories(rs.getArray("categories")), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class), instant(rs, "recorded_at"), rs.getString("repealed_by"),
                instant(rs, "repealed_at"), rs.getString("event_id"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    /** Category names from a column as constants in declaration order. */
    public static List<DataCategory> categories(Array array) throws SQLException {
        EnumSet<DataCategory> set = EnumSet.noneOf(DataCategory.class);
        for (String name : strings(array)) {
            set.add(DataCategory.valueOf(name));
        }
        return List.copyOf(set);
    }
}
