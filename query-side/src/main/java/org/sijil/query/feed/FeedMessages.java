package org.sijil.query.feed;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.sijil.core.api.access.AccessEvent;
import org.sijil.core.api.consent.ConsentEvent;
import org.sijil.core.api.DataCategory;
import org.sijil.core.api.person.PersonErasedEvent;
import org.sijil.core.api.person.PersonEvent;
import org.sijil.crypto.envelope.FeedSeal;
import org.sijil.store.read.StoredEvent;

/**
 * Builds the feed messages of one event (format {@value #FORMAT}, JSON, UTF-8).
 *
 * <p>Notification message (every event): {@code format, eventId, eventType, personId, aggregateId,
 * governorate, recordedAt, globalIndex, logIndex, keyId, signature} — identifiers, the registering
 * office's governorate and times, never a personal field and never the stored entry (whose
 * unsealed fields may include data such as a cause of death).
 *
 * <p>Ministry message (person events whose type the ministry's legal bases cover): in clear the
 * envelope, {@code categories} (what its bases open of this event), {@code withheld} (names of
 * fields left out), {@code keyId}, {@code signature} and {@code feedKeyId}; and {@code sealed}, the
 * personal part sealed under the (person, ministry) feed key ({@link FeedSeal}): a JSON object of
 * {@code data} (the decrypted event cut to those categories) and {@code signedEntry} (base64 of the
 * stored entry the signature covers) — the latter only when every field the stored entry shows in
 * clear is one the ministry may see; otherwise {@code signedEntry} is null and
 * {@code signedEntryWithheld} says why. Each ministry record carries its {@link FeedDelivery}, to be
 * recorded as an access before it is sent.
 *
 * <p>Once a person is erased their feed keys are destroyed: no message of theirs is sent again but
 * the erasure itself, which holds no personal field and goes with {@code sealed} null and its
 * {@code data} and {@code signedEntry} in clear, so every ministry learns to erase its copy.
 *
 * <p>Only person events with a {@link FeedCategories} rule go to ministries: consent and access
 * events (the latter including the records of feed deliveries themselves) never do, so recording
 * a delivery cannot cause another.
 */
public final class FeedMessages {

    public static final String FORMAT = "sijil-feed/2";

    /** Header names; values are UTF-8 text. */
    public static final String EVENT_ID = "event-id";
    public static final String EVENT_TYPE = "event-type";
    public static final String SIGNATURE = "signature";
    public static final String KEY_ID = "key-id";
    public static final String GLOBAL_INDEX = "global-index";

    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private final SecureRandom random = new SecureRandom();

    /** The stored payload's top-level fields read without opening the event: never sealed. */
    private static final Set<String> CLEAR_FIELDS = Set.of("personId", "recordedAt");

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    private final FeedTopics topics;

    public FeedMessages(FeedTopics topics) {
        this.topics = topics;
    }

    /**
     * The ministries that receive the event, each with the person it is about: whose feed keys
     * {@link #recordsOf} needs. Reads only what the stored row shows in clear.
     */
    public List<FeedKeys.Recipient> recipients(EventMessage<?> event, StoredEvent row, Entitlements entitlements) {
        Class<?> payloadType = event.getPayloadType();
        FeedCategories.Rule rule = PersonEvent.class.isAssignableFrom(payloadType)
                ? FeedCategories.rule(payloadType) : null;
        if (rule == null) {
            return List.of();
        }
        StoredPayload stored = new StoredPayload(row);
        UUID personId = UUID.fromString(partitionKey(event, payloadType, stored, row));
        Instant recordedAt = recordedAt(event, payloadType, stored).instant();
        List<FeedKeys.Recipient> recipients = new ArrayList<>();
        for (String ministry : topics.ministries()) {
            if (rule.delivered(entitlements.covered(ministry, recordedAt))) {
                recipients.add(new FeedKeys.Recipient(personId, ministry));
            }
        }
        return recipients;
    }

