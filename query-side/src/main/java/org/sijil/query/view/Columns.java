package org.sijil.query.view;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many rows in one statement: each column travels as one PostgreSQL array parameter and the
 * statement reads them back with {@code unnest(?::uuid[], ?::text[], ...)}. One round trip and one
 * plan per batch instead of one per row, which is what makes a view's batch cheap.
 */
public final class Columns {

    private Columns() {
    }

    /** One column's values and the PostgreSQL element type its array is sent as. */
    public record Column(String elementType, Object[] values) {
    }

    /** A column of {@code elementType} ({@code uuid}, {@code text}, {@code bigint}, ...). */
    public static Column column(String elementType, Collection<?> values) {
        return new Column(elementType, values.toArray());
    }

    /** A text column: each value by its {@code toString()}, {@code null} stays {@code null}. */
    public static Column text(Collection<?> values) {
        List<String> strings = new ArrayList<>(values.size());
        values.forEach(v -> strings.add(v == null ? null : v.toString()));
        return new Column("text", strings.toArray());
    }

    /**
     * Runs {@code sql} with {@code parameters} in order: a {@link Column} binds as an array, anything
     * else as itself.
     *
     * @return the count of rows changed
     */
    public static int update(JdbcTemplate jdbc, String sql, Object... parameters) {
        return jdbc.update((Connection c) -> bind(c, c.prepareStatement(sql), parameters));
    }

    /** The statement with {@code parameters} bound as {@link #update} binds them. */
    public static PreparedStatement bind(Connection connection, PreparedStatement statement, Object... parameters)
            throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] instanceof Column column) {
                Array array = connection.createArrayOf(column.elementType(), column.values());
                statement.setArray(i + 1, array);
            } else {
                statement.setObject(i + 1, parameters[i]);
            }
        }
        return statement;
    }
}
