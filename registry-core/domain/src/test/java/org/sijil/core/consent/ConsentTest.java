package org.sijil.core.consent;

import org.sijil.core.api.FieldRule;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sijil.core.api.consent.ConsentGrantedEvent;
import org.sijil.core.api.consent.ConsentRevokedEvent;
import org.sijil.core.api.consent.ConsentRule;
import org.sijil.core.api.consent.ConsentUsedEvent;
import org.sijil.core.api.DataCategory;
import org.sijil.core.api.consent.GrantConsentCommand;
import org.sijil.core.api.consent.RecordConsentUseCommand;
import org.sijil.core.api.consent.RevokeConsentCommand;
import org.sijil.core.api.person.PersonRule;

/** Rules of a consent: given its events, when a command, expect events or a rule code. */
class ConsentTest {

    static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");
    static final Instant IN_A_YEAR = NOW.plus(Duration.ofDays(365));
    static final String POLICY = "sijil:consent-policy:1";

    private final InMemoryConsents registry = new InMemoryConsents();
    private final UUID consentId = UUID.randomUUID();
    private final UUID citizen = UUID.randomUUID();
    private final UUID receipt = UUID.randomUUID();

    private GrantConsentCommand grant(String purposeCode, List<String> categories, Instant from, Instant until,
                                      boolean oneTime) {
        return new GrantConsentCommand(consentId, citizen, "health", purposeCode, "Vaccination record check",
                categories, from, until, oneTime, "online-portal", receipt, "IQ", POLICY, NOW);
    }

    private ConsentGrantedEvent granted(boolean oneTime) {
        return new ConsentGrantedEvent(consentId, citizen, "health", "vaccination", "Vaccination record check",
                List.of(DataCategory.IDENTITY, DataCategory.FAMILY), NOW, IN_A_YEAR, oneTime, "online-portal",
                receipt, "IQ", POLICY, NOW);
    }

    private void givenGranted(boolean oneTime) {
        registry.given("Consent", consentId, granted(oneTime));
    }

    private RecordConsentUseCommand use(Instant at) {
        return new RecordConsentUseCommand(consentId, "health", "vaccination", UUID.randomUUID(), at);
    }

    @Test
    void grantRecordsTheReceiptWithCategoriesInDeclarationOrder() {
        registry.when(grant(" vaccination ", List.of("FAMILY", "IDENTITY", "FAMILY"), NOW, IN_A_YEAR, false));
        assertThat(registry.events(consentId)).containsExactly(granted(false));
        assertThat(registry.authorises(consentId, NOW.plusSeconds(60))).isTrue();
    }

    @Test
    void rejectsValidityEndingBeforeItStarts() {
        registry.rejects(grant("vaccination", List.of("IDENTITY"), IN_A_YEAR, NOW.plusSeconds(3600), false),
                ConsentRule.PERIOD_END_BEFORE_START.code(), "validUntil");
    }

    @Test
    void rejectsValidityEndingWhenItStarts() {
        registry.rejects(grant("vaccination", List.of("IDENTITY"), IN_A_YEAR, IN_A_YEAR, false),
                ConsentRule.PERIOD_END_BEFORE_START.code(), "validUntil");
    }

    @Test
    void rejectsValidityAlreadyEnded() {
        registry.rejects(grant("vaccination", List.of("IDENTITY"), NOW.minus(Duration.ofDays(30)),
                NOW.minus(Duration.ofDays(1)), false), ConsentRule.PERIOD_EXPIRED.code(), "validUntil");
    }

    @Test
    void rejectsUnknownCategory() {
        registry.rejects(grant("vaccination", List.of("IDENTITY", "MEDICAL_HISTORY"), NOW, IN_A_YEAR, false),
                ConsentRule.CATEGORY_UNKNOWN.code(), "categories");
    }

    @Test
    void rejectsLowerCaseCategory() {
        registry.rejects(grant("vaccination", List.of("identity"), NOW, IN_A_YEAR, false),
                ConsentRule.CATEGORY_UNKNOWN.code(), "categories");
    }

    @Test
    void rejectsNoCategory() {
        registry.rejects(grant("vaccination", List.of(), NOW, IN_A_YEAR, false),
                ConsentRule.CATEGORIES_REQUIRED.code(), "categories");
    }

