package org.sijil.store;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.sijil.core.api.access.AccessRecordedEvent;
import org.sijil.store.read.AccessListing;
import org.sijil.core.consent.Access;
import org.sijil.crypto.sign.SigningKey;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores access events in the event store, each signed over its stored bytes exactly as the command
 * path signs events ({@link SigningAppendEventsStatementBuilder}), and lists them in the access
 * history, all in one statement: no command bus, unit of work or aggregate, since an access is a
 * stream of one event that nothing is decided on. Outside a transaction the statement commits on
 * its own (one round trip and one commit per read, all of a search's records or none); inside one,
 * it is stored when that transaction commits. Once stored, the event store's shared reader is woken
 * to fetch them for the transparency log and the feeds, as a commit through the command bus wakes
 * it, but {@code sijil.access.wake-delay} later, so that the access events of that time share one
 * wake and one fetch (each wake costs the reader at least two fetches and wakes every tracking
 * processor's thread; at hundreds of reads a second, one wake per read was measured to cost the
 * reads more than the delay saves: docs/benchmarks.md). No read waits for it.
 *
 * <p>Each event is an {@link Access#AGGREGATE_TYPE} stream of its own under its access id, sequence
 * number 0, with the reader as {@code officer} and their role as {@code officerRole} in its metadata,
 * timestamped when the read was recorded.
 *
 * <p>Metrics: {@value #RECORDS} counts access events by {@code outcome}, {@code stored} or
 * {@code failed} (their reads then failed closed; inside a caller's transaction, as that transaction
 * ends); {@value #STORE_TIME} times each store (the statement, and its commit unless the caller's
 * transaction holds it).
 */
@Component
public class AccessEventWriter {

    /** Counter of access events, tagged {@code outcome}: {@code stored} or {@code failed}. */
    public static final String RECORDS = "sijil.access.records";

    /** Timer of each store of access events, their statement and commit. */
    public static final String STORE_TIME = "sijil.access.store";

    private static final EventSchema SCHEMA = EventSchema.builder().build();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Serializer serializer;
    private final Supplier<SigningKey> signingKey;
    private final boolean signing;
    private final SijilEventStore eventStore;
    private final long wakeDelayNanos;
    private final ScheduledExecutorService waker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "access-events-wake");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private final Supplier<AccessListing> listings;
    private final Counter stored;
    private final Counter failed;
    private final Timer storeTime;

    public AccessEventWriter(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                             @Qualifier("eventSerializer") Serializer serializer,
                             Supplier<SigningKey> activeSigningKey, StoreProperties properties,
                             Supplier<AccessListing> listings, SijilEventStore eventStore, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.serializer = serializer;
        this.signingKey = activeSigningKey;
        this.signing = properties.signing();
        this.eventStore = eventStore;
        this.wakeDelayNanos = properties.access().wakeDelay().toNanos();
        this.listings = listings;
        this.stored = Counter.builder(RECORDS).tag("outcome", "stored")
                .description("access events stored before their reads returned").register(meters);
        this.failed = Counter.builder(RECORDS).tag("outcome", "failed")
                .description("access events not stored: their reads failed closed").register(meters);
        this.storeTime = Timer.builder(STORE_TIME).description("storing access events: statement and commit")
                .register(meters);
    }

    /** One access event and who recorded it. */
    public record Written(AccessRecordedEvent event, String officer, String officerRole) {
    }

    /**
     * Stores these events, all or none.
     *
     * @throws org.springframework.dao.DataAccessException if they are not stored
     */
    public void store(List<Written> written) {
        if (written.isEmpty()) {
            return;
        }
        int count = written.size();
        long started = System.nanoTime();
        try {
            storeEvents(written);
        } catch (RuntimeException e) {
            failed.increment(count);
            throw e;
        }
        storeTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // the caller's transaction decides whether they are stored
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_COMMITTED) {
                        stored.increment(count);
                        wakeReader();
                    } else {
                        failed.increment(count);
                    }
                }
            });
        } else {
            stored.increment(count);
            wakeReader();
        }
    }

    /** Inserts the events and their rows: one statement, or more in one transaction past {@code MAX_ROWS}. */
    private void storeEvents(List<Written> written) {
        boolean oneStatement = written.size() <= SigningAppendEventsStatementBuilder.MAX_ROWS;
        if (!oneStatement && !TransactionSynchronizationManager.isActualTransactionActive()) {
            transaction.executeWithoutResult(status -> storeEvents(written));
            return;
        }
        List<DomainEventMessage<?>> events = new ArrayList<>(written.size());
        AccessListing history = listings.get();
        for (Written w : written) {
            AccessRecordedEvent event = w.event();
            DomainEventMessage<?> message = new GenericDomainEventMessage<>(Access.AGGREGATE_TYPE,
                    event.accessId().toString(), 0L, event,
                    MetaData.with("officer", w.officer()).and("officerRole", w.officerRole()),
                    IdentifierFactory.getInstance().generateIdentifier(), event.recordedAt());
            events.add(message);
            history.add(event, message.getIdentifier());
        }
        SigningAppendEventsStatementBuilder statements =
                new SigningAppendEventsStatementBuilder(signingKey, signing, () -> history);
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (PreparedStatement statement = statements.build(connection, SCHEMA, byte[].class, events, serializer,
                    (s, position, timestamp) -> s.setString(position, DateTimeUtils.formatInstant(timestamp)))) {
                statement.executeBatch();
            }
            if (!oneStatement) {
                history.insertAlone(connection);
            }
            return null;
        });
    }

    /**
     * Wakes the event store's reader {@code wakeDelay} from now, unless a wake is already due: that
     * one comes after these events were stored, so its fetch takes them.
     */
    private void wakeReader() {
        if (wakeDelayNanos == 0) {
            eventStore.eventsStoredElsewhere();
        } else if (wakePending.compareAndSet(false, true)) {
            try {
                waker.schedule(() -> {
                    wakePending.set(false);
                    eventStore.eventsStoredElsewhere();
                }, wakeDelayNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                // shutting down: the events are stored, and the reader fetches them at its next poll
                wakePending.set(false);
            }
        }
    }

    @PreDestroy
    void stopWaking() {
        waker.shutdownNow();
    }
}
