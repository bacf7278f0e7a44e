package org.sijil.query.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.sijil.core.api.person.BirthRegisteredEvent;
import org.sijil.core.api.DataCategory;
import org.sijil.core.api.LineageName;
import org.sijil.core.api.person.PersonErasedEvent;
import org.sijil.core.api.person.PersonEvent;
import org.sijil.core.api.PersonName;
import org.sijil.core.api.Place;
import org.sijil.core.api.Sex;
import org.sijil.store.DataKeyStore;
import org.sijil.store.EventJson;
import org.sijil.store.PersonalDataSerializer;
import org.sijil.crypto.envelope.DecryptionException;
import org.sijil.crypto.envelope.FeedSeal;
import org.sijil.crypto.envelope.FieldCipher;
import org.sijil.crypto.entry.SignedEntry;
import org.sijil.store.read.StoredEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The feed's messages from an event as the tracking processor delivers it: lazily deserialized
 * through the real sealing serializer, whose data-key reads are counted. The notification must not
 * open the event (it carries no personal field); a ministry message must.
 */
class FeedMessagesTest {

    private static final ObjectMapper JSON = EventJson.objectMapper();
    private static final UUID PERSON = UUID.fromString("3f0c6d1e-8a59-4c8e-9a57-0d3a8f1e2b44");
    private static final Instant RECORDED = Instant.parse("2026-11-27T09:15:14.123456Z");

    /** Data keys in memory, counting how often a reader asks for one. */
    static final class CountingKeys implements DataKeyStore {
        final Map<UUID, byte[]> keys = new HashMap<>();
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public byte[] dataKeyForWriting(UUID personId) {
            return keys.computeIfAbsent(personId, id -> FieldCipher.newDataKey(new SecureRandom()));
        }

        @Override
        public Optional<byte[]> dataKeyForReading(UUID personId) {
            reads.incrementAndGet();
            return Optional.ofNullable(keys.get(personId));
        }

        @Override
        public void destroy(UUID personId) {
            keys.put(personId, null);
        }
    }

    private static final Entitlements NONE = new Entitlements(List.of());

    private final CountingKeys keys = new CountingKeys();
    private final Map<FeedKeys.Recipient, FeedKeys.Key> sealingKeys = new HashMap<>();
    private final Serializer serializer = new PersonalDataSerializer(EventJson.serializer(), keys, new SecureRandom());
    private final FeedMessages messages = new FeedMessages(new FeedTopics("sijil.notifications", "sijil.ministry.",
            List.of("health", "education")));

    // a birth as registered in ops/feed-bench and the integration tests (Baghdad, Al-Kadhimiya hospital)
    private final BirthRegisteredEvent birth = new BirthRegisteredEvent(PERSON, "199912345678",
            new PersonName(new LineageName("علي", "حسن", "كاظم", "الربيعي", "زهراء", "جعفر"), null,
                    new LineageName("Ali", "Hasan", "Kadhim", "Al-Rubaie", "Zahraa", "Jaafar")),
            Sex.MALE, LocalDate.of(2024, 2, 1), new Place("BGD", null, "مستشفى الكاظمية"), null, null,
            "BGD-KARKH-01", RECORDED);

    @Test
    void notificationIsBuiltFromTheStoredRowWithoutOpeningTheEvent() throws Exception {
        Delivered d = deliver(birth);

        List<FeedRecord> records = messages.recordsOf(d.message(), d.row(), 17L, NONE, Map.of());

        assertThat(records).hasSize(1);
        assertThat(keys.reads).as("data-key reads").hasValue(0);
        FeedRecord notification = records.get(0);
        assertThat(notification.topic()).isEqualTo("sijil.notifications");
        assertThat(notification.key()).isEqualTo(PERSON.toString());
        assertThat(notification.headers()).containsEntry(FeedMessages.EVENT_ID, d.message().getIdentifier())
                .containsEntry(FeedMessages.EVENT_TYPE, "BirthRegisteredEvent")
                .containsEntry(FeedMessages.KEY_ID, "key-2026")
                .containsEntry(FeedMessages.GLOBAL_INDEX, "118")
                .containsKey(FeedMessages.SIGNATURE);
        JsonNode value = JSON.readTree(notification.value());
        assertThat(value.get("personId").asText()).isEqualTo(PERSON.toString());
        assertThat(value.get("recordedAt").asText()).isEqualTo(RECORDED.toString());
        assertThat(value.get("governorate").asText()).isEqualTo("BGD");
        assertThat(value.get("globalIndex").asLong()).isEqualTo(118);
        assertThat(value.get("logIndex").asLong()).isEqualTo(17);
        assertThat(new String(notification.value(), StandardCharsets.UTF_8))
                .doesNotContain("199912345678", "Ali", "علي", "enc");
    }

