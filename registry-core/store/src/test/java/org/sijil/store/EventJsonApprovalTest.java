package org.sijil.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sijil.core.api.person.PersonEvent;

/**
 * Freezes the stored JSON of every event type: the bytes are signed and kept forever, so a schema
 * change must show up here as a diff, with a new {@code @Revision}, an upcaster and a new fixture.
 * The cases come from the sealed interface, so a new event type without a fixture fails.
 */
class EventJsonApprovalTest {

    private final ObjectMapper json = EventJson.objectMapper();

    static Stream<Class<?>> eventTypes() {
        return Arrays.stream(PersonEvent.class.getPermittedSubclasses());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void storedJsonOfEachEventTypeIsApproved(Class<?> type) throws IOException {
        Revision revision = type.getAnnotation(Revision.class);
        assertThat(revision).as(type + " carries @Revision").isNotNull();
        String fixture = "/events/" + type.getSimpleName() + ".v" + revision.value() + ".json";
        String actual = json.writeValueAsString(SampleEvents.of(type));
        if (Boolean.getBoolean("sijil.approve")) {
            // -Dsijil.approve=true writes the current form as the approved one: review the diff before committing
            java.nio.file.Path file = java.nio.file.Path.of("src/test/resources" + fixture);
            java.nio.file.Files.writeString(file, actual + "\n", StandardCharsets.UTF_8);
        }
        try (InputStream in = getClass().getResourceAsStream(fixture)) {
            assertThat(in).as("approved JSON %s missing; the current form is:%n%s", fixture, actual).isNotNull();
            String approved = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(actual).isEqualTo(approved);
        }
    }
}
