package org.sijil.store.read;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * An event source for a tracking processor that handles (nearly) every event and pays one
 * transaction per batch — the transparency log's sequencer, the feed publisher — so that under a
 * steady trickle it commits at most one batch per {@code linger} instead of one per event: a batch
 * starts at the earliest {@code linger} after the previous one started, and the events stored
 * meanwhile join it.
 * The first event after a quiet spell (none for {@code linger}) is handed over at once, and so is
 * everything while the processor is behind — its previous batch held at least a quarter of its batch
 * size, which a trickle never fills in {@code linger} but a catch-up or a replay does (their batches
 * are bounded by the batch size and by how many events the store fetches at a time, 500): linger
 * delays an event by at most {@code linger} and does not slow a catch-up.
 *
 * <p>Axon's tracking processor waits for each batch's first event with
 * {@link BlockingStream#hasNextAvailable(int, TimeUnit)} and then takes what is available at once
 * ({@link BlockingStream#peek()}, {@link BlockingStream#nextAvailable()}); only that wait is
 * lengthened here. Events are neither reordered, dropped nor duplicated: every call goes to the
 * store's own stream. Meant for a processor whose every event is handled (a batch of ignored
 * events calls the wait again for each).
 */
public final class LingeringEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    /** The longest linger a setting may ask for. */
    private static final Duration MAX_LINGER = Duration.ofSeconds(1);

    private final StreamableMessageSource<TrackedEventMessage<?>> delegate;
    private final long lingerNanos;
    private final int batchSize;

    /**
     * @param delegate  the store's event source
     * @param linger    the shortest time between the starts of two batches unless the first held at
     *                  least a quarter of {@code batchSize}; zero hands every event over at once
     * @param batchSize the processor's batch size
     * @throws IllegalArgumentException if {@code linger} is negative or {@code batchSize} not positive
     */
    public LingeringEventSource(StreamableMessageSource<TrackedEventMessage<?>> delegate, Duration linger,
                                int batchSize) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        if (linger.isNegative() || batchSize < 1) {
            throw new IllegalArgumentException("linger must not be negative, batchSize must be positive");
        }
        this.lingerNanos = linger.toNanos();
        this.batchSize = batchSize;
    }

    /**
     * Checks a linger setting: from 0 (off) to a second.
     *
     * @param property the setting's name, for the message
     * @throws IllegalArgumentException if {@code linger} is outside that range
     */
    public static void checkSetting(Duration linger, String property) {
        if (linger != null && (linger.isNegative() || linger.compareTo(MAX_LINGER) > 0)) {
            throw new IllegalArgumentException(property + " must be between 0 and 1s");
        }
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        BlockingStream<TrackedEventMessage<?>> stream = delegate.openStream(trackingToken);
        return lingerNanos == 0 ? stream : new LingeringStream(stream, lingerNanos, batchSize, System::nanoTime);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return delegate.createTokenSince(duration);
    }

    /**
     * The store's stream, whose wait for a batch's first event lasts until {@code linger} after the
     * previous batch's start unless that batch held at least a quarter of the batch size. Used by one
     * processor thread.
     */
    static class LingeringStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private final long lingerNanos;
        private final int backlog;
        private final LongSupplier nanoTime;
        /** When the last batch was handed over; none yet means long ago. */
        private long batchStarted;
        private boolean started;
        /** Events taken since then. */
        private int taken;

        LingeringStream(BlockingStream<TrackedEventMessage<?>> delegate, long lingerNanos, int batchSize,
                        LongSupplier nanoTime) {
            this.delegate = delegate;
            this.lingerNanos = lingerNanos;
            this.backlog = Math.max(1, batchSize / 4);
            this.nanoTime = nanoTime;
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            boolean behind = taken >= backlog;
            taken = 0;
            long waitStarted = nanoTime.getAsLong();
            if (!delegate.hasNextAvailable(timeout, unit)) {
                return false;
            }
            long now = nanoTime.getAsLong();
            if (started && !behind) {
                // never past the caller's timeout: it bounds how long the processor goes without a batch
                long wait = Math.min(lingerNanos - (now - batchStarted), unit.toNanos(timeout) - (now - waitStarted));
                if (wait > 0) {
                    sleep(wait);
                    now = nanoTime.getAsLong();
                }
            }
            started = true;
            batchStarted = now;
            return true;
        }

        /** Waits {@code nanos}; a test replaces it to count the waits. */
        void sleep(long nanos) throws InterruptedException {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }

        @Override
        public boolean hasNextAvailable() {
            return delegate.hasNextAvailable();
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            TrackedEventMessage<?> next = delegate.nextAvailable();
            taken++;
            return next;
        }

        @Override
        public void close() {
            delegate.close();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            return delegate.setOnAvailableCallback(callback);
        }
    }
}
