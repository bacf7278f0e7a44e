package org.sijil.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Which failed commits certainly left nothing stored (SQLSTATE values from PostgreSQL's
 * "Appendix A. PostgreSQL Error Codes"), and that every sender is answered when there is no
 * database to be had.
 */
class GroupCommitCommandBusTest {

    @Test
    void everySenderIsAnsweredWhenNoTransactionCanBeStarted() throws Exception {
        // a port nothing listens on: every connection is refused, as while PostgreSQL is down
        DriverManagerDataSource down = new DriverManagerDataSource(
                "jdbc:postgresql://127.0.0.1:9/sijil?connectTimeout=1", "sijil", "");
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(down);
        SimpleCommandBus simple = SimpleCommandBus.builder()
                .transactionManager(new SpringTransactionManager(transactions)).build();
        simple.subscribe(String.class.getName(), command -> "handled");
        try (GroupCommitCommandBus bus = new GroupCommitCommandBus(simple, transactions, 1, 8, Duration.ZERO,
                new JdbcTemplate(down), Duration.ZERO)) {
            FutureCallback<String, Object> answer = new FutureCallback<>();
            bus.dispatch(GenericCommandMessage.asCommandMessage("register"), answer);
            // Future's own get, which throws on the time limit (getResult would answer a timeout)
            CommandResultMessage<?> result = answer.get(30, TimeUnit.SECONDS);
            assertThat(result.isExceptional()).as(result.toString()).isTrue();
        }
    }

    @Test
    void anIntegrityFailureAtCommitCertainlyRolledBack() {
        SQLException deferredCheck = new SQLException("refused at commit", "23514");
        assertThat(GroupCommitCommandBus.certainlyRolledBack(
                new DataIntegrityViolationException("JDBC commit", deferredCheck))).isTrue();
    }

    @Test
    void aSerializationFailureOrDeadlockCertainlyRolledBack() {
        assertThat(GroupCommitCommandBus.certainlyRolledBack(new SQLException("serialization", "40001"))).isTrue();
        assertThat(GroupCommitCommandBus.certainlyRolledBack(
                new TransactionSystemException("commit", new SQLException("deadlock", "40P01")))).isTrue();
    }

    @Test
    void aLostConnectionOrAnUnknownFailureLeavesTheOutcomeUnknown() {
        assertThat(GroupCommitCommandBus.certainlyRolledBack(
                new TransactionSystemException("commit", new SQLException("connection lost", "08006")))).isFalse();
        assertThat(GroupCommitCommandBus.certainlyRolledBack(new SQLException("raised", "P0001"))).isFalse();
        assertThat(GroupCommitCommandBus.certainlyRolledBack(new SQLException("no state"))).isFalse();
        assertThat(GroupCommitCommandBus.certainlyRolledBack(new IllegalStateException("not SQL"))).isFalse();
    }
}