    @Test
    void anEntitledMinistryGetsTheOpenedEventWhichIsDecryptedOnce() throws Exception {
        Delivered d = deliver(birth);
        Entitlements health = new Entitlements(List.of(basis("basis-identity", "health", DataCategory.IDENTITY),
                basis("basis-residence", "health", DataCategory.RESIDENCE),
                basis("basis-of-interior", "interior", DataCategory.IDENTITY)));

        List<FeedRecord> records = messages.recordsOf(d.message(), d.row(), null, health, feedKeys(d, health));

        assertThat(records).extracting(FeedRecord::topic)
                .containsExactly("sijil.notifications", "sijil.ministry.health");
        assertThat(keys.reads).as("data-key reads").hasValue(1);
        JsonNode data = opened(records.get(1)).get("data");
        assertThat(data.get("nationalNumber").asText()).isEqualTo("199912345678");
        assertThat(data.get("name").get("latin").get("given").asText()).isEqualTo("Ali");
    }

    @Test
    void aMinistryMessageShowsNoPersonalFieldInClearAndOpensOnlyWithItsFeedKey() throws Exception {
        Delivered d = deliver(birth);
        Entitlements health = new Entitlements(List.of(basis("basis-identity", "health", DataCategory.IDENTITY)));
        Map<FeedKeys.Recipient, FeedKeys.Key> feedKeys = feedKeys(d, health);

        FeedRecord record = messages.recordsOf(d.message(), d.row(), null, health, feedKeys).get(1);

        JsonNode value = JSON.readTree(record.value());
        assertThat(value.get("format").asText()).isEqualTo("sijil-feed/2");
        assertThat(value.has("data")).isFalse();
        assertThat(value.has("signedEntry")).as("the entry shows the sex in clear").isFalse();
        assertThat(value.get("feedKeyId").asText())
                .isEqualTo(feedKeys.get(new FeedKeys.Recipient(PERSON, "health")).keyId().toString());
        assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .doesNotContain("199912345678", "Ali", "علي", "Rubaie", "الكاظمية", "MALE", "2024-02-01");
        byte[] sealed = Base64.getDecoder().decode(value.get("sealed").asText());
        assertThatThrownBy(() -> FeedSeal.open(FieldCipher.newDataKey(new SecureRandom()), sealed, "health",
                PERSON.toString(), d.message().getIdentifier())).isInstanceOf(DecryptionException.class);
        assertThat(opened(record).get("signedEntry").isTextual()).isTrue();
    }

    @Test
    void anErasedPersonsMinistriesGetNothingButTheErasureInClear() throws Exception {
        Entitlements health = new Entitlements(List.of(basis("basis-identity", "health", DataCategory.IDENTITY)));
        Delivered d = deliver(birth);
        Delivered erased = deliver(new PersonErasedEvent(PERSON, "Court order 12/2026", RECORDED));

        assertThat(messages.recordsOf(d.message(), d.row(), null, health, Map.of()))
                .extracting(FeedRecord::topic).containsExactly("sijil.notifications");
        List<FeedRecord> records = messages.recordsOf(erased.message(), erased.row(), null, health, Map.of());

        assertThat(records).extracting(FeedRecord::topic)
                .containsExactly("sijil.notifications", "sijil.ministry.health");
        JsonNode value = JSON.readTree(records.get(1).value());
        assertThat(value.get("sealed").isNull()).isTrue();
        assertThat(value.get("feedKeyId").isNull()).isTrue();
        assertThat(value.at("/data/legalReference").asText()).isEqualTo("Court order 12/2026");
    }

