package org.sijil.store;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import java.io.ByteArrayOutputStream;
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
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.sijil.core.api.person.PersonEvent;
import org.sijil.core.api.EventTypes;
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
    /** The mapper's copy whose event serializers seal the personal fields as they write them. */
    private final ObjectWriter sealing;

    public PersonalDataSerializer(JacksonSerializer delegate, DataKeyStore keys, SecureRandom random) {
        this.delegate = delegate;
        this.mapper = delegate.getObjectMapper();
        this.keys = keys;
        this.random = random;
        this.sealing = mapper.copy().registerModule(new SimpleModule("sijil-sealing").setSerializerModifier(
                new SealingModifier())).writer();
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (!EventTypes.isEvent(object.getClass())) {
            return delegate.serialize(object, expectedRepresentation);
        }
        boolean sealed = object instanceof PersonEvent && !personalFieldsOf(object.getClass()).isEmpty();
        Sealing context = sealed ? new Sealing(((PersonEvent) object).personId()) : null;
        byte[] json;
        try {
            json = sealed ? sealing.withAttribute(Sealing.class, context).writeValueAsBytes(object)
                    : mapper.writeValueAsBytes(object);
        } catch (JsonProcessingException | RuntimeException e) {
            if (context != null && context.failure != null) {
                // the data key store's or the cipher's own exception (a person erased, say), as it was thrown
                throw context.failure;
            }
            throw new SerializationException("Unable to serialize " + object.getClass().getName(), e);
        }
        SerializedObject<byte[]> bytes = new SimpleSerializedObject<>(json, byte[].class,
                typeForClass(object.getClass()));
        return getConverter().convert(bytes, expectedRepresentation);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        Class<?> type = classForType(serializedObject.getType());
        if (!EventTypes.isEvent(type)) {
            return delegate.deserialize(serializedObject);
        }
        JsonNode node = getConverter().convert(serializedObject, JsonNode.class).getData();
        // parsed from bytes the tree is this call's own; one handed in as a tree (by an upcaster) is copied
        ObjectNode tree = serializedObject.getContentType() == byte[].class ? (ObjectNode) node : node.deepCopy();
        List<String> personal = PersonEvent.class.isAssignableFrom(type) ? personalFieldsOf(type) : List.of();
        UUID personId = personal.isEmpty() ? null : UUID.fromString(tree.get("personId").asText());
        Optional<byte[]> dataKey = null;
        for (String field : personal) {
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

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        Optional<Class<?>> event = EventTypes.forStoredName(type.getName());
        return event.isPresent() ? event.get() : delegate.classForType(type);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        SerializedType named = delegate.typeForClass(type);
        return EventTypes.isEvent(type) ? new SimpleSerializedType(EventTypes.storedName(type), named.getRevision())
                : named;
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }

    /** What one event's serialization shares between its personal fields: the person and their data key. */
    private static final class Sealing {
        private final UUID personId;
        private byte[] dataKey;
        private RuntimeException failure;

        private Sealing(UUID personId) {
            this.personId = personId;
        }
    }

    /** Replaces the writers of a {@link PersonEvent}'s personal fields by {@link SealedField}s. */
    private final class SealingModifier extends BeanSerializerModifier {
        private static final long serialVersionUID = 1L;

        @Override
        public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription description,
                                                         List<BeanPropertyWriter> properties) {
            if (!PersonEvent.class.isAssignableFrom(description.getBeanClass())) {
                return properties;
            }
            List<String> personal = personalFieldsOf(description.getBeanClass());
            List<BeanPropertyWriter> changed = new ArrayList<>(properties.size());
            for (BeanPropertyWriter property : properties) {
                changed.add(personal.contains(property.getName()) ? new SealedField(property) : property);
            }
            return changed;
        }
    }

    /**
     * Writes a personal field as {@code {"enc": base64}}: its value's JSON, written by the field's own
     * serializer with the mapper's settings, sealed under the person's data key (fetched at the event's
     * first personal field that is not null). A null value is written as the field's writer writes it.
     */
    private final class SealedField extends BeanPropertyWriter {
        private static final long serialVersionUID = 1L;

        private SealedField(BeanPropertyWriter base) {
            super(base);
        }

        @Override
        public void serializeAsField(Object bean, JsonGenerator generator, SerializerProvider provider)
                throws Exception {
            if (get(bean) == null) {
                super.serializeAsField(bean, generator, provider);
                return;
            }
            ByteArrayOutputStream plain = new ByteArrayOutputStream(128);
            try (JsonGenerator value = mapper.createGenerator(plain, JsonEncoding.UTF8)) {
                serializeAsElement(bean, value, provider);
            }
            Sealing context = (Sealing) provider.getAttribute(Sealing.class);
            byte[] sealed;
            try {
                if (context.dataKey == null) {
                    context.dataKey = keys.dataKeyForWriting(context.personId);
                }
                sealed = FieldCipher.encrypt(context.dataKey, plain.toByteArray(),
                        associatedData(context.personId, getName()), random);
            } catch (RuntimeException e) {
                context.failure = e;
                throw e;
            }
            generator.writeFieldName(getName());
            generator.writeStartObject();
            generator.writeStringField(SEALED, Base64.getEncoder().encodeToString(sealed));
            generator.writeEndObject();
        }
    }
}
