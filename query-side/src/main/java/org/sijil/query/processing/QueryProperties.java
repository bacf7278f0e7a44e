package org.sijil.query.processing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the query side ({@code sijil.query.*}).
 *
 * @param batchSize         events a view's processor handles per transaction; the person and planning
 *                          views apply them at once, one read and one write per table per batch
 * @param segments          segments (and threads) per view's processor; nodes share segments
 * @param maxWait           the longest a read with {@code minPosition} waits for its view to catch up
 * @param searchLimit       hits returned by a name search unless {@code limit} says otherwise
 * @param maxSearchLimit    the largest {@code limit} accepted
 * @param nodeId            this node's name in the token claims ({@code tokenentry.owner}); blank means
 *                          Axon's default, the JVM's {@code pid@host}, which is unique per process
 */
@Validated
@ConfigurationProperties("sijil.query")
public record QueryProperties(
        @Min(1) @Max(10_000) @DefaultValue("500") int batchSize,
        @Min(1) @Max(64) @DefaultValue("1") int segments,
        @NotNull @DefaultValue("5s") Duration maxWait,
        @Min(1) @Max(1000) @DefaultValue("20") int searchLimit,
        @Min(1) @Max(1000) @DefaultValue("100") int maxSearchLimit,
        @NotNull @DefaultValue("") String nodeId) {
}
