package org.sijil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.sijil.core.api.person.BirthRegisteredEvent;
import org.sijil.core.api.person.PersonEvent;
import org.sijil.crypto.envelope.FieldCipher;

/** Personal fields are sealed per person and per field, read back transparently, and erasable. */
class PersonalDataSerializerTest {

    private final MemoryKeys keys = new MemoryKeys();
    private final PersonalDataSerializer serializer =
            new PersonalDataSerializer(EventJson.serializer(), keys, new SecureRandom());
    private final ObjectMapper json = EventJson.objectMapper();

    @Test
    void sealsEveryPersonalFieldAndLeavesTheOthersInTheClear() throws Exception {
        BirthRegisteredEvent birth = (BirthRegisteredEvent) SampleEvents.of(BirthRegisteredEvent.class);
        byte[] stored = serializer.serialize(birth, byte[].class).getData();
        String text = new String(stored, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("محمد", "572400000019", "مستشفى", SampleEvents.OTHER.toString());
        JsonNode tree = json.readTree(stored);
        for (String field : serializer.personalFieldsOf(BirthRegisteredEvent.class)) {
            if (!tree.get(field).isNull()) {
                assertThat(tree.get(field).get(PersonalDataSerializer.SEALED).asText()).as(field).isNotBlank();
            }
        }
        assertThat(tree.get("sex").asText()).isEqualTo("MALE");
        assertThat(tree.get("registrationOffice").asText()).isEqualTo("BGD-KARKH-01");
    }

    @Test
    void readsBackExactlyWhatWasWrittenForEveryEventType() {
        for (Class<?> type : PersonEvent.class.getPermittedSubclasses()) {
            PersonEvent event = SampleEvents.of(type);
            SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);
            Object read = serializer.deserialize(stored);
            assertThat(read).as(type.getSimpleName()).isEqualTo(event);
        }
    }

    @Test
    void aSealedFieldMovedToAnotherPersonDoesNotOpen() throws Exception {
        SerializedObject<byte[]> stored = serializer.serialize(SampleEvents.of(BirthRegisteredEvent.class), byte[].class);
        ObjectNode tree = (ObjectNode) json.readTree(stored.getData());
        UUID other = UUID.randomUUID();
        keys.keys.put(other, keys.dataKeyForWriting(SampleEvents.PERSON));
        tree.put("personId", other.toString());
        byte[] moved = json.writeValueAsBytes(tree);
        assertThatThrownBy(() -> serializer.deserialize(
                new SimpleSerializedObject<>(moved, byte[].class, stored.getType())))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void aSealedValueMovedToAnotherFieldDoesNotOpen() throws Exception {
        SerializedObject<byte[]> stored = serializer.serialize(SampleEvents.of(BirthRegisteredEvent.class), byte[].class);
        ObjectNode tree = (ObjectNode) json.readTree(stored.getData());
        tree.set("fatherId", tree.get("motherId"));
        byte[] moved = json.writeValueAsBytes(tree);
        assertThatThrownBy(() -> serializer.deserialize(
                new SimpleSerializedObject<>(moved, byte[].class, stored.getType())))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void afterErasurePersonalFieldsReadAsNullAndTheStoredBytesAreUnchanged() {
        BirthRegisteredEvent birth = (BirthRegisteredEvent) SampleEvents.of(BirthRegisteredEvent.class);
        SerializedObject<byte[]> stored = serializer.serialize(birth, byte[].class);
        byte[] before = stored.getData().clone();
        keys.destroy(SampleEvents.PERSON);

        BirthRegisteredEvent read = serializer.deserialize(stored);
        assertThat(read.name()).isNull();
        assertThat(read.nationalNumber()).isNull();
        assertThat(read.dateOfBirth()).isNull();
        assertThat(read.motherId()).isNull();
        assertThat(read.sex()).isEqualTo(birth.sex());
        assertThat(read.recordedAt()).isEqualTo(birth.recordedAt());
        assertThat(stored.getData()).isEqualTo(before);
        assertThatThrownBy(() -> serializer.serialize(birth, byte[].class)).isInstanceOf(PersonErasedException.class);
    }

    /** Data keys in memory, with erasure: the JDBC store's contract without a database. */
    static final class MemoryKeys implements DataKeyStore {
        final Map<UUID, byte[]> keys = new HashMap<>();
        final java.util.Set<UUID> destroyed = new java.util.HashSet<>();

        @Override
        public byte[] dataKeyForWriting(UUID personId) {
            if (destroyed.contains(personId)) {
                throw new PersonErasedException(personId);
            }
            return keys.computeIfAbsent(personId, id -> FieldCipher.newDataKey(new SecureRandom()));
        }

        @Override
        public Optional<byte[]> dataKeyForReading(UUID personId) {
            return destroyed.contains(personId) ? Optional.empty() : Optional.ofNullable(keys.get(personId));
        }

        @Override
        public void destroy(UUID personId) {
            destroyed.add(personId);
            keys.remove(personId);
        }
    }
}
