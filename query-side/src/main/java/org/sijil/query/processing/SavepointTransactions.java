package org.sijil.query.processing;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Axon transactions that are savepoints inside a running transaction (and a new transaction
 * otherwise), so that one event's failed statements are rolled back alone and the batch's
 * transaction stays usable: PostgreSQL refuses every statement of a transaction after a failed one.
 * Axon's own Spring transaction manager ends only the transactions it began, never a savepoint.
 */
final class SavepointTransactions implements TransactionManager {

    private final ObjectProvider<PlatformTransactionManager> transactions;
    private final TransactionDefinition nested =
            new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);

    SavepointTransactions(ObjectProvider<PlatformTransactionManager> transactions) {
        this.transactions = transactions;
    }

    @Override
    public Transaction startTransaction() {
        PlatformTransactionManager transactions = this.transactions.getObject();
        TransactionStatus status = transactions.getTransaction(nested);
        return new Transaction() {
            @Override
            public void commit() {
                if (!status.isCompleted()) {
                    transactions.commit(status);
                }
            }

            @Override
            public void rollback() {
                // a savepoint already released stays so: the enclosing transaction's rollback undoes it
                if (!status.isCompleted()) {
                    transactions.rollback(status);
                }
            }
        };
    }
}
