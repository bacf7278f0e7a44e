package org.sijil.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Which failed commits certainly left nothing stored. SQLSTATE values from PostgreSQL's
 * "Appendix A. PostgreSQL Error Codes".
 */
class GroupCommitCommandBusTest {

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
