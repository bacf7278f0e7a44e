package org.sijil.store.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.Test;

/**
 * When the lingering stream holds a batch's first event back, on a clock of its own: the store's
 * stream is a queue, and waiting moves the clock on.
 */
class LingeringEventSourceTest {

    private static final long MS = 1_000_000;
    private static final long LINGER = 20 * MS;

    private final Clocked store = new Clocked();
    private final List<Long> waits = new ArrayList<>();
    private final LingeringEventSource.LingeringStream stream =
            new LingeringEventSource.LingeringStream(store, LINGER, 12, () -> store.now) {
                @Override
                void sleep(long nanos) {
                    waits.add(nanos);
                    store.now += nanos;
                }
            };

    @Test
    void theFirstEventIsHandedOverAtOnceAndTheNextBatchStartsNoSoonerThanLingerAfterIt() throws Exception {
        store.add(1);
        assertThat(stream.hasNextAvailable(1000, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(waits).isEmpty();
        stream.nextAvailable();
        store.now += 3 * MS;
        store.add(2);

        assertThat(stream.hasNextAvailable(1000, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(waits).containsExactly(17 * MS);
        assertThat(stream.nextAvailable().trackingToken()).isEqualTo(new GlobalSequenceTrackingToken(2));
    }

    @Test
    void afterAQuietSpellTheFirstEventIsHandedOverAtOnce() throws Exception {
        firstBatchOfOne();
        store.now += 25 * MS;
        store.add(2);

        assertThat(stream.hasNextAvailable(1000, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(waits).isEmpty();
    }

    @Test
    void aProcessorBehindItsEventsIsNeverHeldBack() throws Exception {
        // a batch of a quarter of the batch size (12) or more shows a backlog
        for (int i = 1; i <= 7; i++) {
            store.add(i);
        }
        for (int batch = 0; batch < 2; batch++) {
            assertThat(stream.hasNextAvailable(1000, TimeUnit.MILLISECONDS)).isTrue();
            for (int i = 0; i < 3; i++) {
                stream.nextAvailable();
            }
            store.now += MS;
        }
        assertThat(stream.hasNextAvailable(1000, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(waits).isEmpty();
        // that batch was smaller: the next one waits
        stream.nextAvailable();
        store.add(8);
        assertThat(stream.hasNextAvailable(1000, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(waits).containsExactly(LINGER);
    }

    @Test
    void itNeverWaitsPastTheCallersTimeout() throws Exception {
        firstBatchOfOne();
        store.add(2);

        assertThat(stream.hasNextAvailable(5, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(waits).containsExactly(5 * MS);
    }

    @Test
    void withNothingStoredItAnswersNoWithoutLingering() throws Exception {
        firstBatchOfOne();

        assertThat(stream.hasNextAvailable(100, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(waits).isEmpty();
    }

    @Test
    void eventsComeInTheStoresOrderNoneDroppedOrRepeated() throws Exception {
        for (int i = 1; i <= 5; i++) {
            store.add(i);
        }
        List<Object> seen = new ArrayList<>();
        while (stream.hasNextAvailable(10, TimeUnit.MILLISECONDS)) {
            seen.add(stream.nextAvailable().trackingToken());
            while (stream.peek().isPresent()) {
                seen.add(stream.nextAvailable().trackingToken());
            }
        }
        assertThat(seen).containsExactly(new GlobalSequenceTrackingToken(1), new GlobalSequenceTrackingToken(2),
                new GlobalSequenceTrackingToken(3), new GlobalSequenceTrackingToken(4),
                new GlobalSequenceTrackingToken(5));
    }

    @Test
    void zeroLingerHandsTheStoresOwnStreamOverAndNegativeIsRefused() {
        StreamableMessageSource<TrackedEventMessage<?>> source = token -> store;
        assertThat(new LingeringEventSource(source, Duration.ZERO, 10).openStream(null)).isSameAs(store);
        assertThat(new LingeringEventSource(source, Duration.ofMillis(20), 10).openStream(null))
                .isInstanceOf(LingeringEventSource.LingeringStream.class);
        assertThatThrownBy(() -> new LingeringEventSource(source, Duration.ofMillis(-1), 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The first batch: one event, handed over at once. */
    private void firstBatchOfOne() throws InterruptedException {
        store.add(1);
        assertThat(stream.hasNextAvailable(1000, TimeUnit.MILLISECONDS)).isTrue();
        stream.nextAvailable();
    }

    /** Events in a queue; a blocking wait with nothing queued lets the whole timeout pass. */
    private static final class Clocked implements BlockingStream<TrackedEventMessage<?>> {
        private final Deque<TrackedEventMessage<?>> queued = new ArrayDeque<>();
        long now = 1_000 * MS;

        void add(long index) {
            queued.add(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(index),
                    GenericEventMessage.asEventMessage("event " + index)));
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.ofNullable(queued.peek());
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) {
            if (queued.isEmpty()) {
                now += unit.toNanos(timeout);
                return false;
            }
            return true;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() {
            return queued.remove();
        }

        @Override
        public void close() {
        }
    }
}
