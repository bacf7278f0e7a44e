package org.sijil.api.config;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;
import org.sijil.store.StoreProperties;
import org.sijil.crypto.files.PrivateFiles;
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
 *
 * <p>It listens on {@value #LOOPBACK} only and every connection needs the password (SCRAM), which is
 * generated at first start into {@value #PASSWORD_FILE} in the keys directory (rw-------). The data
 * directory and its parent are rwx------: when the JVM runs as root, zonky runs PostgreSQL in a user
 * namespace ({@code unshare -U}) where it shows as {@code nobody}, yet its files stay the JVM's user's
 * on disk, so owner-only modes reach it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    static final String LOOPBACK = "127.0.0.1";
    static final String PASSWORD_FILE = "postgres.password";
    private static final String USER = "postgres";
    private static final String HBA = """
            # Written by Sijil at every start: the password (SCRAM) for every connection, loopback only.
            local all all scram-sha-256
            host  all all 127.0.0.1/32 scram-sha-256
            """;
    private static final Pattern TRUST = Pattern.compile("(?m)^\\s*(local|host)\\S*\\s.*\\btrust\\s*$");

    /** The superuser's password, read from its file (made on first start). */
    record Password(String value) {
        @Override
        public String toString() {
            return "Password[…]";
        }
    }

    @Bean
    Password embeddedPostgresPassword(StoreProperties store) throws IOException {
        Path file = store.keysDir().resolve(PASSWORD_FILE);
        PrivateFiles.createDirectory(store.keysDir());
        if (!Files.exists(file)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            try {
                PrivateFiles.writeNew(file, Base64.getUrlEncoder().withoutPadding().encode(random));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // another start made it first: use that one
            }
        }
        return new Password(Files.readString(file, UTF_8).strip());
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(SijilProperties properties, StoreProperties store, Password password)
            throws IOException {
        SijilProperties.EmbeddedPostgres settings = properties.embeddedPostgres();
        Path dataDir = settings.dataDir().toAbsolutePath();
        if (dataDir.startsWith(properties.dataDir().toAbsolutePath())) {
            PrivateFiles.restrictDirectory(properties.dataDir());
        }
        PrivateFiles.restrictDirectory(dataDir);
        boolean[] fromTrust = new boolean[1];
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(settings.dataDir())
                .setCleanDataDirectory(false)
                .setPort(settings.port())
                .setServerConfig("listen_addresses", LOOPBACK)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100")
                // a new data directory has the password and needs it from the very start
                .setLocaleConfig("auth", "scram-sha-256")
                .setLocaleConfig("pwfile", store.keysDir().resolve(PASSWORD_FILE).toAbsolutePath().toString())
                .setConnectConfig("password", password.value())
                // a data directory made without a password keeps its rules until the password is set below
                .setDataDirectoryCustomizer(dir -> fromTrust[0] = !writeHbaUnlessTrusting(dir.toPath()))
                // stopped by this bean's close, after everything that uses it: zonky's own JVM
                // shutdown hook would stop it beside Spring's, under processors still running
                .setRegisterShutdownHook(false)
                .start();
        if (fromTrust[0]) {
            setPassword(postgres, dataDir, password);
        }
        log.info("Embedded PostgreSQL on {}:{} with data in {}", LOOPBACK, postgres.getPort(), dataDir);
        createDatabaseIfMissing(postgres, settings.database(), password);
        return postgres;
    }

    /** The pool's timeouts come from {@code spring.datasource.hikari}, as for an external database. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres, SijilProperties properties, Password password) {
        HikariDataSource dataSource = DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url("jdbc:postgresql://" + LOOPBACK + ":" + postgres.getPort() + "/"
                        + properties.embeddedPostgres().database())
                .username(USER)
                .password(password.value())
                .build();
        dataSource.setMaximumPoolSize(20);
        dataSource.setPoolName("sijil");
        return dataSource;
    }

    /** Writes {@link #HBA} unless the directory's rules let connections in without a password. */
    private static boolean writeHbaUnlessTrusting(Path dataDir) {
        try {
            Path hba = dataDir.resolve("pg_hba.conf");
            if (Files.exists(hba) && TRUST.matcher(Files.readString(hba, UTF_8)).find()) {
                return false;
            }
            Files.writeString(hba, HBA, UTF_8);
            Files.setPosixFilePermissions(hba, PrivateFiles.OWNER_RW);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write pg_hba.conf in " + dataDir, e);
        }
    }

    /** Gives the superuser the password of a data directory made without one, then requires it. */
    private static void setPassword(EmbeddedPostgres postgres, Path dataDir, Password password) {
        try (Connection connection = postgres.getPostgresDatabase(Map.of()).getConnection();
             Statement statement = connection.createStatement()) {
            // base64url: nothing to escape in the literal
            statement.execute("ALTER ROLE " + USER + " PASSWORD '" + password.value() + "'");
            Files.writeString(dataDir.resolve("pg_hba.conf"), HBA, UTF_8);
            Files.setPosixFilePermissions(dataDir.resolve("pg_hba.conf"), PrivateFiles.OWNER_RW);
            statement.execute("SELECT pg_reload_conf()");
            log.info("Embedded PostgreSQL: the superuser's password is set and every connection requires it");
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot set the embedded PostgreSQL's password", e);
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres, String database, Password password) {
        try (Connection connection = postgres.getPostgresDatabase(Map.of("password", password.value())).getConnection();
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
