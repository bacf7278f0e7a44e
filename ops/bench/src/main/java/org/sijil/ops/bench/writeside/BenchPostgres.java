package org.sijil.ops.bench.writeside;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.sijil.ops.bench.DurablePostgres;

/**
 * The one PostgreSQL every case of a run writes to, started durable ({@link DurablePostgres}), with
 * {@code full_page_writes} on as a server's would be.
 * {@code pg_stat_statements} is loaded so a run can report which statements a command costs.
 */
final class BenchPostgres implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private BenchPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static BenchPostgres start(Path dataDir) throws IOException {
        EmbeddedPostgres postgres = DurablePostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(true)
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track_utility", "on")
                .start();
        return new BenchPostgres(postgres);
    }

    /** Creates an empty database with {@code pg_stat_statements} installed, and returns its JDBC URL. */
    String createDatabase(String name) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase(Map.of()).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        String url = postgres.getJdbcUrl("postgres", name);
        try (Connection connection = postgres.getDatabase("postgres", name).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION pg_stat_statements");
        }
        return url;
    }

    /** A Hikari pool on {@code url} of exactly {@code size} connections. */
    static HikariDataSource pool(String url, int size, String name) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(size);
        pool.setMinimumIdle(size);
        pool.setPoolName(name);
        return pool;
    }

    /** The server settings a reader of the results must be able to check. */
    String settings() throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection connection = postgres.getPostgresDatabase(Map.of()).getConnection();
             Statement statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT name, setting FROM pg_settings WHERE name IN "
                     + "('server_version', 'fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method', "
                     + "'shared_buffers') ORDER BY name")) {
            while (rows.next()) {
                out.append(out.isEmpty() ? "" : ", ").append(rows.getString(1)).append('=').append(rows.getString(2));
            }
        }
        return out.toString();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
