package org.sijil.core.consent;

import org.sijil.core.api.FieldRule;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sijil.core.api.consent.ConsentRule;
import org.sijil.core.api.DataCategory;
import org.sijil.core.api.consent.LegalBasisRecordedEvent;
import org.sijil.core.api.consent.LegalBasisRepealedEvent;
import org.sijil.core.api.consent.RecordLegalBasisCommand;
import org.sijil.core.api.consent.RepealLegalBasisCommand;
import org.sijil.core.api.person.PersonRule;

/**
 * Rules of a legal basis. The sample law is Iraq's Public Health Law No. 89 of 1981, whose
 * article 46 concerns the notification of communicable diseases.
 */
class LegalBasisTest {

    private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");
    private static final String LAW = "Public Health Law No. 89 of 1981";
    private static final LocalDate FROM = LocalDate.of(2025, 1, 1);

    private final InMemoryConsents registry = new InMemoryConsents();
    private final UUID id = UUID.randomUUID();

    private RecordLegalBasisCommand record(List<String> purposes, List<String> categories, LocalDate until) {
        return new RecordLegalBasisCommand(id, LAW, "46", "health", purposes, categories, FROM, until, NOW);
    }

    @Test
    void recordsTrimmedPurposesAndOrderedCategories() {
        registry.when(record(List.of(" disease-notification", "disease-notification"),
                List.of("RESIDENCE", "IDENTITY"), null));
        assertThat(registry.events(id)).containsExactly(new LegalBasisRecordedEvent(id, LAW, "46", "health",
                List.of("disease-notification"), List.of(DataCategory.IDENTITY, DataCategory.RESIDENCE), FROM, null,
                NOW));
    }

    @Test
    void rejectsValidityEndingBeforeItStarts() {
        registry.rejects(record(List.of("disease-notification"), List.of("IDENTITY"), FROM.minusDays(1)),
                ConsentRule.PERIOD_END_BEFORE_START.code(), "validUntil");
    }

    @Test
    void rejectsNoPurposeAndUnknownCategoryAndMissingArticle() {
        registry.rejects(record(List.of(), List.of("IDENTITY"), null),
                ConsentRule.LEGAL_BASIS_PURPOSES_REQUIRED.code(), "purposes");
        registry.rejects(record(List.of("disease-notification"), List.of("HEALTH"), null),
                ConsentRule.CATEGORY_UNKNOWN.code(), "categories");
        registry.rejects(new RecordLegalBasisCommand(id, LAW, " ", "health", List.of("x"), List.of("IDENTITY"),
                FROM, null, NOW), FieldRule.REQUIRED.code(), "article");
    }

    @Test
    void isRepealedOnce() {
        registry.when(record(List.of("disease-notification"), List.of("IDENTITY"), null));
        registry.when(new RepealLegalBasisCommand(id, "Law No. 12 of 2025", NOW.plusSeconds(60)));
        assertThat(registry.lastEvent(id))
                .isEqualTo(new LegalBasisRepealedEvent(id, "health", "Law No. 12 of 2025", NOW.plusSeconds(60)));
        registry.rejects(new RepealLegalBasisCommand(id, "Law No. 12 of 2025", NOW.plusSeconds(120)),
                ConsentRule.LEGAL_BASIS_ALREADY_REPEALED.code(), "legalBasisId");
    }
}
