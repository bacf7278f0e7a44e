package org.sijil.api.config;

import java.io.Closeable;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Fails fast while the database is unreachable. Once the pool could not connect, every caller for
 * the next {@code openFor} is refused at once, instead of each waiting out the pool's connection
 * timeout (a request that needs three connections would wait three times); the first caller after
 * that tries the pool again, and a connection got closes the circuit. A pool that is merely busy
 * (its timeout with no failed connection attempt behind it) does not open it.
 */
final class StoreCircuit extends DelegatingDataSource implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(StoreCircuit.class);

    private final long openForNanos;
    /** System.nanoTime() until which callers are refused; meaningful only while {@code open}. */
    private volatile long openUntil;
    private volatile boolean open;

    StoreCircuit(DataSource pool, Duration openFor) {
        super(pool);
        this.openForNanos = openFor.toNanos();
    }

    @Override
    public Connection getConnection() throws SQLException {
        refuseWhileOpen();
        try {
            return closed(super.getConnection());
        } catch (SQLException e) {
            throw tripped(e);
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        refuseWhileOpen();
        try {
            return closed(super.getConnection(username, password));
        } catch (SQLException e) {
            throw tripped(e);
        }
    }

    /** Closes the pool, as the application context would close the pool itself. */
    @Override
    public void close() throws IOException {
        if (getTargetDataSource() instanceof Closeable pool) {
            pool.close();
        }
    }

    private void refuseWhileOpen() throws SQLException {
        if (open && System.nanoTime() - openUntil < 0) {
            // 08001: the client could not establish a connection
            throw new SQLTransientConnectionException("PostgreSQL is unreachable; not tried again yet", "08001");
        }
    }

    private Connection closed(Connection connection) {
        if (open) {
            open = false;
            log.info("PostgreSQL is reachable again");
        }
        return connection;
    }

    private SQLException tripped(SQLException e) {
        if (cannotConnect(e)) {
            if (!open) {
                log.warn("PostgreSQL is unreachable; refusing work for {} ms between attempts: {}",
                        openForNanos / 1_000_000, e.toString());
            }
            openUntil = System.nanoTime() + openForNanos;
            open = true;
        }
        return e;
    }

    /** A failed connection attempt, rather than a busy pool's timeout: class 08, or a cause behind it. */
    private static boolean cannotConnect(SQLException e) {
        return (e.getSQLState() != null && e.getSQLState().startsWith("08")) || e.getCause() instanceof SQLException;
    }
}
