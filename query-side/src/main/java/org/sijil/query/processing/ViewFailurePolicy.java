package org.sijil.query.processing;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

/**
 * What a view does with an event it failed to apply. A failure that depends on the event (bad data,
 * a constraint, a bug) parks it: the event is dead-lettered. A failure of the moment (the database
 * unreachable, a deadlock, a timeout) would fail any event, so it is not the event's fault: it fails
 * the batch, which the processor retries, and nothing is dead-lettered; a dead letter whose retry
 * meets one stays in the queue.
 *
 * <p>The recorded cause is the exception's type and SQL state, never its message: a database's
 * message may quote the values of the row (personal data) it refused.
 */
final class ViewFailurePolicy implements EnqueuePolicy<EventMessage<?>> {

    /** SQL state classes of failures of the moment: connection, transaction rollback, resources, operator. */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "57", "58");

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (isTransient(cause)) {
            if (letter instanceof JdbcDeadLetter<?>) {
                return Decisions.requeue(describe(cause));
            }
            throw cause instanceof RuntimeException e ? e : new IllegalStateException(cause);
        }
        return Decisions.enqueue(describe(cause));
    }

    /** The failure as a dead letter's cause: the innermost exception's type, and its SQL state if any. */
    static ThrowableCause describe(Throwable cause) {
        Throwable root = cause;
        String state = null;
        for (Throwable t = cause; t != null && t != t.getCause(); t = t.getCause()) {
            root = t;
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                state = sql.getSQLState();
            }
        }
        return new ThrowableCause(root.getClass().getName(), state == null ? "" : "SQL state " + state);
    }

    static boolean isTransient(Throwable cause) {
        for (Throwable t = cause; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof DataAccessResourceFailureException || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2
                    && (TRANSIENT_CLASSES.contains(sql.getSQLState().substring(0, 2))
                    || "55P03".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
