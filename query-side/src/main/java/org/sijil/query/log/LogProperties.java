package org.sijil.query.log;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.sijil.store.read.LingeringEventSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The transparency log's settings ({@code sijil.log.*}).
 *
 * @param origin             the log's name: first line of every checkpoint and name of the note key
 *                           (no spaces, no {@code +}, no control characters)
 * @param checkpointInterval how often a checkpoint is issued if the log has grown
 * @param batchSize          events the sequencer appends per transaction
 * @param linger             the shortest time between the starts of two of the sequencer's batches while
 *                           it keeps up (events stored meanwhile share one transaction); 0 turns it off
 * @param maxEntries         most leaves one {@code /entries} request may ask for
 */
@Validated
@ConfigurationProperties("sijil.log")
public record LogProperties(
        @NotNull @Pattern(regexp = "[^\\s+\\p{Cntrl}]+") @DefaultValue("sijil.local/register") String origin,
        @NotNull @DefaultValue("2s") Duration checkpointInterval,
        @Min(1) @Max(10_000) @DefaultValue("250") int batchSize,
        @NotNull @DefaultValue("20ms") Duration linger,
        @Min(1) @Max(10_000) @DefaultValue("1000") int maxEntries) {

    public LogProperties {
        if (checkpointInterval != null && (checkpointInterval.isNegative() || checkpointInterval.isZero())) {
            throw new IllegalArgumentException("sijil.log.checkpoint-interval must be positive");
        }
        LingeringEventSource.checkSetting(linger, "sijil.log.linger");
    }
}
