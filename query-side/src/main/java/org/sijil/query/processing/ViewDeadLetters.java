package org.sijil.query.processing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

/**
 * The views' dead letters: how many each view holds, what they are (never what they contain), and
 * their retry once the cause is repaired.
 */
public class ViewDeadLetters {

    private final EventProcessingConfiguration processing;

    ViewDeadLetters(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /**
     * One dead letter: its event's identifier, type, global position and sequence number in its
     * person's stream, when it was parked and last tried, and why (exception type and SQL state).
     */
    public record Letter(String eventId, String eventType, Long position, Long sequenceNumber, Instant enqueuedAt,
                  Instant lastTouched, String causeType, String cause) {
    }

    /** What a retry did: sequences applied in full, and dead letters left (still failing, or parked meanwhile). */
    public record Retry(String name, int sequencesApplied, long remaining) {
    }

    public long count(String view) {
        return queue(view).size();
    }

    /** Every view's count, in {@link QueryConfiguration#VIEWS} order. */
    Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        QueryConfiguration.VIEWS.forEach(view -> counts.put(view, count(view)));
        return counts;
    }

    /** The view's dead letters, person sequence by sequence, each in the order its events were stored. */
    public List<Letter> list(String view) {
        List<Letter> letters = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue(view).deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                letters.add(letter(letter));
            }
        }
        return letters;
    }

    /**
     * Applies the view's dead letters again, each person's in order; a sequence stops at its first
     * letter that fails again, which stays (with its new cause). Each sequence is tried once.
     */
    public Retry retry(String view) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(view)
                .orElseThrow(() -> new ViewProblem(ViewProblem.Kind.UNKNOWN_VIEW, view));
        Set<String> tried = new HashSet<>();
        int applied = 0;
        while (true) {
            int before = tried.size();
            // a sequence's first letter stays first while it fails, so its event id marks the sequence as tried
            boolean all = processor.process(letter -> tried.add(letter.message().getIdentifier()));
            if (all) {
                applied++;
            } else if (tried.size() == before) {
                break;
            }
        }
        return new Retry(view, applied, count(view));
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String view) {
        if (!QueryConfiguration.VIEWS.contains(view)) {
            throw new ViewProblem(ViewProblem.Kind.UNKNOWN_VIEW, view);
        }
        return processing.deadLetterQueue(view)
                .orElseThrow(() -> new IllegalStateException("view " + view + " has no dead-letter queue"));
    }

    private static Letter letter(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        Long position = event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? tracked.trackingToken().position().stream().boxed().findFirst().orElse(null) : null;
        Long sequenceNumber = event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : null;
        Cause cause = letter.cause().orElse(null);
        return new Letter(event.getIdentifier(), event.getPayloadType().getSimpleName(), position, sequenceNumber,
                letter.enqueuedAt(), letter.lastTouched(), cause == null ? null : cause.type(),
                cause == null ? null : cause.message());
    }
}
