package org.sijil.core.consent;

import org.sijil.core.api.FieldRule;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sijil.core.api.access.AccessBasisKind;
import org.sijil.core.api.access.AccessOutcome;
import org.sijil.core.api.access.AccessRecordedEvent;
import org.sijil.core.api.consent.ConsentRule;
import org.sijil.core.api.DataCategory;
import org.sijil.core.api.access.RecordAccessCommand;
import org.sijil.core.api.person.PersonRule;

/** Rules of an access record: a granted read names its basis, a denied one its reason. */
class AccessTest {

    private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");

    private final UUID accessId = UUID.randomUUID();
    private final UUID person = UUID.randomUUID();
    private final String consentId = UUID.randomUUID().toString();

    private RecordAccessCommand access(AccessBasisKind kind, String basisId, List<DataCategory> categories,
                                       AccessOutcome outcome, String reason) {
        return new RecordAccessCommand(accessId, person, "ministry-health", "health", "MINISTRY", "vaccination",
                kind, basisId, categories, outcome, reason, NOW);
    }

    /** Expects the rule {@code code} on {@code field}. */
    private static void rejects(RecordAccessCommand command, String code, String field) {
        InMemoryConsents.breaksRule(() -> Access.recorded(command), code, field);
    }

    @Test
    void recordsAGrantedReadWithItsCategoriesInDeclarationOrder() {
        assertThat(Access.recorded(access(AccessBasisKind.CONSENT, consentId,
                List.of(DataCategory.FAMILY, DataCategory.IDENTITY), AccessOutcome.GRANTED, null)))
                .isEqualTo(new AccessRecordedEvent(accessId, person, "ministry-health", "health", "MINISTRY",
                        "vaccination", AccessBasisKind.CONSENT, consentId,
                        List.of(DataCategory.IDENTITY, DataCategory.FAMILY), AccessOutcome.GRANTED, null, NOW));
    }

    @Test
    void recordsADeniedRead() {
        assertThat(Access.recorded(access(null, null, List.of(), AccessOutcome.DENIED,
                ConsentRule.DENIED_NO_BASIS.code())).reason()).isEqualTo(ConsentRule.DENIED_NO_BASIS.code());
    }

    @Test
    void rejectsAGrantedReadWithoutItsBasis() {
        rejects(access(AccessBasisKind.CONSENT, null, List.of(DataCategory.IDENTITY), AccessOutcome.GRANTED, null),
                ConsentRule.ACCESS_RECORD_INCONSISTENT.code(), "outcome");
        rejects(access(null, null, List.of(DataCategory.IDENTITY), AccessOutcome.GRANTED, null),
                ConsentRule.ACCESS_RECORD_INCONSISTENT.code(), "outcome");
    }

    @Test
    void rejectsADeniedReadWithoutReasonOrWithData() {
        rejects(access(null, null, List.of(), AccessOutcome.DENIED, null),
                ConsentRule.ACCESS_RECORD_INCONSISTENT.code(), "outcome");
        rejects(access(null, null, List.of(DataCategory.IDENTITY), AccessOutcome.DENIED,
                ConsentRule.DENIED_NO_BASIS.code()), ConsentRule.ACCESS_RECORD_INCONSISTENT.code(), "outcome");
    }

    @Test
    void rejectsAReadWithoutItsReader() {
        rejects(new RecordAccessCommand(accessId, person, null, "health", "MINISTRY", "vaccination",
                AccessBasisKind.OFFICIAL_DUTY, null, List.of(), AccessOutcome.GRANTED, null, NOW),
                FieldRule.REQUIRED.code(), "subject");
    }
}
