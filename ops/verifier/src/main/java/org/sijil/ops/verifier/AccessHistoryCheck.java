package org.sijil.ops.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sijil.crypto.sign.KeyRing;
import org.sijil.crypto.sign.SignatureCheckException;

/**
 * Checks the citizen's access history ({@code access_history}, which the application lists to
 * them) against the signed access events: each row must list a stored access event and say what
 * that event says, field for field, and each access event must have its row. A deleted row would
 * hide a read from the citizen, an altered one would misname the reader, a forged one would
 * accuse someone; each is named by its event.
 *
 * <p>Logged events' signatures are verified by the leaf pass; an event not yet logged has its
 * signature verified here, so every row is compared with signed content.
 */
final class AccessHistoryCheck {

    /** The one access event type ({@code org.sijil.core.api.access.AccessRecordedEvent}). */
    static final String EVENT_TYPE = "org.sijil.core.api.AccessRecordedEvent";

    /** PostgreSQL keeps a {@code timestamptz} to the microsecond, rounding the event's instant. */
    private static final long TIME_TOLERANCE_NANOS = 500;

    private final KeyRing keys;
    private final ObjectMapper json;

    AccessHistoryCheck(KeyRing keys, ObjectMapper json) {
        this.keys = keys;
        this.json = json;
    }

    /**
     * @return the number of rows checked, or -1 if the trail carries no access history
     * @throws TrailFailure at the first missing, extra or altered row
     */
    long check(Trail trail) throws TrailFailure, IOException {
        long[] rows = {0};
        TrailFailure[] failure = {null};
        boolean carried = trail.readAccessHistory((event, row) -> {
            failure[0] = compare(event, row);
            if (row != null) {
                rows[0]++;
            }
            return failure[0] == null;
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        return carried ? rows[0] : -1;
    }

    private TrailFailure compare(Trail.StoredEvent event, Trail.AccessRow row) throws IOException {
        if (event == null) {
            return new TrailFailure(-1, row.eventId(), "access_history row of access " + row.accessId()
                    + " (person " + row.personId() + ", subject " + row.subject()
                    + ") lists no stored access event: an extra row");
        }
        String eventId = event.entry().eventId();
        if (event.leafIndex() < 0) {
            try {
                keys.verify(event.entry().keyId(), event.entry().encode(),
                        event.signature() == null ? new byte[0] : event.signature());
            } catch (SignatureCheckException e) {
                return new TrailFailure(-1, eventId, e.reason() == SignatureCheckException.Reason.UNKNOWN_KEY
                        ? "unknown key " + e.keyId() + " (not among the published keys)"
                        : "bad signature (key " + e.keyId() + ")");
            }
        }
        if (!EVENT_TYPE.equals(event.entry().payloadType())) {
            return new TrailFailure(event.leafIndex(), eventId, "access event of type " + event.entry().payloadType()
                    + ", not " + EVENT_TYPE);
        }
        JsonNode signed = json.readTree(event.entry().payload());
        if (row == null) {
            return new TrailFailure(event.leafIndex(), eventId, "access event of access " + text(signed, "accessId")
                    + " (person " + text(signed, "personId") + ", subject " + text(signed, "subject")
                    + ") has no access_history row: a missing row");
        }
        List<String> differences = new ArrayList<>();
        differ(differences, "access_id", row.accessId(), text(signed, "accessId"));
        differ(differences, "person_id", row.personId(), text(signed, "personId"));
        differ(differences, "subject", row.subject(), text(signed, "subject"));
        differ(differences, "organisation", row.organisation(), text(signed, "organisation"));
        differ(differences, "role", row.role(), text(signed, "role"));
        differ(differences, "purpose", row.purpose(), text(signed, "purpose"));
        differ(differences, "basis_kind", row.basisKind(), text(signed, "basisKind"));
        differ(differences, "basis_id", row.basisId(), text(signed, "basisId"));
        differ(differences, "categories", row.categories() == null ? null : String.join(",", row.categories()),
                categories(signed));
        differ(differences, "outcome", row.outcome(), text(signed, "outcome"));
        differ(differences, "reason", row.reason(), text(signed, "reason"));
        if (!sameTime(row.recordedAt(), text(signed, "recordedAt"))) {
            differences.add("recorded_at (row " + row.recordedAt() + ", signed " + text(signed, "recordedAt") + ")");
        }
        if (differences.isEmpty()) {
            return null;
        }
        return new TrailFailure(event.leafIndex(), eventId, "access_history row of access " + row.accessId()
                + " differs from its signed access event: an altered row: " + String.join(", ", differences));
    }

    private static void differ(List<String> differences, String column, String stored, String signed) {
        if (!Objects.equals(stored, signed)) {
            differences.add(column + " (row " + quoted(stored) + ", signed " + quoted(signed) + ")");
        }
    }

    private static boolean sameTime(Instant stored, String signed) {
        if (stored == null || signed == null) {
            return stored == null && signed == null;
        }
        try {
            return Math.abs(Duration.between(Instant.parse(signed), stored).toNanos()) <= TIME_TOLERANCE_NANOS;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    private static String categories(JsonNode signed) {
        JsonNode value = signed.path("categories");
        if (!value.isArray()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        value.forEach(category -> names.add(category.asText()));
        return String.join(",", names);
    }

    private static String quoted(String value) {
        return value == null ? "null" : "'" + value + "'";
    }
}
