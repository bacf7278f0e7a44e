package org.sijil.query.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class ViewFailurePolicyTest {

    private final ViewFailurePolicy policy = new ViewFailurePolicy();
    private final EventMessage<?> event = GenericEventMessage.asEventMessage("an event");

    @Test
    void parksAFailureThatDependsOnTheEventRecordingTypeAndSqlStateButNotTheMessage() {
        // PostgreSQL's refusal of a duplicate quotes the row's values
        SQLException refused = new SQLException("Key (national_number)=(198712345678) already exists", "23505");
        EnqueueDecision<EventMessage<?>> decision = policy.decide(fresh(),
                new DataIntegrityViolationException("PreparedStatementCallback", refused));

        assertThat(decision.shouldEnqueue()).isTrue();
        ThrowableCause cause = (ThrowableCause) decision.enqueueCause().orElseThrow();
        assertThat(cause.type()).isEqualTo(SQLException.class.getName());
        assertThat(cause.message()).isEqualTo("SQL state 23505");
    }

    @Test
    void failsTheBatchOnAFailureOfTheMomentInsteadOfParkingTheEvent() {
        for (RuntimeException momentary : new RuntimeException[] {
                new CannotGetJdbcConnectionException("pool exhausted"),
                new RuntimeException(new SQLException("deadlock detected", "40P01")),
                new RuntimeException(new SQLException("canceling statement due to statement timeout", "57014")),
                new RuntimeException(new SQLException("could not obtain lock", "55P03"))}) {
            assertThatThrownBy(() -> policy.decide(fresh(), momentary)).isSameAs(momentary);
        }
    }

    @Test
    void keepsADeadLetterWhoseRetryMeetsAFailureOfTheMoment() {
        DeadLetter<EventMessage<?>> parked = new JdbcDeadLetter<>(UUID.randomUUID().toString(), 0, "person",
                Instant.now(), Instant.now(), null, MetaData.emptyInstance(), event);
        EnqueueDecision<EventMessage<?>> decision = policy.decide(parked,
                new RuntimeException(new SQLException("terminating connection", "08006")));
        assertThat(decision.shouldEnqueue()).isTrue();
    }

    private DeadLetter<EventMessage<?>> fresh() {
        return new GenericDeadLetter<>("person", event);
    }
}
