package org.sijil.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sijil.core.api.access.AccessBasisKind;
import org.sijil.core.api.access.AccessEvent;
import org.sijil.core.api.access.AccessOutcome;
import org.sijil.core.api.access.AccessRecordedEvent;
import org.sijil.core.api.consent.ConsentEvent;
import org.sijil.core.api.consent.ConsentGrantedEvent;
import org.sijil.core.api.consent.ConsentRevokedEvent;
import org.sijil.core.api.consent.ConsentUsedEvent;
import org.sijil.core.api.DataCategory;
import org.sijil.core.api.consent.LegalBasisEvent;
import org.sijil.core.api.consent.LegalBasisRecordedEvent;
import org.sijil.core.api.consent.LegalBasisRepealedEvent;

/**
 * Freezes the stored JSON of every consent, legal-basis and access event type, as
 * {@code EventJsonApprovalTest} does for person events: the cases come from the sealed interfaces,
 * so a new event type without a sample and a fixture fails. {@code -Dsijil.approve=true} rewrites
 * the fixtures; review the diff before committing.
 */
class ConsentEventJsonApprovalTest {

    private static final UUID CONSENT = UUID.fromString("3f1c9a52-7d4e-4b8a-9c61-2e5f0b7d8a14");
    private static final UUID PERSON = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID BASIS = UUID.fromString("8b2d4f60-1a3c-4e5b-8d7f-9a0b1c2d3e4f");
    private static final UUID ACCESS = UUID.fromString("c4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f70");
    private static final Instant AT = Instant.parse("2025-03-01T09:00:00Z");

    private static final Map<Class<?>, Object> SAMPLES = Map.of(
            ConsentGrantedEvent.class, new ConsentGrantedEvent(CONSENT, PERSON, "health", "vaccination",
                    "Checking vaccination records", List.of(DataCategory.IDENTITY, DataCategory.CIVIL_STATUS), AT,
                    Instant.parse("2026-03-01T00:00:00Z"), false, "online-portal",
                    UUID.fromString("5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d"), "IQ",
                    "https://sijil.example/policy/consent/v1", AT),
            ConsentRevokedEvent.class, new ConsentRevokedEvent(CONSENT, PERSON, "health", "service-centre", AT),
            ConsentUsedEvent.class, new ConsentUsedEvent(CONSENT, PERSON, "health", ACCESS, AT),
            LegalBasisRecordedEvent.class, new LegalBasisRecordedEvent(BASIS, "Civil Status Law No. 65 of 1972", "3",
                    "interior", List.of("civil-status-check"), List.of(DataCategory.CIVIL_STATUS,
                    DataCategory.RESIDENCE), LocalDate.of(2020, 1, 1), null, AT),
            LegalBasisRepealedEvent.class, new LegalBasisRepealedEvent(BASIS, "interior", "Law No. 3 of 2025", AT),
            AccessRecordedEvent.class, new AccessRecordedEvent(ACCESS, PERSON, "ministry-health", "health",
                    "MINISTRY", "vaccination", AccessBasisKind.CONSENT, CONSENT.toString(),
                    List.of(DataCategory.IDENTITY), AccessOutcome.GRANTED, null, AT));

    private final ObjectMapper json = EventJson.objectMapper();

    static Stream<Class<?>> eventTypes() {
        return Stream.of(ConsentEvent.class, LegalBasisEvent.class, AccessEvent.class)
                .flatMap(sealed -> Stream.of(sealed.getPermittedSubclasses()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void storedJsonOfEachEventTypeIsApproved(Class<?> type) throws IOException {
        Revision revision = type.getAnnotation(Revision.class);
        assertThat(revision).as(type + " carries @Revision").isNotNull();
        assertThat(SAMPLES).as("a sample of " + type).containsKey(type);
        String fixture = "/events/" + type.getSimpleName() + ".v" + revision.value() + ".json";
        String actual = json.writeValueAsString(SAMPLES.get(type));
        if (Boolean.getBoolean("sijil.approve")) {
            java.nio.file.Files.writeString(java.nio.file.Path.of("src/test/resources" + fixture), actual + "\n",
                    StandardCharsets.UTF_8);
        }
        try (InputStream in = getClass().getResourceAsStream(fixture)) {
            assertThat(in).as("approved JSON %s missing; the current form is:%n%s", fixture, actual).isNotNull();
            assertThat(actual).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
        }
    }
}
