package org.sijil.api.query;

import org.sijil.query.processing.QueryConfiguration;
import org.sijil.query.processing.ViewDeadLetters;
import org.sijil.query.processing.ViewPositions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.sijil.api.security.Caller;
import org.sijil.api.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators' control of the views (administrators only): where each view's processor stands and how
 * many events it has parked as dead letters, a replay that empties a view (its reset handler, and its
 * dead letters) and rebuilds it from the first event, the list of a view's dead letters (what they
 * are, never what they contain) and their retry. Each replay and retry is logged with who asked for it.
 */
@RestController
@RequestMapping("/api/v1/admin/projections")
@Tag(name = "Operations")
class ProjectionAdminController {

    private static final Logger log = LoggerFactory.getLogger(ProjectionAdminController.class);

    private final ViewPositions positions;
    private final ViewDeadLetters deadLetters;
    private final EventStore eventStore;

    ProjectionAdminController(ViewPositions positions, ViewDeadLetters deadLetters, EventStore eventStore) {
        this.positions = positions;
        this.deadLetters = deadLetters;
        this.eventStore = eventStore;
    }

    /** One segment of a view's processor as this node sees it. */
    record SegmentStatus(int segment, Long position, boolean caughtUp, boolean replaying, boolean error,
                         String errorMessage) {
    }

    /**
     * A view's processor: {@code position} is the lowest position its segments have processed,
     * {@code head} the store's last global index, {@code progress} their ratio (1.0 when caught up),
     * {@code deadLetters} how many events it has parked.
     */
    record ProjectionStatus(String name, boolean running, Long position, long head, double progress,
                            boolean replaying, long deadLetters, List<SegmentStatus> segments) {
    }

    @GetMapping
    @Operation(summary = "Each view's processor: position, head of the store, progress, replay")
    List<ProjectionStatus> list(Authentication auth) {
        admin(auth);
        long head = head();
        return QueryConfiguration.VIEWS.stream().map(name -> status(name, head)).toList();
    }

    @PostMapping("/{name}/replay")
    @Operation(summary = "Empty a view and rebuild it from the first event",
            description = "Stops the view's processor, resets its tokens (running its reset handler) and starts "
                    + "it again; follow progress with GET /api/v1/admin/projections.")
    ResponseEntity<ProjectionStatus> replay(@PathVariable String name, Authentication auth) {
        Caller caller = admin(auth);
        if (!QueryConfiguration.VIEWS.contains(name)) {
            throw new QueryProblem(HttpStatus.NOT_FOUND, "projection.unknown", "name", name);
        }
        StreamingEventProcessor processor = positions.processor(name);
        log.warn("Replay of view {} requested by {} ({})", name, caller.subject(), caller.roles());
        processor.shutDown();
        try {
            processor.resetTokens();
        } finally {
            processor.start();
        }
        log.info("Replay of view {} started for {}", name, caller.subject());
        return ResponseEntity.accepted().body(status(name, head()));
    }

    @GetMapping("/{name}/dead-letters")
    @Operation(summary = "The events a view could not apply, and the later events of their persons parked after them",
            description = "Event id, type, position, sequence number, when parked and last tried, and the cause "
                    + "(exception type and SQL state); never the event's content.")
    List<ViewDeadLetters.Letter> deadLetters(@PathVariable String name, Authentication auth) {
        admin(auth);
        return deadLetters.list(name);
    }

    @PostMapping("/{name}/dead-letters/retry")
    @Operation(summary = "Apply a view's dead letters again, once their cause is repaired",
            description = "Each person's letters in order; a person's sequence stops at its first letter that fails "
                    + "again, which stays with its new cause.")
    ViewDeadLetters.Retry retryDeadLetters(@PathVariable String name, Authentication auth) {
        Caller caller = admin(auth);
        if (!QueryConfiguration.VIEWS.contains(name)) {
            throw new QueryProblem(HttpStatus.NOT_FOUND, "projection.unknown", "name", name);
        }
        log.warn("Retry of the dead letters of view {} requested by {} ({})", name, caller.subject(), caller.roles());
        ViewDeadLetters.Retry retry = deadLetters.retry(name);
        log.info("Retry of the dead letters of view {} for {}: {} sequences applied, {} letters left", name,
                caller.subject(), retry.sequencesApplied(), retry.remaining());
        return retry;
    }

    private ProjectionStatus status(String name, long head) {
        StreamingEventProcessor processor = positions.processor(name);
        List<SegmentStatus> segments = processor.processingStatus().values().stream()
                .sorted(Comparator.comparingInt(s -> s.getSegment().getSegmentId()))
                .map(ProjectionAdminController::segment)
                .toList();
        OptionalLong position = positions.position(name);
        Long at = position.isPresent() ? position.getAsLong() : null;
        double progress = head <= 0 ? 1.0 : at == null ? 0.0 : Math.min(1.0, Math.max(0.0, (double) at / head));
        return new ProjectionStatus(name, processor.isRunning(), at, head, progress, processor.isReplaying(),
                deadLetters.count(name), segments);
    }

    private static SegmentStatus segment(EventTrackerStatus s) {
        OptionalLong p = s.getCurrentPosition();
        return new SegmentStatus(s.getSegment().getSegmentId(), p.isPresent() ? p.getAsLong() : null,
                s.isCaughtUp(), s.isReplaying(), s.isErrorState(),
                s.getError() == null ? null : s.getError().getClass().getSimpleName());
    }

    private long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    private static Caller admin(Authentication auth) {
        Caller caller = Caller.of(auth);
        if (!caller.hasRole(Roles.ADMIN)) {
            throw new AccessDeniedException("administrators only");
        }
        return caller;
    }
}
