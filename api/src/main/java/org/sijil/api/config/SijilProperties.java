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
 * The application's own settings ({@code sijil.*}); the event store's are {@code StoreProperties}.
 *
 * @param dataDir         where the embedded default keeps its database and key files
 * @param maxRequestBytes the largest request body accepted
 */
@Validated
@ConfigurationProperties("sijil")
public record SijilProperties(
        @NotNull @DefaultValue("data") Path dataDir,
        @DefaultValue("65536") long maxRequestBytes,
        @NotNull @DefaultValue EmbeddedPostgres embeddedPostgres) {

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
}
