package org.sijil.core.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sijil.core.api.AccessBasisKind;
import org.sijil.core.api.AccessOutcome;
import org.sijil.core.api.AccessRecordedEvent;
import org.sijil.core.api.ConsentRuleCodes;
import org.sijil.core.api.DataCategory;
import org.sijil.core.api.RecordAccessCommand;
import org.sijil.core.api.RuleCodes;

/** Rules of an access record: a granted read names its basis, a denied one its reason. */
class AccessTest {

    private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");

    private final InMemoryConsents registry = new InMemoryConsents();
    private final UUID accessId = UUID.randomUUID();
    private final UUID person = UUID.randomUUID();
    private final String consentId = UUID.randomUUID().toString();

    private RecordAccessCommand access(AccessBasisKind kind, String basisId, List<DataCategory> categories,
                                       AccessOutcome outcome, String reason) {
        return new RecordAccessCommand(accessId, person, "ministry-health", "health", "MINISTRY", "vaccination",
                kind, basisId, categories, outcome, reason, NOW);
    }

    @Test
    void recordsAGrantedReadWithItsCategoriesInDeclarationOrder() {
        registry.when(access(AccessBasisKind.CONSENT, consentId, List.of(DataCategory.FAMILY, DataCategory.IDENTITY),
                AccessOutcome.GRANTED, null));
        assertThat(registry.events(accessId)).containsExactly(new AccessRecordedEvent(accessId, person,
                "ministry-health", "health", "MINISTRY", "vaccination", AccessBasisKind.CONSENT, consentId,
                List.of(DataCategory.IDENTITY, DataCategory.FAMILY), AccessOutcome.GRANTED, null, NOW));
    }

    @Test
    void recordsADeniedRead() {
        registry.when(access(null, null, List.of(), AccessOutcome.DENIED, ConsentRuleCodes.DENIED_NO_BASIS));
        assertThat(((AccessRecordedEvent) registry.lastEvent(accessId)).reason())
                .isEqualTo(ConsentRuleCodes.DENIED_NO_BASIS);
    }

    @Test
    void rejectsAGrantedReadWithoutItsBasis() {
        registry.rejects(access(AccessBasisKind.CONSENT, null, List.of(DataCategory.IDENTITY), AccessOutcome.GRANTED,
                null), ConsentRuleCodes.ACCESS_RECORD_INCONSISTENT, "outcome");
        registry.rejects(access(null, null, List.of(DataCategory.IDENTITY), AccessOutcome.GRANTED, null),
                ConsentRuleCodes.ACCESS_RECORD_INCONSISTENT, "outcome");
    }

    @Test
    void rejectsADeniedReadWithoutReasonOrWithData() {
        registry.rejects(access(null, null, List.of(), AccessOutcome.DENIED, null),
                ConsentRuleCodes.ACCESS_RECORD_INCONSISTENT, "outcome");
        registry.rejects(access(null, null, List.of(DataCategory.IDENTITY), AccessOutcome.DENIED,
                ConsentRuleCodes.DENIED_NO_BASIS), ConsentRuleCodes.ACCESS_RECORD_INCONSISTENT, "outcome");
    }

    @Test
    void rejectsAReadWithoutItsReader() {
        registry.rejects(new RecordAccessCommand(accessId, person, null, "health", "MINISTRY", "vaccination",
                AccessBasisKind.OFFICIAL_DUTY, null, List.of(), AccessOutcome.GRANTED, null, NOW),
                RuleCodes.FIELD_REQUIRED, "subject");
    }
}
