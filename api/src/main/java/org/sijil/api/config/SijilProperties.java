package org.sijil.api.config;

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
 * Sijil's own settings ({@code sijil.*}).
 *
 * @param dataDir         where the embedded default keeps its database and key files
 * @param keysDir         the signing key files (one PKCS#8 PEM per key; the newest signs)
 * @param masterKeyFile   the master key that wraps each person's data key
 * @param signing         false only in benchmarks that measure what signing costs: events are then
 *                        stored with empty signatures, which no verifier accepts
 * @param signingOffForBenchmarksOnly must also be true for {@code signing} to be false, so that no
 *                        deployment stores unsigned events by one mistaken setting
 * @param maxRequestBytes the largest request body accepted
 * @param groupCommit     how concurrent commands share transactions
 */
@Validated
@ConfigurationProperties("sijil")
public record SijilProperties(
        @NotNull @DefaultValue("data") Path dataDir,
        @NotNull @DefaultValue("data/keys") Path keysDir,
        @NotNull @DefaultValue("data/keys/master.key") Path masterKeyFile,
        @DefaultValue("true") boolean signing,
        @DefaultValue("false") boolean signingOffForBenchmarksOnly,
        @DefaultValue("65536") long maxRequestBytes,
        @NotNull @DefaultValue EmbeddedPostgres embeddedPostgres,
        @NotNull @DefaultValue GroupCommit groupCommit) {

    public SijilProperties {
        if (!signing && !signingOffForBenchmarksOnly) {
            throw new IllegalArgumentException("sijil.signing=false would store events with empty signatures;"
                    + " it is for benchmarks only and also needs sijil.signing-off-for-benchmarks-only=true");
        }
    }

    /**
     * The embedded PostgreSQL used when no {@code spring.datasource.url} is configured.
     *
     * @param dataDir      its data directory; kept across restarts
     * @param port         its port (0 picks a free one)
     * @param database     the database Sijil uses
     */
    public record EmbeddedPostgres(
            @NotNull @DefaultValue("data/postgres") Path dataDir,
            @DefaultValue("5433") int port,
            @NotBlank @DefaultValue("sijil") String database) {
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
}
