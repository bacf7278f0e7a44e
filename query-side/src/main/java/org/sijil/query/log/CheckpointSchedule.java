package org.sijil.query.log;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.sijil.query.log.CheckpointIssuer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the checkpoint issuer every interval on a thread of its own, from the application's start
 * until its shutdown. A failed attempt is logged and the next one tries again.
 */
final class CheckpointSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSchedule.class);

    private final CheckpointIssuer issuer;
    private final Duration interval;
    private ScheduledExecutorService executor;

    CheckpointSchedule(CheckpointIssuer issuer, Duration interval) {
        this.issuer = issuer;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "transparency-log-checkpoints");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::issue, 0, Math.max(1, interval.toMillis()), TimeUnit.MILLISECONDS);
    }

    private void issue() {
        try {
            issuer.issueIfGrown().ifPresent(c -> log.debug("Checkpoint issued for tree size {}", c.size()));
        } catch (RuntimeException e) {
            log.warn("No checkpoint issued this time; retrying in {}", interval, e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("The checkpoint thread did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
