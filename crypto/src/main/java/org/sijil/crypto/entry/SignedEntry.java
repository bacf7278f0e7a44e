package org.sijil.crypto.entry;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Everything stored for one event, in the form that is signed.
 *
 * <p>{@link #encode()} gives the canonical bytes, specified in
 * {@code docs/signed-entry-format.md}: the magic {@code "SJLE"}, version {@code 0x01}, then
 * the ten fields in declaration order, each a u32 big-endian length and that many bytes, except
 * {@code sequenceNumber}, which is 8 bytes big-endian. Strings are UTF-8. A null
 * {@code aggregateType} or {@code payloadRevision} is written as the length {@code 0xFFFFFFFF}
 * with no bytes, so it stays distinct from the empty string (length 0).
 *
 * <p>Preconditions, checked by the constructor ({@link NullPointerException} or
 * {@link IllegalArgumentException}): every component except {@code aggregateType} and
 * {@code payloadRevision} is non-null; {@code sequenceNumber} is not negative; every string is
 * well-formed Unicode (no unpaired surrogate), so that it has exactly one UTF-8 encoding.
 * The byte arrays are copied in and out; equality compares them by content.
 *
 * @param eventId the event's unique identifier
 * @param aggregateType the aggregate's type, or null for an event outside any aggregate
 * @param aggregateId the aggregate's identifier
 * @param sequenceNumber the event's position in its aggregate, from 0
 * @param payloadType the payload's type name
 * @param payloadRevision the payload's schema revision, or null if it has none
 * @param timestamp the event's timestamp exactly as stored (not parsed or normalised here)
 * @param payload the stored payload bytes (ciphertext where personal fields are encrypted)
 * @param metadata the stored metadata bytes
 * @param keyId the id of the key that signs these bytes
 */
public record SignedEntry(
        String eventId,
        String aggregateType,
        String aggregateId,
        long sequenceNumber,
        String payloadType,
        String payloadRevision,
        String timestamp,
        byte[] payload,
        byte[] metadata,
        String keyId) {

    private static final byte[] MAGIC = {'S', 'J', 'L', 'E'};
    private static final byte VERSION = 0x01;
    private static final int ABSENT = 0xFFFFFFFF;

    /** Checks the preconditions and copies the arrays. */
    public SignedEntry {
        requireText(eventId, "eventId");
        optionalText(aggregateType, "aggregateType");
        requireText(aggregateId, "aggregateId");
        if (sequenceNumber < 0) {
            throw new IllegalArgumentException("sequenceNumber must not be negative: " + sequenceNumber);
        }
        requireText(payloadType, "payloadType");
        optionalText(payloadRevision, "payloadRevision");
        requireText(timestamp, "timestamp");
        payload = Objects.requireNonNull(payload, "payload").clone();
        metadata = Objects.requireNonNull(metadata, "metadata").clone();
        requireText(keyId, "keyId");
    }

    /** A copy of the payload bytes. */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** A copy of the metadata bytes. */
    @Override
    public byte[] metadata() {
        return metadata.clone();
    }

    /** The canonical encoding: the exact bytes that are signed and logged. */
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + payload.length + metadata.length);
        out.writeBytes(MAGIC);
        out.write(VERSION);
        writeField(out, utf8(eventId));
        writeField(out, aggregateType == null ? null : utf8(aggregateType));
        writeField(out, utf8(aggregateId));
        out.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(sequenceNumber).array());
        writeField(out, utf8(payloadType));
        writeField(out, payloadRevision == null ? null : utf8(payloadRevision));
        writeField(out, utf8(timestamp));
        writeField(out, payload);
        writeField(out, metadata);
        writeField(out, utf8(keyId));
        return out.toByteArray();
    }

    /**
     * Reads an entry from its canonical encoding. Strict: refuses a wrong magic or version, a
     * length that runs past the end, an absent marker on a field that cannot be null, a
     * negative sequence number, text that is not well-formed UTF-8, and trailing bytes. So
     * {@code decode(b).encode()} equals {@code b} for every {@code b} that decodes.
     *
     * @param bytes the encoded entry; not null
     * @throws MalformedEntryException if {@code bytes} is not exactly one canonical entry
     */
    public static SignedEntry decode(byte[] bytes) throws MalformedEntryException {
        Objects.requireNonNull(bytes, "bytes");
        Reader in = new Reader(bytes);
        byte[] magic = in.take(MAGIC.length, "magic");
        if (!Arrays.equals(magic, MAGIC)) {
            throw new MalformedEntryException("bad magic " + HexFormat.of().formatHex(magic) + ", expected 534a4c45 (\"SJLE\")");
        }
        byte version = in.take(1, "version")[0];
        if (version != VERSION) {
            throw new MalformedEntryException("unsupported version " + (version & 0xff) + ", expected 1");
        }
        String eventId = in.text("eventId", false);
        String aggregateType = in.text("aggregateType", true);
        String aggregateId = in.text("aggregateId", false);
        long sequenceNumber = ByteBuffer.wrap(in.take(Long.BYTES, "sequenceNumber")).getLong();
        if (sequenceNumber < 0) {
            throw new MalformedEntryException("negative sequenceNumber " + sequenceNumber);
        }
        String payloadType = in.text("payloadType", false);
        String payloadRevision = in.text("payloadRevision", true);
        String timestamp = in.text("timestamp", false);
        byte[] payload = in.field("payload", false);
        byte[] metadata = in.field("metadata", false);
        String keyId = in.text("keyId", false);
        if (in.remaining() != 0) {
            throw new MalformedEntryException(in.remaining() + " trailing bytes after keyId");
        }
        return new SignedEntry(eventId, aggregateType, aggregateId, sequenceNumber, payloadType,
                payloadRevision, timestamp, payload, metadata, keyId);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedEntry that
                && eventId.equals(that.eventId)
                && Objects.equals(aggregateType, that.aggregateType)
                && aggregateId.equals(that.aggregateId)
                && sequenceNumber == that.sequenceNumber
                && payloadType.equals(that.payloadType)
                && Objects.equals(payloadRevision, that.payloadRevision)
                && timestamp.equals(that.timestamp)
                && Arrays.equals(payload, that.payload)
                && Arrays.equals(metadata, that.metadata)
                && keyId.equals(that.keyId);
    }

    @Override
    public int hashCode() {
        int result = Objects.hash(eventId, aggregateType, aggregateId, sequenceNumber, payloadType,
                payloadRevision, timestamp, keyId);
        result = 31 * result + Arrays.hashCode(payload);
        return 31 * result + Arrays.hashCode(metadata);
    }

    /** Shows the sizes of payload and metadata, not their bytes, which may be ciphertext. */
    @Override
    public String toString() {
        return "SignedEntry[eventId=" + eventId + ", aggregateType=" + aggregateType
                + ", aggregateId=" + aggregateId + ", sequenceNumber=" + sequenceNumber
                + ", payloadType=" + payloadType + ", payloadRevision=" + payloadRevision
                + ", timestamp=" + timestamp + ", payload=" + payload.length + " bytes"
                + ", metadata=" + metadata.length + " bytes, keyId=" + keyId + "]";
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        optionalText(value, name);
    }

    private static void optionalText(String value, String name) {
        if (value == null) {
            return;
        }
        try {
            StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(value));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(name + " is not well-formed Unicode (unpaired surrogate)", e);
        }
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static void writeField(ByteArrayOutputStream out, byte[] value) {
        int length = value == null ? ABSENT : value.length;
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(length).array());
        if (value != null) {
            out.writeBytes(value);
        }
    }

    /** Reads fields front to back, reporting where a malformed input went wrong. */
    private static final class Reader {

        private final ByteBuffer buffer;

        Reader(byte[] bytes) {
            this.buffer = ByteBuffer.wrap(bytes);
        }

        int remaining() {
            return buffer.remaining();
        }

        byte[] take(int count, String what) throws MalformedEntryException {
            if (buffer.remaining() < count) {
                throw new MalformedEntryException("truncated at offset " + buffer.position() + ": " + what
                        + " needs " + count + " bytes, " + buffer.remaining() + " left");
            }
            byte[] out = new byte[count];
            buffer.get(out);
            return out;
        }

        byte[] field(String name, boolean nullable) throws MalformedEntryException {
            int length = ByteBuffer.wrap(take(Integer.BYTES, name + " length")).getInt();
            if (length == ABSENT) {
                if (!nullable) {
                    throw new MalformedEntryException(name + " is marked absent but is required");
                }
                return null;
            }
            if (length < 0) {
                throw new MalformedEntryException(name + " length " + Integer.toUnsignedString(length) + " is too large");
            }
            return take(length, name);
        }

        String text(String name, boolean nullable) throws MalformedEntryException {
            byte[] bytes = field(name, nullable);
            if (bytes == null) {
                return null;
            }
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes))
                        .toString();
            } catch (CharacterCodingException e) {
                throw new MalformedEntryException(name + " is not well-formed UTF-8", e);
            }
        }
    }
}
