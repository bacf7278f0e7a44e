package org.sijil.store;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The event store's settings ({@code sijil.*}).
 *
 * @param keysDir         the signing key files (one PKCS#8 PEM per key; the newest signs)
 * @param masterKeyFile   the master key that wraps each person's data key
 * @param signing         false only in benchmarks that measure what signing costs: events are then
 *                        stored with empty signatures, which no verifier accepts
 * @param signingOffForBenchmarksOnly must also be true for {@code signing} to be false, so that no
 *                        deployment stores unsigned events by one mistaken setting
 * @param groupCommit     how concurrent commands share transactions
 * @param access          how access events are stored
 */
@Validated
@ConfigurationProperties("sijil")
public record StoreProperties(
        @NotNull @DefaultValue("data/keys") Path keysDir,
        @NotNull @DefaultValue("data/keys/master.key") Path masterKeyFile,
        @DefaultValue("true") boolean signing,
        @DefaultValue("false") boolean signingOffForBenchmarksOnly,
        @NotNull @DefaultValue GroupCommit groupCommit,
        @NotNull @DefaultValue Access access) {

    public StoreProperties {
        if (!signing && !signingOffForBenchmarksOnly) {
            throw new IllegalArgumentException("sijil.signing=false would store events with empty signatures;"
                    + " it is for benchmarks only and also needs sijil.signing-off-for-benchmarks-only=true");
        }
    }
    /**
     * Group commit of concurrent commands (see {@code GroupCommitCommandBus}).
     *
     * @param enabled     false handles every command alone, in its own transaction, on the sender's thread
     * @param workers     groups handled at once, each on its own thread and connection
     * @param maxCommands the most commands in one transaction
     * @param maxWait     how long to wait for more commands once one is queued; 0 takes what is queued
     * @param lockTimeout how long a group waits for a row lock before its commands run again one by one
     *                    (0: as long as a command alone)
     */
    public record GroupCommit(
            @DefaultValue("true") boolean enabled,
            @Min(1) @Max(64) @DefaultValue("3") int workers,
            @Min(1) @Max(1000) @DefaultValue("64") int maxCommands,
            @NotNull @DefaultValue("0ms") Duration maxWait,
            @NotNull @DefaultValue("1s") Duration lockTimeout) {
    }

    /**
     * Access events ({@code sijil.access.*}).
     *
     * @param wakeDelay how long after an access event is stored the event store's reader is woken to
     *                  fetch it (for the transparency log and the feeds); the events stored meanwhile
     *                  share that wake and its fetch. 0 wakes it at once. Reads never wait for it:
     *                  each answers once its own event is durable.
     */
    public record Access(@NotNull @DefaultValue("10ms") Duration wakeDelay) {

        public Access {
            if (wakeDelay.isNegative()) {
                throw new IllegalArgumentException("sijil.access.wake-delay must be 0 or more, got " + wakeDelay);
            }
        }
    }
}
