package org.sijil.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sijil.core.api.person.PersonEvent;
import org.sijil.crypto.envelope.FieldCipher;

/**
 * The stored bytes of every event type are exactly those of the way they were first written: the
 * event as a Jackson tree, each personal field's subtree written out, sealed and put back. Both ways
 * run with the same data key and the same nonces, so any difference in the JSON shows as different bytes.
 */
class PersonalDataSerializerBytesTest {

    @Test
    void everyEventTypeIsStoredByteForByteAsThroughTheTree() throws Exception {
        int compared = 0;
        for (Class<?> type : PersonEvent.class.getPermittedSubclasses()) {
            for (PersonEvent event : withPersonalFieldsLeftOut(SampleEvents.of(type))) {
                PersonalDataSerializerTest.MemoryKeys keys = new PersonalDataSerializerTest.MemoryKeys();
                PersonalDataSerializer serializer =
                        new PersonalDataSerializer(EventJson.serializer(), keys, repeatable());
                byte[] stored = serializer.serialize(event, byte[].class).getData();

                byte[] reference = throughTree(EventJson.objectMapper(), keys, repeatable(), event,
                        serializer.personalFieldsOf(type));
                assertThat(new String(stored, StandardCharsets.UTF_8)).as(event.toString())
                        .isEqualTo(new String(reference, StandardCharsets.UTF_8));
                assertThat(stored).as(event.toString()).isEqualTo(reference);
                assertThat(serializer.<byte[], Object>deserialize(serializer.serialize(event, byte[].class)))
                        .isEqualTo(event);
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(PersonEvent.class.getPermittedSubclasses().length * 2);
    }

    /** The sample, then the sample with each personal field null in turn, then with all of them null. */
    private static List<PersonEvent> withPersonalFieldsLeftOut(PersonEvent sample) throws Exception {
        RecordComponent[] components = sample.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = components[i].getAccessor().invoke(sample);
            types[i] = components[i].getType();
        }
        Constructor<?> constructor = sample.getClass().getDeclaredConstructor(types);
        List<PersonEvent> events = new ArrayList<>(List.of(sample));
        Object[] allLeftOut = values.clone();
        for (int i = 0; i < components.length; i++) {
            if (components[i].isAnnotationPresent(org.sijil.core.api.Personal.class) && values[i] != null) {
                Object[] one = values.clone();
                one[i] = null;
                allLeftOut[i] = null;
                events.add((PersonEvent) constructor.newInstance(one));
            }
        }
        events.add((PersonEvent) constructor.newInstance(allLeftOut));
        return events;
    }

    /** The same bytes, in the same order, for every instance: so the nonces of both ways are equal. */
    private static SecureRandom repeatable() {
        return new SecureRandom() {
            private static final long serialVersionUID = 1L;
            private byte next;

            @Override
            public void nextBytes(byte[] bytes) {
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = next++;
                }
            }
        };
    }

    /** How the stored JSON was written before the fields were sealed as the event is written. */
    private static byte[] throughTree(ObjectMapper mapper, DataKeyStore keys, SecureRandom random, PersonEvent event,
                                      List<String> personalFields) throws Exception {
        ObjectNode tree = mapper.valueToTree(event);
        byte[] dataKey = null;
        for (String field : personalFields) {
            JsonNode value = tree.get(field);
            if (value == null || value.isNull()) {
                continue;
            }
            if (dataKey == null) {
                dataKey = keys.dataKeyForWriting(event.personId());
            }
            UUID personId = event.personId();
            byte[] sealed = FieldCipher.encrypt(dataKey, mapper.writeValueAsBytes(value),
                    PersonalDataSerializer.associatedData(personId, field), random);
            tree.set(field, mapper.createObjectNode().put(PersonalDataSerializer.SEALED,
                    Base64.getEncoder().encodeToString(sealed)));
        }
        return mapper.writeValueAsBytes(tree);
    }
}