    /** A fresh feed key for each recipient of the event. */
    private Map<FeedKeys.Recipient, FeedKeys.Key> feedKeys(Delivered d, Entitlements entitlements) {
        Map<FeedKeys.Recipient, FeedKeys.Key> keys = new HashMap<>();
        for (FeedKeys.Recipient r : messages.recipients(d.message(), d.row(), entitlements)) {
            keys.put(r, new FeedKeys.Key(UUID.randomUUID(), FieldCipher.newDataKey(new SecureRandom())));
        }
        this.sealingKeys.putAll(keys);
        return keys;
    }

    /** A ministry message with its sealed part opened and put in its place. */
    private JsonNode opened(FeedRecord record) throws Exception {
        ObjectNode value = (ObjectNode) JSON.readTree(record.value());
        FeedKeys.Recipient recipient = new FeedKeys.Recipient(UUID.fromString(value.get("personId").asText()),
                value.get("ministry").asText());
        FeedKeys.Key key = sealingKeys.get(recipient);
        assertThat(key.keyId().toString()).isEqualTo(value.get("feedKeyId").asText());
        byte[] part = FeedSeal.open(key.key(), Base64.getDecoder().decode(value.get("sealed").asText()),
                recipient.ministry(), recipient.personId().toString(), value.get("eventId").asText());
        value.setAll((ObjectNode) JSON.readTree(part));
        value.remove("sealed");
        return value;
    }

    @Test
    void aMinistryRecordCarriesTheDeliveryToRecordAndANotificationNone() throws Exception {
        Delivered d = deliver(birth);
        Entitlements health = new Entitlements(List.of(
                basis("basis-residence", "health", DataCategory.RESIDENCE),
                basis("basis-identity", "health", DataCategory.IDENTITY),
                basis("basis-family", "health", DataCategory.FAMILY)));

        List<FeedRecord> records = messages.recordsOf(d.message(), d.row(), null, health, feedKeys(d, health));

        assertThat(records.get(0).delivery()).as("a notification carries no personal data").isNull();
        FeedDelivery delivery = records.get(1).delivery();
        assertThat(delivery.eventId()).isEqualTo(d.message().getIdentifier());
        assertThat(delivery.personId()).isEqualTo(birth.personId());
        assertThat(delivery.ministry()).isEqualTo("health");
        assertThat(delivery.topic()).isEqualTo("sijil.ministry.health");
        assertThat(delivery.legalBasisIds()).as("the bases that open what a birth carries, not the residence one")
                .containsExactly("basis-family", "basis-identity");
        assertThat(delivery.categories()).containsExactlyInAnyOrder(DataCategory.IDENTITY, DataCategory.FAMILY);
        assertThat(delivery.accessId()).as("the same (event, ministry), the same access id")
                .isEqualTo(messages.recordsOf(d.message(), d.row(), null, health, feedKeys(d, health)).get(1).delivery().accessId())
                .isNotEqualTo(new FeedDelivery(delivery.eventId(), delivery.personId(), "interior",
                        "sijil.ministry.interior", List.of(), java.util.Set.of()).accessId());
    }

    @Test
    void aBasisNotYetInForceAtRegistrationOpensNothing() throws Exception {
        Delivered d = deliver(birth);
        Entitlements later = new Entitlements(List.of(new FeedStore.Basis("basis-later", "health",
                java.util.Set.of(DataCategory.IDENTITY), LocalDate.of(2027, 1, 1), null, null)));

        assertThat(messages.recordsOf(d.message(), d.row(), null, later, feedKeys(d, later))).hasSize(1);
        assertThat(keys.reads).hasValue(0);
    }

    @Test
    void notificationReadsTheGovernorateFromTheStoredMetadataWithoutDeserializingTheMessages() throws Exception {
        Delivered d = deliver(birth);

        FeedRecord notification = messages.recordsOf(d.message(), d.row(), null, NONE, Map.of()).get(0);

        assertThat(JSON.readTree(notification.value()).get("governorate").asText()).isEqualTo("BGD");
        assertThat(d.lazy().isMetaDataDeserialized()).as("message metadata deserialized").isFalse();
        assertThat(d.lazy().isPayloadDeserialized()).as("payload deserialized").isFalse();
    }