    @Test
    void rejectsMissingPurpose() {
        registry.rejects(grant(" ", List.of("IDENTITY"), NOW, IN_A_YEAR, false), FieldRule.REQUIRED.code(),
                "purposeCode");
        registry.rejects(new GrantConsentCommand(consentId, citizen, "health", "vaccination", null,
                List.of("IDENTITY"), NOW, IN_A_YEAR, false, "online-portal", receipt, "IQ", POLICY, NOW),
                FieldRule.REQUIRED.code(), "purposeText");
    }

    @Test
    void rejectsGrantWithoutHowItWasCollected() {
        registry.rejects(new GrantConsentCommand(consentId, citizen, "health", "vaccination", "text",
                List.of("IDENTITY"), NOW, IN_A_YEAR, false, null, receipt, "IQ", POLICY, NOW),
                FieldRule.REQUIRED.code(), "collectionMethod");
    }

    @Test
    void citizenRevokesTheirConsent() {
        givenGranted(false);
        Instant later = NOW.plusSeconds(600);
        registry.when(new RevokeConsentCommand(consentId, citizen, "online-portal", later));
        assertThat(registry.lastEvent(consentId))
                .isEqualTo(new ConsentRevokedEvent(consentId, citizen, "health", "online-portal", later));
        assertThat(registry.authorises(consentId, later.plusSeconds(1))).isFalse();
    }

    @Test
    void rejectsRevokingTwice() {
        givenGranted(false);
        registry.when(new RevokeConsentCommand(consentId, citizen, "online-portal", NOW.plusSeconds(60)));
        registry.rejects(new RevokeConsentCommand(consentId, citizen, "online-portal", NOW.plusSeconds(120)),
                ConsentRule.CONSENT_ALREADY_REVOKED.code(), "consentId");
    }

    @Test
    void rejectsRevokingSomeoneElsesConsent() {
        givenGranted(false);
        registry.rejects(new RevokeConsentCommand(consentId, UUID.randomUUID(), "online-portal", NOW.plusSeconds(60)),
                ConsentRule.CONSENT_NOT_YOURS.code(), "consentId");
        assertThat(registry.authorises(consentId, NOW.plusSeconds(61))).isTrue();
    }

    @Test
    void oneTimeConsentIsUsedOnceAndThenNoLongerAuthorises() {
        givenGranted(true);
        RecordConsentUseCommand first = use(NOW.plusSeconds(60));
        registry.when(first);
        assertThat(registry.lastEvent(consentId)).isEqualTo(
                new ConsentUsedEvent(consentId, citizen, "health", first.accessId(), first.recordedAt()));
        assertThat(registry.authorises(consentId, NOW.plusSeconds(61))).isFalse();
        registry.rejects(use(NOW.plusSeconds(120)), ConsentRule.CONSENT_ALREADY_USED.code(), "consentId");
    }

    @Test
    void repeatedConsentIsUsedAgainAndAgain() {
        givenGranted(false);
        registry.when(use(NOW.plusSeconds(60)));
        registry.when(use(NOW.plusSeconds(120)));
        assertThat(registry.events(consentId)).hasSize(3);
        assertThat(registry.authorises(consentId, NOW.plusSeconds(121))).isTrue();
    }

    @Test
    void rejectsUseOfRevokedConsent() {
        givenGranted(false);
        registry.when(new RevokeConsentCommand(consentId, citizen, "service-centre", NOW.plusSeconds(60)));
        registry.rejects(use(NOW.plusSeconds(120)), ConsentRule.CONSENT_REVOKED.code(), "consentId");
    }

    @Test
    void rejectsUseAfterExpiry() {
        givenGranted(false);
        registry.rejects(use(IN_A_YEAR), ConsentRule.CONSENT_NOT_IN_FORCE.code(), "consentId");
        assertThat(registry.authorises(consentId, IN_A_YEAR)).isFalse();
    }

    @Test
    void rejectsUseByAnotherMinistryOrForAnotherPurpose() {
        givenGranted(false);
        registry.rejects(new RecordConsentUseCommand(consentId, "interior", "vaccination", UUID.randomUUID(),
                NOW.plusSeconds(60)), ConsentRule.CONSENT_NOT_COVERING.code(), "consentId");
        registry.rejects(new RecordConsentUseCommand(consentId, "health", "research", UUID.randomUUID(),
                NOW.plusSeconds(60)), ConsentRule.CONSENT_NOT_COVERING.code(), "consentId");
    }
}
