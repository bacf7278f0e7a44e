package org.sijil.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Rows a unit of work stores beside its events (a group's national-number claims and new data
 * keys, say), written by the very statement that stores the events, as data-modifying
 * {@code WITH} clauses: PostgreSQL runs each of them once, to completion, whether or not the
 * insert reads them, and the rows cost no round trip of their own. If any of them is refused, the
 * whole statement is, and so the events with it.
 */
public interface CompanionInserts {

    /**
     * The {@code WITH} list without the keyword: one or more {@code name AS (...)} separated by
     * commas, with {@code ?} placeholders.
     */
    String withClauses();

    /**
     * Binds the placeholders of {@link #withClauses()}, which come before any other in the
     * statement.
     *
     * @return the index of the statement's next placeholder
     */
    int bind(PreparedStatement statement, int first) throws SQLException;

    /**
     * Runs the inserts by a statement of their own, for rows whose events were stored by more than
     * one statement (or not at all), in the connection's current transaction.
     */
    default void insertAlone(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("WITH " + withClauses() + " SELECT 1")) {
            bind(statement, 1);
            statement.execute();
        }
    }
}