    /**
     * The notification record and one record per entitled ministry, in that order.
     *
     * <p>The notification and the entitlement check read only what the stored row shows in clear
     * (person id, registration time) and the payload's type, so the event's payload is deserialized
     * — and its personal fields decrypted, one data-key read each — only for an event that some
     * ministry receives.
     *
     * @param feedKeys the feed key of each of the event's {@link #recipients}; a recipient without one
     *                 (the person was erased) receives nothing but the erasure itself
     */
    public List<FeedRecord> recordsOf(EventMessage<?> event, StoredEvent row, Long logIndex,
                                      Entitlements entitlements, Map<FeedKeys.Recipient, FeedKeys.Key> feedKeys) {
        Class<?> payloadType = event.getPayloadType();
        StoredPayload stored = new StoredPayload(row);
        String key = partitionKey(event, payloadType, stored, row);
        String type = payloadType.getSimpleName();
        String signature = row.signature() == null ? null : BASE64.encodeToString(row.signature());
        // immutable from the start, so FeedRecord keeps this map instead of copying it for each record
        Map<String, String> headers = signature == null
                ? Map.of(EVENT_ID, event.getIdentifier(), EVENT_TYPE, type, KEY_ID, row.entry().keyId(),
                        GLOBAL_INDEX, Long.toString(row.globalIndex()))
                : Map.of(EVENT_ID, event.getIdentifier(), EVENT_TYPE, type, KEY_ID, row.entry().keyId(),
                        GLOBAL_INDEX, Long.toString(row.globalIndex()), SIGNATURE, signature);
        List<FeedRecord> records = new ArrayList<>(2);
        StoredInstant recorded = recordedAt(event, payloadType, stored);
        Instant recordedAt = recorded.instant();
        records.add(new FeedRecord(topics.notifications(), key,
                notification(event, type, payloadType, key, recorded, row, logIndex, signature), headers));
        FeedCategories.Rule rule = PersonEvent.class.isAssignableFrom(payloadType)
                ? FeedCategories.rule(payloadType) : null;
        if (rule != null) {
            for (String ministry : topics.ministries()) {
                Set<DataCategory> covered = entitlements.covered(ministry, recordedAt);
                if (rule.delivered(covered)) {
                    PersonEvent personEvent = (PersonEvent) event.getPayload();
                    FeedKeys.Key feedKey = feedKeys.get(new FeedKeys.Recipient(personEvent.personId(), ministry));
                    if (feedKey == null && !(personEvent instanceof PersonErasedEvent)) {
                        continue;
                    }
                    Set<DataCategory> opened = opened(rule, covered);
                    String topic = topics.ministry(ministry);
                    FeedDelivery delivery = new FeedDelivery(event.getIdentifier(), personEvent.personId(), ministry,
                            topic, entitlements.bases(ministry, recordedAt, opened), opened);
                    records.add(new FeedRecord(topic, key, bytes(
                            ministryMessage(event, type, personEvent, row, stored, logIndex, rule, covered,
                                    opened, ministry, feedKey)), headers, delivery));
                }
            }
        }
        return records;
    }

    /** The person id for person, consent and access events; the aggregate id otherwise. */
    static String partitionKey(Object payload, StoredEvent row) {
        if (payload instanceof PersonEvent e) {
            return e.personId().toString();
        }
        if (payload instanceof ConsentEvent e) {
            return e.personId().toString();
        }
        if (payload instanceof AccessEvent e) {
            return e.personId().toString();
        }
        return row.entry().aggregateId();
    }

    /** {@link #partitionKey(Object, StoredEvent)} from the stored row, without deserializing the payload. */
    private static String partitionKey(EventMessage<?> event, Class<?> payloadType, StoredPayload stored,
                                       StoredEvent row) {
        if (!hasPerson(payloadType)) {
            return row.entry().aggregateId();
        }
        String personId = stored.text("personId");
        return personId != null ? personId : partitionKey(event.getPayload(), row);
    }

    private static boolean hasPerson(Class<?> payloadType) {
        return PersonEvent.class.isAssignableFrom(payloadType) || ConsentEvent.class.isAssignableFrom(payloadType)
                || AccessEvent.class.isAssignableFrom(payloadType);
    }

    private ObjectNode envelope(EventMessage<?> event, String type, StoredEvent row, Long logIndex) {
        ObjectNode n = mapper.createObjectNode();
        n.put("format", FORMAT);
        n.put("eventId", event.getIdentifier());
        n.put("eventType", type);
        return n;
    }

