package org.sijil.core.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sijil.core.api.access.AccessBasisKind;
import org.sijil.core.api.access.AccessOutcome;
import org.sijil.core.api.consent.ConsentRule;
import org.sijil.core.api.DataCategory;
import org.sijil.core.consent.AccessPolicy.ConsentOnFile;
import org.sijil.core.consent.AccessPolicy.Decision;
import org.sijil.core.consent.AccessPolicy.LegalBasisOnFile;

/** Which basis a ministry's read rests on, and why it is denied when none does. */
class AccessPolicyTest {

    private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");
    private static final Instant GRANTED = NOW.minus(Duration.ofDays(10));

    private final AccessPolicy policy = new AccessPolicy();

    private static ConsentOnFile consent(UUID id, Set<DataCategory> categories, boolean oneTime, boolean used,
                                         boolean revoked, Instant from, Instant until, Instant grantedAt) {
        return new ConsentOnFile(id, "health", "vaccination", categories, from, until, oneTime, used, revoked,
                grantedAt);
    }

    private static ConsentOnFile consent(UUID id, boolean oneTime, boolean used, boolean revoked) {
        return consent(id, Set.of(DataCategory.IDENTITY), oneTime, used, revoked, GRANTED,
                NOW.plus(Duration.ofDays(30)), GRANTED);
    }

    private static LegalBasisOnFile basis(UUID id, LocalDate until, boolean repealed) {
        return new LegalBasisOnFile(id, "health", Set.of("vaccination"),
                Set.of(DataCategory.RESIDENCE, DataCategory.IDENTITY), LocalDate.of(2025, 1, 1), until, repealed);
    }

    private Decision decide(List<ConsentOnFile> consents, List<LegalBasisOnFile> bases) {
        return policy.decide("health", "vaccination", NOW, consents, bases);
    }

    @Test
    void aConsentInForceGrantsItsCategories() {
        UUID id = UUID.randomUUID();
        Decision d = decide(List.of(consent(id, false, false, false)), List.of());
        assertThat(d).isEqualTo(new Decision(AccessOutcome.GRANTED, AccessBasisKind.CONSENT, id,
                List.of(DataCategory.IDENTITY), false, null));
    }

    @Test
    void aRepeatedConsentIsPreferredToAOneTimeOne() {
        UUID oneTime = UUID.randomUUID();
        UUID repeated = UUID.randomUUID();
        Decision d = decide(List.of(consent(oneTime, true, false, false), consent(repeated, false, false, false)),
                List.of());
        assertThat(d.basisId()).isEqualTo(repeated);
        assertThat(d.oneTimeConsent()).isFalse();
    }

    @Test
    void aConsentToAnotherMinistryOrPurposeGrantsNothing() {
        ConsentOnFile interior = new ConsentOnFile(UUID.randomUUID(), "interior", "vaccination",
                Set.of(DataCategory.IDENTITY), GRANTED, NOW.plusSeconds(60), false, false, false, GRANTED);
        ConsentOnFile research = new ConsentOnFile(UUID.randomUUID(), "health", "research",
                Set.of(DataCategory.IDENTITY), GRANTED, NOW.plusSeconds(60), false, false, false, GRANTED);
        assertThat(decide(List.of(interior, research), List.of()).reason()).isEqualTo(ConsentRule.DENIED_NO_BASIS.code());
    }

    @Test
    void withoutConsentALegalBasisInForceGrantsItsCategories() {
        UUID id = UUID.randomUUID();
        Decision d = decide(List.of(), List.of(basis(id, null, false)));
        assertThat(d).isEqualTo(new Decision(AccessOutcome.GRANTED, AccessBasisKind.LEGAL_BASIS, id,
                List.of(DataCategory.IDENTITY, DataCategory.RESIDENCE), false, null));
    }

    @Test
    void aRepealedOrLapsedLegalBasisGrantsNothing() {
        assertThat(decide(List.of(), List.of(basis(UUID.randomUUID(), null, true))).outcome())
                .isEqualTo(AccessOutcome.DENIED);
        assertThat(decide(List.of(), List.of(basis(UUID.randomUUID(), LocalDate.of(2025, 2, 28), false))).reason())
                .isEqualTo(ConsentRule.DENIED_NO_BASIS.code());
        // the last day of validity still counts, in Baghdad (NOW is 12:00 there)
        assertThat(decide(List.of(), List.of(basis(UUID.randomUUID(), LocalDate.of(2025, 3, 1), false))).granted())
                .isTrue();
    }

    @Test
    void aDenialNamesWhyTheLatestConsentNoLongerCounts() {
        assertThat(decide(List.of(consent(UUID.randomUUID(), false, false, true)), List.of()).reason())
                .isEqualTo(ConsentRule.DENIED_CONSENT_REVOKED.code());
        assertThat(decide(List.of(consent(UUID.randomUUID(), true, true, false)), List.of()).reason())
                .isEqualTo(ConsentRule.DENIED_CONSENT_USED.code());
        ConsentOnFile expired = consent(UUID.randomUUID(), Set.of(DataCategory.IDENTITY), false, false, false,
                GRANTED, NOW, GRANTED);
        assertThat(decide(List.of(expired), List.of()).reason()).isEqualTo(ConsentRule.DENIED_CONSENT_EXPIRED.code());
        ConsentOnFile future = consent(UUID.randomUUID(), Set.of(DataCategory.IDENTITY), false, false, false,
                NOW.plusSeconds(1), NOW.plusSeconds(60), GRANTED);
        assertThat(decide(List.of(future), List.of()).reason())
                .isEqualTo(ConsentRule.DENIED_CONSENT_NOT_YET_VALID.code());
    }

    @Test
    void aRevokedConsentFallsBackToALegalBasis() {
        UUID basis = UUID.randomUUID();
        Decision d = decide(List.of(consent(UUID.randomUUID(), false, false, true)), List.of(basis(basis, null, false)));
        assertThat(d.basisKind()).isEqualTo(AccessBasisKind.LEGAL_BASIS);
        assertThat(d.basisId()).isEqualTo(basis);
    }
}
