package org.sijil.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.sijil.crypto.entry.SignedEntry;
import org.sijil.crypto.sign.SigningKey;

/**
 * Inserts events the way Axon's JDBC engine does, and signs each row as it goes: the key id is
 * added to the metadata, payload and metadata are serialized once, and the Ed25519 signature is
 * taken over the canonical {@link SignedEntry} built from exactly the values bound to the row.
 * Nothing serialized twice, so the signed bytes are the stored bytes.
 *
 * <p>Every string of every event, payload and metadata, is first held to the rules of
 * {@link org.sijil.core.text.CivilText}: an event with text a request would have refused is not
 * stored, whatever path made it ({@link org.sijil.core.text.TextRefusedException}, nothing of the
 * statement's events stored).
 *
 * <p>Rows the unit of work stores beside its events ({@link CompanionInserts}) are written by the
 * same statement, when the events fit in one.
 */
public final class SigningAppendEventsStatementBuilder implements AppendEventsStatementBuilder {

    /** Metadata key carrying the id of the key that signed the event. */
    public static final String KEY_ID = "signingKeyId";

    /** The most events stored by one multi-row statement (11 parameters each). */
    public static final int MAX_ROWS = 256;

    private static final int COLUMNS = 11;

    /** One row's placeholders, one per column. */
    private static final String ROW = "(" + String.join(",", Collections.nCopies(COLUMNS, "?")) + ")";

    private final Supplier<SigningKey> activeKey;
    private final boolean signing;
    private final Supplier<CompanionInserts> companions;

    /**
     * @param activeKey the key to sign with now (rotation swaps what it returns)
     * @param signing   false only for benchmarks that measure the cost of signing; rows then carry
     *                  an empty signature that no verifier accepts
     */
    public SigningAppendEventsStatementBuilder(Supplier<SigningKey> activeKey, boolean signing) {
        this(activeKey, signing, () -> null);
    }

    /**
     * @param companions asked once per statement, after the events are serialized (which may make
     *                   the rows it inserts, such as new data keys): the rows to store with the
     *                   events, handed over for good, or {@code null} for none. It is not asked
     *                   when the events take more than one statement; the rows are then the
     *                   caller's to store.
     */
    public SigningAppendEventsStatementBuilder(Supplier<SigningKey> activeKey, boolean signing,
                                               Supplier<CompanionInserts> companions) {
        this.activeKey = activeKey;
        this.signing = signing;
        this.companions = companions;
    }

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, Class<?> dataType,
                                   List<? extends EventMessage<?>> events, Serializer serializer,
                                   TimestampWriter timestampWriter) throws SQLException {
        if (dataType != byte[].class) {
            throw new IllegalStateException("signed storage needs byte[] columns, got " + dataType);
        }
        // every event checked before any is sealed (which may make a data key) or signed
        for (EventMessage<?> message : events) {
            StoredText.check(message);
        }
        SigningKey key = activeKey.get();
        List<Row> rows = new ArrayList<>(events.size());
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = asDomainEvent(message).andMetaData(Map.of(KEY_ID, key.keyId()));
            SerializedObject<byte[]> payload = serializer.serialize(event.getPayload(), byte[].class);
            SerializedObject<byte[]> metaData = serializer.serialize(event.getMetaData(), byte[].class);
            String timestamp = DateTimeUtils.formatInstant(event.getTimestamp());
            SignedEntry entry = new SignedEntry(event.getIdentifier(), event.getType(),
                    event.getAggregateIdentifier(), event.getSequenceNumber(),
                    payload.getType().getName(), payload.getType().getRevision(), timestamp,
                    payload.getData(), metaData.getData(), key.keyId());
            rows.add(new Row(entry, signing ? key.sign(entry.encode()) : new byte[0]));
        }
        // Up to MAX_ROWS events in one multi-row INSERT, run once: the database plans and executes
        // one statement per group of commands instead of one per event. More than that, one row per
        // batched statement as Axon does, so no statement outgrows the protocol's parameter limit.
        boolean oneStatement = rows.size() <= MAX_ROWS;
        CompanionInserts with = oneStatement ? companions.get() : null;
        String sql = (with == null ? "" : "WITH " + with.withClauses() + " ")
                + "INSERT INTO " + schema.domainEventTable() + " (" + schema.domainEventFields()
                + ", signature, signingkeyid) VALUES "
                + (oneStatement ? String.join(",", Collections.nCopies(rows.size(), ROW)) : ROW);
        PreparedStatement statement = connection.prepareStatement(sql);
        int first = with == null ? 1 : with.bind(statement, 1);
        for (Row row : rows) {
            row.bind(statement, first);
            if (oneStatement) {
                first += COLUMNS;
            } else {
                statement.addBatch();
            }
        }
        if (oneStatement) {
            // Axon runs what is built with executeBatch
            statement.addBatch();
        }
        return statement;
    }

    private static DomainEventMessage<?> asDomainEvent(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domainEvent
                ? domainEvent
                : new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event::getTimestamp);
    }

    /** One event's values as signed, bound to a row's {@value #COLUMNS} placeholders. */
    private record Row(SignedEntry entry, byte[] signature) {

        void bind(PreparedStatement statement, int first) throws SQLException {
            statement.setString(first, entry.eventId());
            statement.setString(first + 1, entry.aggregateId());
            statement.setLong(first + 2, entry.sequenceNumber());
            statement.setString(first + 3, entry.aggregateType());
            statement.setString(first + 4, entry.timestamp());
            statement.setString(first + 5, entry.payloadType());
            statement.setString(first + 6, entry.payloadRevision());
            statement.setBytes(first + 7, entry.payload());
            statement.setBytes(first + 8, entry.metadata());
            statement.setBytes(first + 9, signature);
            statement.setString(first + 10, entry.keyId());
        }
    }
}