    /**
     * The notification, written field by field (no tree): it is built for every event. The
     * governorate is read from the stored metadata, not from the message, whose metadata Axon would
     * otherwise deserialize as a whole for this one field.
     */
    private byte[] notification(EventMessage<?> event, String type, Class<?> payloadType, String key,
                                StoredInstant recordedAt, StoredEvent row, Long logIndex, String signature) {
        ByteArrayBuilder out = new ByteArrayBuilder(512);
        try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeStringField("eventId", event.getIdentifier());
            g.writeStringField("eventType", type);
            g.writeStringField("personId", hasPerson(payloadType) ? key : null);
            g.writeStringField("aggregateId", row.entry().aggregateId());
            g.writeStringField("governorate", governorate(event, row));
            g.writeStringField("recordedAt", recordedAt.iso());
            g.writeNumberField("globalIndex", row.globalIndex());
            if (logIndex == null) {
                g.writeNullField("logIndex");
            } else {
                g.writeNumberField("logIndex", logIndex);
            }
            g.writeStringField("keyId", row.entry().keyId());
            g.writeStringField("signature", signature);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The registering office's governorate from the stored metadata (a JSON object); from the
     * message's metadata only if the stored form is not one this build reads.
     */
    private String governorate(EventMessage<?> event, StoredEvent row) {
        byte[] metadata = row.entry().metadata();
        if (metadata != null) {
            try (JsonParser p = mapper.getFactory().createParser(metadata)) {
                if (p.nextToken() == JsonToken.START_OBJECT) {
                    boolean clean = true;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        JsonToken value = p.nextToken();
                        if ("governorate".equals(name)) {
                            if (value == JsonToken.VALUE_STRING) {
                                return p.getText();
                            }
                            if (value == JsonToken.VALUE_NULL) {
                                return null;
                            }
                            clean = false;
                            break;
                        }
                        p.skipChildren();
                    }
                    if (clean && p.currentToken() == JsonToken.END_OBJECT) {
                        return null;
                    }
                }
            } catch (IOException e) {
                // not JSON: ask the message
            }
        }
        Object governorate = event.getMetaData().get("governorate");
        return governorate instanceof String g ? g : null;
    }

    /**
     * A ministry message; its personal part ({@code data}, {@code signedEntry}) sealed under
     * {@code feedKey}, or in clear when there is none (only for an erasure, which holds no personal field).
     */
    private ObjectNode ministryMessage(EventMessage<?> event, String type, PersonEvent payload, StoredEvent row,
                                       StoredPayload stored, Long logIndex, FeedCategories.Rule rule,
                                       Set<DataCategory> covered, Set<DataCategory> opened, String ministry,
                                       FeedKeys.Key feedKey) {
        ObjectNode n = envelope(event, type, row, logIndex);
        n.put("ministry", ministry);
        n.put("personId", payload.personId().toString());
        n.put("recordedAt", payload.recordedAt().toString());
        ArrayNode categories = n.putArray("categories");
        opened.forEach(c -> categories.add(c.name()));
        ObjectNode personal = mapper.createObjectNode();
        ObjectNode data = personal.putObject("data");
        ArrayNode withheld = n.putArray("withheld");
        JsonNode all = mapper.valueToTree(payload);
        for (Iterator<Map.Entry<String, JsonNode>> it = all.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (rule.carries(field.getKey(), covered)) {
                data.set(field.getKey(), field.getValue());
            } else {
                withheld.add(field.getKey());
            }
        }
        trailer(n, row, logIndex);
        String clearButWithheld = clearFieldNotCarried(stored, rule, covered);
        if (clearButWithheld == null) {
            personal.put("signedEntry", BASE64.encodeToString(row.entry().encode()));
        } else {
            personal.putNull("signedEntry");
            personal.put("signedEntryWithheld", "the stored entry shows field '" + clearButWithheld
                    + "' in clear, which this ministry's legal bases do not cover");
        }
        if (feedKey == null) {
            n.putNull("feedKeyId");
            n.putNull("sealed");
            n.setAll(personal);
        } else {
            n.put("feedKeyId", feedKey.keyId().toString());
            n.put("sealed", BASE64.encodeToString(FeedSeal.seal(feedKey.key(), bytes(personal), ministry,
                    payload.personId().toString(), event.getIdentifier(), random)));
        }
        return n;
    }

