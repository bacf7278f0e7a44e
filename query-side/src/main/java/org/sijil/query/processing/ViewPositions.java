package org.sijil.query.processing;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

/**
 * Where each view's processor stands in the event store's global index, and the bounded wait that
 * lets a caller read its own write: a write response carries {@code position}; a read with
 * {@code minPosition} returns once the view has processed at least that position, or answers 503
 * {@code view.behind} after {@link QueryProperties#maxWait()}.
 */
public class ViewPositions {

    private static final Duration POLL = Duration.ofMillis(20);

    private final EventProcessingConfiguration processing;
    private final Duration maxWait;

    ViewPositions(EventProcessingConfiguration processing, QueryProperties properties) {
        this.processing = processing;
        this.maxWait = properties.maxWait();
    }

    /** The view's streaming processor on this node. */
    public StreamingEventProcessor processor(String view) {
        return processing.eventProcessor(view, StreamingEventProcessor.class)
                .orElseThrow(() -> new ViewProblem(ViewProblem.Kind.UNKNOWN_VIEW, view));
    }

    /**
     * The lowest position any segment of the view has processed, if this node holds all its
     * segments' claims; empty while a segment is unclaimed here (or not yet started).
     */
    public OptionalLong position(String view) {
        StreamingEventProcessor processor = processor(view);
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (status.isEmpty()) {
            return OptionalLong.empty();
        }
        long min = Long.MAX_VALUE;
        double claimedShare = 0;
        for (EventTrackerStatus s : status.values()) {
            OptionalLong p = s.getCurrentPosition();
            min = Math.min(min, p.isPresent() ? p.getAsLong() : -1);
            claimedShare += 1.0 / (s.getSegment().getMask() + 1);
        }
        // segments claimed by other nodes are not visible here: then this node cannot tell
        return claimedShare < 0.999 ? OptionalLong.empty() : OptionalLong.of(min);
    }

    /**
     * Whether every segment of the view on this node has processed the event at {@code position}. A
     * position above a segment's index is not processed; neither is one the segment still holds as a
     * gap — a slower transaction's event that committed after later ones, exactly the case of a caller
     * whose own write took long. Empty while a segment is unclaimed here.
     */
    Optional<Boolean> covers(String view, long position) {
        Map<Integer, EventTrackerStatus> status = processor(view).processingStatus();
        if (status.isEmpty()) {
            return Optional.empty();
        }
        double claimedShare = 0;
        boolean covered = true;
        for (EventTrackerStatus s : status.values()) {
            claimedShare += 1.0 / (s.getSegment().getMask() + 1);
            TrackingToken token = s.getTrackingToken() == null ? null
                    : WrappedToken.unwrapLowerBound(s.getTrackingToken());
            if (token instanceof GapAwareTrackingToken gapAware) {
                covered &= gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
            } else {
                OptionalLong p = token == null ? OptionalLong.empty() : token.position();
                covered &= p.isPresent() && p.getAsLong() >= position;
            }
        }
        return claimedShare < 0.999 ? Optional.empty() : Optional.of(covered);
    }

    /**
     * Returns once {@code view} has processed {@code minPosition}; does nothing for {@code null}.
     *
     * @throws ViewProblem {@code view.behind} if it has not within the configured wait
     */
    public void await(String view, Long minPosition) {
        if (minPosition == null) {
            return;
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            if (covers(view, minPosition).orElse(false)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new ViewProblem(ViewProblem.Kind.BEHIND, view,
                        minPosition);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ViewProblem(ViewProblem.Kind.BEHIND, view,
                        minPosition);
            }
        }
    }
}
