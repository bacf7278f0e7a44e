package org.sijil.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.sijil.core.api.PersonEvent;
import org.sijil.core.api.Personal;
import org.sijil.crypto.envelope.DecryptionException;
import org.sijil.crypto.envelope.FieldCipher;

/**
 * The event serializer: JSON through Axon's {@link JacksonSerializer}, except that every
 * {@link Personal} field of a {@link PersonEvent} is replaced by {@code {"enc": base64}} — the
 * field's JSON sealed with AES-256-GCM under the person's data key, with
 * {@code "<personId>/<fieldName>"} as associated data so a sealed value cannot be moved to another
 * person or field. Readers get plaintext back; once the person's key is destroyed their personal
 * fields read as {@code null} and everything else (and every signature) is unchanged.
 */
public final class PersonalDataSerializer implements Serializer {

    /** Name of the one property of a sealed field's JSON object. */
    public static final String SEALED = "enc";

    private final JacksonSerializer delegate;
    private final ObjectMapper mapper;
    private final DataKeyStore keys;
    private final SecureRandom random;
    private final Map<Class<?>, List<String>> personalFields = new ConcurrentHashMap<>();

    public PersonalDataSerializer(JacksonSerializer delegate, DataKeyStore keys, SecureRandom random) {
        this.delegate = delegate;
        this.mapper = delegate.getObjectMapper();
        this.keys = keys;
        this.random = random;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (!(object instanceof PersonEvent event) || personalFieldsOf(object.getClass()).isEmpty()) {
            return delegate.serialize(object, expectedRepresentation);
        }
        ObjectNode tree = mapper.valueToTree(object);
        byte[] dataKey = null;
        for (String field : personalFieldsOf(object.getClass())) {
            JsonNode value = tree.get(field);
            if (value == null || value.isNull()) {
                continue;
            }
            if (dataKey == null) {
                dataKey = keys.dataKeyForWriting(event.personId());
            }
            byte[] sealed = FieldCipher.encrypt(dataKey, writeBytes(value),
                    associatedData(event.personId(), field), random);
            tree.set(field, mapper.createObjectNode().put(SEALED, Base64.getEncoder().encodeToString(sealed)));
        }
        SerializedObject<byte[]> bytes = new SimpleSerializedObject<>(writeBytes(tree), byte[].class,
                typeForClass(object.getClass()));
        return getConverter().convert(bytes, expectedRepresentation);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        Class<?> type = classForType(serializedObject.getType());
        if (!PersonEvent.class.isAssignableFrom(type) || personalFieldsOf(type).isEmpty()) {
            return delegate.deserialize(serializedObject);
        }
        JsonNode node = getConverter().convert(serializedObject, JsonNode.class).getData();
        // parsed from bytes the tree is this call's own; one handed in as a tree (by an upcaster) is copied
        ObjectNode tree = serializedObject.getContentType() == byte[].class ? (ObjectNode) node : node.deepCopy();
        UUID personId = UUID.fromString(tree.get("personId").asText());
        Optional<byte[]> dataKey = null;
        for (String field : personalFieldsOf(type)) {
            JsonNode value = tree.get(field);
            if (value == null || !value.isObject() || !value.has(SEALED)) {
                continue;
            }
            if (dataKey == null) {
                dataKey = keys.dataKeyForReading(personId);
            }
            if (dataKey.isEmpty()) {
                tree.putNull(field);
                continue;
            }
            try {
                byte[] plain = FieldCipher.decrypt(dataKey.get(),
                        Base64.getDecoder().decode(value.get(SEALED).asText()),
                        associatedData(personId, field));
                tree.set(field, mapper.readTree(plain));
            } catch (DecryptionException | IOException e) {
                throw new SerializationException("Cannot open personal field " + field + " of " + personId, e);
            }
        }
        try {
            return (T) mapper.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new SerializationException("Error while deserializing " + type.getName(), e);
        }
    }

    /** The associated data binding a sealed field to its person and field name. */
    public static byte[] associatedData(UUID personId, String field) {
        return (personId + "/" + field).getBytes(StandardCharsets.UTF_8);
    }

    /** Names of the {@link Personal} record components of an event type, in declaration order. */
    public List<String> personalFieldsOf(Class<?> type) {
        return personalFields.computeIfAbsent(type, PersonalDataSerializer::findPersonalFields);
    }

    private static List<String> findPersonalFields(Class<?> type) {
        List<String> names = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.isAnnotationPresent(Personal.class)) {
                    names.add(component.getName());
                }
            }
        }
        return List.copyOf(names);
    }

    private byte[] writeBytes(JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new SerializationException("Unable to serialize personal data", e);
        }
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