    /** The event type's categories the ministry's bases cover, in declaration order. */
    private static Set<DataCategory> opened(FeedCategories.Rule rule, Set<DataCategory> covered) {
        EnumSet<DataCategory> opened = EnumSet.noneOf(DataCategory.class);
        for (DataCategory c : rule.eventCategories()) {
            if (covered.contains(c)) {
                opened.add(c);
            }
        }
        return opened;
    }

    private static void trailer(ObjectNode n, StoredEvent row, Long logIndex) {
        n.put("globalIndex", row.globalIndex());
        if (logIndex == null) {
            n.putNull("logIndex");
        } else {
            n.put("logIndex", logIndex);
        }
        n.put("keyId", row.entry().keyId());
        n.put("signature", row.signature() == null ? null : BASE64.encodeToString(row.signature()));
    }

    /**
     * The first field the stored payload holds in clear (not sealed, not null) that the ministry may
     * not see, or null if there is none.
     */
    private static String clearFieldNotCarried(StoredPayload stored, FeedCategories.Rule rule,
                                               Set<DataCategory> covered) {
        JsonNode tree = stored.tree();
        if (tree == null) {
            return "(unreadable payload)";
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            boolean sealed = value.isObject() && value.size() == 1 && value.has("enc");
            if (!sealed && !value.isNull() && !rule.carries(field.getKey(), covered)) {
                return field.getKey();
            }
        }
        return null;
    }

    /** A person event's registration time (shown in clear in the stored row); the event's timestamp otherwise. */
    private static StoredInstant recordedAt(EventMessage<?> event, Class<?> payloadType, StoredPayload stored) {
        if (!PersonEvent.class.isAssignableFrom(payloadType)) {
            return StoredInstant.of(event.getTimestamp());
        }
        String text = stored.text("recordedAt");
        if (text != null) {
            try {
                return StoredInstant.parse(text);
            } catch (DateTimeParseException e) {
                // not the stored form this build writes: ask the payload itself
            }
        }
        return StoredInstant.of(((PersonEvent) event.getPayload()).recordedAt());
    }

    /**
     * The stored payload's JSON. Only fields a person, consent or access event shows in clear (never
     * a sealed one) are read from it: its top-level text fields in one streaming pass (for every
     * event), the whole tree only when a ministry message needs it (at most once per event).
     */
    private final class StoredPayload {
        private final StoredEvent row;
        private Map<String, String> texts;
        private JsonNode tree;
        private boolean parsed;

        StoredPayload(StoredEvent row) {
            this.row = row;
        }

        /** The parsed payload, or null if it is not JSON. */
        JsonNode tree() {
            if (!parsed) {
                parsed = true;
                try {
                    tree = mapper.readTree(row.entry().payload());
                } catch (IOException e) {
                    tree = null;
                }
            }
            return tree;
        }

        /** A top-level text field of {@link #CLEAR_FIELDS}, or null if absent, null or not text. */
        String text(String field) {
            if (!CLEAR_FIELDS.contains(field)) {
                throw new IllegalArgumentException("not a field read in clear: " + field);
            }
            if (texts == null) {
                texts = topLevelTexts();
            }
            return texts.get(field);
        }

        /** The top-level text fields of {@link #CLEAR_FIELDS}; none if the payload is not a JSON object. */
        private Map<String, String> topLevelTexts() {
            Map<String, String> found = new HashMap<>();
            try (JsonParser p = mapper.getFactory().createParser(row.entry().payload())) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    return Map.of();
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    if (p.nextToken() == JsonToken.VALUE_STRING && CLEAR_FIELDS.contains(name)) {
                        found.put(name, p.getText());
                    } else {
                        p.skipChildren();
                    }
                }
            } catch (IOException e) {
                return Map.of();
            }
            return found;
        }
    }

    private byte[] bytes(ObjectNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