    @Test
    void storedMetadataThatIsNotAJsonObjectFallsBackToTheMessagesMetadata() throws Exception {
        Delivered d = deliver(birth);
        SignedEntry e = d.row().entry();
        StoredEvent unreadable = new StoredEvent(118, new SignedEntry(e.eventId(), e.aggregateType(), e.aggregateId(),
                e.sequenceNumber(), e.payloadType(), e.payloadRevision(), e.timestamp(), e.payload(),
                "not json".getBytes(StandardCharsets.UTF_8), e.keyId()), d.row().signature());

        FeedRecord notification = messages.recordsOf(d.message(), unreadable, null, NONE, Map.of()).get(0);

        assertThat(JSON.readTree(notification.value()).get("governorate").asText()).isEqualTo("BGD");
        assertThat(d.lazy().isMetaDataDeserialized()).isTrue();
    }

    @Test
    void notificationHasTheFieldsOfTheFormatInOrder() throws Exception {
        Delivered d = deliver(birth);

        JsonNode value = JSON.readTree(messages.recordsOf(d.message(), d.row(), null, NONE, Map.of())
                .get(0).value());

        assertThat(value.fieldNames()).toIterable().containsExactly("format", "eventId", "eventType", "personId",
                "aggregateId", "governorate", "recordedAt", "globalIndex", "logIndex", "keyId", "signature");
        assertThat(value.get("format").asText()).isEqualTo(FeedMessages.FORMAT);
        assertThat(value.get("logIndex").isNull()).isTrue();
        assertThat(value.get("signature").asText()).isEqualTo(java.util.Base64.getEncoder().encodeToString(new byte[64]));
    }

    @Test
    void registrationTimeStoredInAnotherISOFormIsWrittenAsInstantToStringWritesIt() throws Exception {
        // the same instant with trailing zeros: read by hand, but not the text the notification carries
        Delivered d = deliver(birth, "2026-11-27T09:15:14.123456000Z");

        JsonNode value = JSON.readTree(messages.recordsOf(d.message(), d.row(), null, NONE, Map.of())
                .get(0).value());

        assertThat(new String(d.row().entry().payload(), StandardCharsets.UTF_8)).contains("09:15:14.123456000Z");
        assertThat(value.get("recordedAt").asText()).isEqualTo("2026-11-27T09:15:14.123456Z");
        assertThat(keys.reads).as("data-key reads").hasValue(0);
    }

    private record Delivered(TrackedEventMessage<?> message, StoredEvent row, SerializedMessage<?> lazy) {
    }

    /** The event stored through the sealing serializer, and read back as the processor gets it. */
    private Delivered deliver(PersonEvent event) {
        return deliver(event, null);
    }

    /**
     * As {@link #deliver(PersonEvent)}, with the stored {@code recordedAt} text replaced by
     * {@code recordedAt} if that is not null.
     */
    private Delivered deliver(PersonEvent event, String recordedAt) {
        String eventId = UUID.randomUUID().toString();
        SerializedObject<byte[]> payload = serializer.serialize(event, byte[].class);
        if (recordedAt != null) {
            String json = new String(payload.getData(), StandardCharsets.UTF_8);
            String stored = "\"recordedAt\":\"" + event.recordedAt() + "\"";
            assertThat(json).contains(stored);
            payload = new SimpleSerializedObject<>(json.replace(stored, "\"recordedAt\":\"" + recordedAt + "\"")
                    .getBytes(StandardCharsets.UTF_8), byte[].class, payload.getType());
        }
        SerializedObject<byte[]> metaData = serializer.serialize(MetaData.with("governorate", "BGD"), byte[].class);
        String timestamp = "2026-11-27T09:15:14.2Z";
        SerializedMessage<PersonEvent> lazy = new SerializedMessage<>(eventId, payload, metaData, serializer);
        TrackedEventMessage<?> message = new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(118),
                new GenericDomainEventMessage<>("Person", PERSON.toString(), 0, lazy, () -> Instant.parse(timestamp)));
        SignedEntry entry = new SignedEntry(eventId, "Person", PERSON.toString(), 0, payload.getType().getName(),
                payload.getType().getRevision(), timestamp, payload.getData(), metaData.getData(), "key-2026");
        return new Delivered(message, new StoredEvent(118, entry, new byte[64]), lazy);
    }

    /** A legal basis of {@code ministry} for one category, valid from 2020 with no end. */
    private static FeedStore.Basis basis(String id, String ministry, DataCategory category) {
        return new FeedStore.Basis(id, ministry, java.util.Set.of(category), LocalDate.of(2020, 1, 1), null, null);
    }
}
