package org.sijil.ops.bench.writeside;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The statements one database ran between two snapshots of {@code pg_stat_statements}: how many
 * per operation, and the server's mean execution time of each.
 */
final class StatementProfile {

    /** The line counting transactions committed (from {@code pg_stat_database}, no server time). */
    static final String COMMITS = "(transactions committed)";

    private final DataSource admin;
    private final String database;
    private Map<String, double[]> before = Map.of();
    private final Map<String, double[]> totals = new HashMap<>();

    /** @param admin connections to another database of the same server, so they do not count */
    StatementProfile(DataSource admin, String database) {
        this.admin = admin;
        this.database = database;
    }

    void start() {
        before = snapshot();
    }

    /** Adds what ran since {@link #start()}; a profile can cover several windows. */
    void stop() {
        snapshot().forEach((query, now) -> {
            double[] then = before.getOrDefault(query, new double[2]);
            double[] total = totals.computeIfAbsent(query, q -> new double[2]);
            total[0] += now[0] - then[0];
            total[1] += now[1] - then[1];
        });
    }

    /** The statements run in the profiled windows, most frequent first. */
    List<Line> lines() {
        List<Line> lines = new ArrayList<>();
        totals.forEach((query, total) -> {
            long calls = (long) total[0];
            if (calls > 0) {
                lines.add(new Line(query, calls, total[1] / calls));
            }
        });
        lines.sort((a, b) -> Long.compare(b.calls(), a.calls()));
        return lines;
    }

    private Map<String, double[]> snapshot() {
        Map<String, double[]> byQuery = new HashMap<>();
        try (Connection connection = admin.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT s.query, sum(s.calls), sum(s.total_exec_time) FROM pg_stat_statements s "
                             + "JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = ? GROUP BY s.query")) {
            statement.setString(1, database);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    byQuery.put(rows.getString(1), new double[] {rows.getLong(2), rows.getDouble(3)});
                }
            }
            try (PreparedStatement commits = connection.prepareStatement(
                    "SELECT xact_commit FROM pg_stat_database WHERE datname = ?")) {
                commits.setString(1, database);
                try (ResultSet rows = commits.executeQuery()) {
                    while (rows.next()) {
                        byQuery.put(COMMITS, new double[] {rows.getLong(1), 0});
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read pg_stat_statements", e);
        }
        return byQuery;
    }

    /** One statement: calls in the window and the server's mean time per call in milliseconds. */
    record Line(String query, long calls, double meanMillis) {

        String shortQuery() {
            String flat = query.replaceAll("\\s+", " ").trim();
            return flat.length() <= 110 ? flat : flat.substring(0, 107) + "...";
        }
    }
}
