package org.sijil.api.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The embedded default: with no {@code spring.datasource.url}, Sijil starts a real PostgreSQL of its
 * own. Its data directory survives restarts, and it runs durably — zonky's defaults switch
 * {@code fsync} and {@code synchronous_commit} off, which would lose acknowledged records on a crash.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(SijilProperties properties) throws IOException {
        SijilProperties.EmbeddedPostgres settings = properties.embeddedPostgres();
        Files.createDirectories(settings.dataDir());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(settings.dataDir())
                .setCleanDataDirectory(false)
                .setPort(settings.port())
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100")
                // stopped by this bean's close, after everything that uses it: zonky's own JVM
                // shutdown hook would stop it beside Spring's, under processors still running
                .setRegisterShutdownHook(false)
                .start();
        log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(),
                settings.dataDir().toAbsolutePath());
        createDatabaseIfMissing(postgres, settings.database());
        return postgres;
    }

    /** The pool's timeouts come from {@code spring.datasource.hikari}, as for an external database. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres, SijilProperties properties) {
        HikariDataSource dataSource = DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(postgres.getJdbcUrl("postgres", properties.embeddedPostgres().database()))
                .username("postgres")
                .build();
        dataSource.setMaximumPoolSize(20);
        dataSource.setPoolName("sijil");
        return dataSource;
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres, String database) {
        try (Connection connection = postgres.getPostgresDatabase(Map.of()).getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + database.replace("'", "''") + "'")) {
                if (rows.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE \"" + database.replace("\"", "") + "\"");
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("Cannot create database " + database, e));
        }
    }
}
