package org.sijil.store;

import static org.axonframework.commandhandling.GenericCommandResultMessage.asCommandResultMessage;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.callbacks.LoggingCallback;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Group commit: commands sent concurrently are handled in one database transaction, so one commit
 * (one WAL flush) stores the events of many commands. Each command still runs in its own unit of
 * work, through the same {@link CommandBus} (handlers, interceptors, optimistic concurrency) as when
 * it runs alone; no caller is answered before the transaction holding its events has committed.
 *
 * <p>How a group runs, on one of a few worker threads: the worker takes the first waiting command
 * and whatever else is already queued (up to {@code maxCommands}, waiting at most {@code maxWait}
 * for more), opens a root unit of work with a Spring transaction, and dispatches the commands one
 * after another to the delegate bus. Each command's unit of work is then <em>nested</em> in the
 * root: its events are stored when the root commits, its after-commit work (waking the tracking
 * processors) runs after the real commit, and the aggregates it locked stay locked until then.
 * The delegate reports each command's result when its nested unit of work ends, which is before
 * anything is durable, so results are held and handed to the callers only once the root has
 * committed. The inserts that every birth makes into the set-based index and the data-key table
 * are deferred to the group ({@link GroupStatements}) and sent by the statement that stores the
 * group's events, instead of one round trip per command: a group costs the database that statement
 * and the commit.
 *
 * <p>If any command of a group fails — a broken rule, a version conflict, a refused insert — the
 * whole transaction is rolled back and every command of the group is run again on its own, in its
 * own transaction and on a thread of its own, exactly as without group commit; so each caller gets the result it would have had
 * alone, and a failed command leaves nothing behind. The same happens when storing the group's
 * events fails, or when the commit itself is refused in a way that means the transaction certainly
 * rolled back (an integrity or serialization failure, SQLSTATE classes 23 and 40), or when a deferred
 * insert is refused (a national number or person id taken or claimed twice in the group): run alone,
 * those commands use the immediate statements and get their own errors. A command that found no
 * other queued is a group of one; when its own handler refuses it, that refusal is its answer at
 * once, as it would be alone, without a second run. Any other failure
 * of the commit (a lost connection, say) leaves it unknown whether the group was stored: then every
 * caller of the group gets that error, as a command alone would, and nothing is run again, since
 * running an update twice could record it twice.
 *
 * <p>A group holds the in-memory locks of the aggregates its commands loaded until it commits. Two
 * groups could each wait for the other, one for such a lock and the other for a row the first has
 * written (two births claiming one national number, say): neither Axon's nor PostgreSQL's deadlock
 * detection sees that cycle. So a group's deferred inserts wait at most {@code lockTimeout} for a
 * row lock (PostgreSQL's {@code lock_timeout}, set for the rest of the group's transaction by the
 * statement that sends them, before they insert); past that the group is rolled back and run again
 * command by command, and commands alone wait as before. The statements before those inserts run
 * without the timeout, and none of them can wait on another group's row: two groups storing events
 * of one aggregate on one node take its lock in turn, and the one insert made while commands are
 * handled (the marriage index) is keyed by an id made for that marriage.
 *
 * <p>Commands sent while the sending thread is already in a transaction or a unit of work (several
 * access records stored all-or-none, a command sent from a handler) are handled at once on that
 * thread, joining what is there, as before. Commands from one thread sent without waiting
 * ({@code send} rather than {@code sendAndWait}) may be handled in a different order than sent.
 */
public final class GroupCommitCommandBus implements CommandBus, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitCommandBus.class);

    private final CommandBus delegate;
    private final PlatformTransactionManager transactions;
    private final JdbcTemplate jdbc;
    private final Duration lockTimeout;
    private final int maxCommands;
    private final long maxWaitNanos;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<MessageDispatchInterceptor<? super CommandMessage<?>>> dispatchInterceptors =
            new CopyOnWriteArrayList<>();
    private final List<Thread> workers = new ArrayList<>();
    /** Where a failed group's commands run again, each on its own thread as they would alone. */
    private final ExecutorService alone = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "sijil-command-alone");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong groups = new AtomicLong();
    private final AtomicLong grouped = new AtomicLong();
    private final AtomicLong rerun = new AtomicLong();
    private volatile boolean closed;

    /**
     * @param delegate     the bus that handles each command; it must handle commands on the thread that
     *                     dispatches them (as Axon's {@code SimpleCommandBus} does) and join a transaction
     *                     or unit of work that thread has open
     * @param transactions the transactions the group runs in; the delegate's must join them
     * @param workers      how many groups can be handled at once (each holds one connection)
     * @param maxCommands  the most commands in one group
     * @param maxWait      how long a worker waits for more commands once it has one; zero handles
     *                     whatever is queued at once
     * @param jdbc         statements in the group's transaction
     * @param lockTimeout  the longest a group's statement waits for a row lock before the group is
     *                     run again command by command; zero waits as long as a command alone would
     */
    GroupCommitCommandBus(CommandBus delegate, PlatformTransactionManager transactions, int workers,
                          int maxCommands, Duration maxWait, JdbcTemplate jdbc, Duration lockTimeout) {
        if (workers < 1 || maxCommands < 1 || maxWait.isNegative() || lockTimeout.isNegative()) {
            throw new IllegalArgumentException(
                    "workers and maxCommands must be positive, maxWait and lockTimeout not negative");
        }
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.lockTimeout = lockTimeout.isZero() ? null : lockTimeout;
        this.maxCommands = maxCommands;
        this.maxWaitNanos = maxWait.toNanos();
        for (int i = 1; i <= workers; i++) {
            Thread worker = new Thread(this::work, "sijil-group-commit-" + i);
            worker.setDaemon(true);
            this.workers.add(worker);
            worker.start();
        }
    }

    @Override
    public <C> void dispatch(CommandMessage<C> command) {
        dispatch(command, LoggingCallback.INSTANCE);
    }

    @Override
    public <C, R> void dispatch(CommandMessage<C> command,
                                CommandCallback<? super C, ? super R> callback) {
        CommandMessage<C> intercepted = intercept(command);
        if (closed || CurrentUnitOfWork.isStarted() || TransactionSynchronizationManager.isActualTransactionActive()) {
            delegate.dispatch(intercepted, callback);
            return;
        }
        Pending pending = new Pending(intercepted, callback);
        queue.add(pending);
        if (closed && queue.remove(pending)) {
            // the workers may have finished before it was queued
            pending.runAlone(delegate);
        }
    }

    @Override
    public Registration subscribe(String commandName, MessageHandler<? super CommandMessage<?>> handler) {
        return delegate.subscribe(commandName, handler);
    }

    /** Dispatch interceptors run on the sending thread, before the command is queued. */
    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
        dispatchInterceptors.add(dispatchInterceptor);
        return () -> dispatchInterceptors.remove(dispatchInterceptor);
    }

    @Override
    public Registration registerHandlerInterceptor(
            MessageHandlerInterceptor<? super CommandMessage<?>> handlerInterceptor) {
        return delegate.registerHandlerInterceptor(handlerInterceptor);
    }

    /** Groups committed with more than one command, the commands in them, and commands run again alone. */
    public String statistics() {
        return "groups=" + groups.get() + " commandsInGroups=" + grouped.get() + " runAgainAlone=" + rerun.get();
    }

    /** Handles what is queued, then stops the workers; later commands run on their sender's thread. */
    @Override
    public void close() {
        closed = true;
        try {
            for (Thread worker : workers) {
                worker.join();
            }
            alone.shutdown();
            alone.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            left.runAlone(delegate);
        }
    }

    @SuppressWarnings("unchecked")
    private <C> CommandMessage<C> intercept(CommandMessage<C> command) {
        CommandMessage<C> result = command;
        for (MessageDispatchInterceptor<? super CommandMessage<?>> interceptor : dispatchInterceptors) {
            result = (CommandMessage<C>) interceptor.handle(result);
        }
        return result;
    }

    private void work() {
        while (true) {
            Pending first;
            try {
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (first == null) {
                if (closed) {
                    return;
                }
                continue;
            }
            List<Pending> group = gather(first);
            try {
                runTogether(group);
            } catch (RuntimeException | Error e) {
                // not expected: the delegate reports failures through the callbacks
                log.error("Group of {} commands failed outside their handlers", group.size(), e);
                for (Pending pending : group) {
                    pending.answerOnce(asCommandResultMessage(e));
                }
            }
        }
    }

    private List<Pending> gather(Pending first) {
        List<Pending> group = new ArrayList<>();
        group.add(first);
        queue.drainTo(group, maxCommands - 1);
        long deadline = System.nanoTime() + maxWaitNanos;
        while (group.size() < maxCommands && maxWaitNanos > 0) {
            long left = deadline - System.nanoTime();
            Pending next;
            try {
                next = left <= 0 ? null : queue.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (next == null) {
                break;
            }
            group.add(next);
            queue.drainTo(group, maxCommands - group.size());
        }
        return group;
    }

    private void runTogether(List<Pending> group) {
        UnitOfWork<?> root = DefaultUnitOfWork.startAndGet(null);
        TransactionStatus status;
        try {
            status = transactions.getTransaction(new DefaultTransactionDefinition());
        } catch (RuntimeException e) {
            root.rollback(e);
            runEachAlone(group);
            return;
        }
        GroupStatements statements = GroupStatements.openIn(root, lockTimeout);
        boolean[] commitStarted = {false};
        root.onCommit(u -> {
            // after the events are stored (the root's prepare-commit), with the deferred inserts unless
            // there were too many events for one statement
            statements.execute(jdbc);
            commitStarted[0] = true;
            transactions.commit(status);
        });
        root.onRollback(u -> {
            if (!status.isCompleted()) {
                transactions.rollback(status);
            }
        });

        List<CommandResultMessage<?>> results = new ArrayList<>(group.size());
        Throwable failure = null;
        CommandResultMessage<?> refusal = null;
        for (Pending pending : group) {
            Result result = new Result();
            try {
                pending.dispatchTo(delegate, result);
            } catch (RuntimeException | Error e) {
                failure = e;
                break;
            }
            if (result.message == null || result.message.isExceptional()) {
                failure = result.message == null
                        ? new IllegalStateException("the command bus did not handle the command on this thread")
                        : result.message.exceptionResult();
                refusal = result.message;
                break;
            }
            results.add(result.message);
        }
        if (failure != null) {
            rollBack(root, failure);
            if (group.size() == 1 && refusal != null) {
                // the handler's own refusal, which it would give alone too: no need to run it again
                group.get(0).answerOnce(refusal);
            } else {
                runEachAlone(group);
            }
            return;
        }
        try {
            root.commit();
        } catch (RuntimeException e) {
            if (!commitStarted[0] || certainlyRolledBack(e)) {
                runEachAlone(group);
            } else {
                log.error("Commit of a group of {} commands failed; it is not known whether it was stored, "
                        + "so each of them is answered with the failure", group.size(), e);
                for (Pending pending : group) {
                    pending.answerOnce(asCommandResultMessage(e));
                }
            }
            return;
        }
        if (group.size() > 1) {
            groups.incrementAndGet();
            grouped.addAndGet(group.size());
        }
        for (int i = 0; i < group.size(); i++) {
            group.get(i).answerOnce(results.get(i));
        }
    }

    private void runEachAlone(List<Pending> group) {
        rerun.addAndGet(group.size());
        for (Pending pending : group) {
            try {
                alone.execute(() -> pending.runAlone(delegate));
            } catch (RejectedExecutionException e) {
                pending.runAlone(delegate);
            }
        }
    }

    private static void rollBack(UnitOfWork<?> root, Throwable cause) {
        // a nested unit of work left open by a failure would make the root's rollback refuse
        while (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get() != root) {
            UnitOfWork<?> nested = CurrentUnitOfWork.get();
            nested.rollback(cause);
        }
        root.rollback(cause);
    }

    /**
     * Whether a failed commit certainly left nothing stored: PostgreSQL refused it for an integrity
     * or serialization failure (which it reports only after rolling back), rather than the
     * connection failing with the outcome unknown.
     */
    static boolean certainlyRolledBack(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("23") || sql.getSQLState().startsWith("40"))) {
                return true;
            }
        }
        return false;
    }

    /** A queued command and the callback its sender waits on. */
    private static final class Pending {
        private final CommandMessage<?> command;
        private final CommandCallback<Object, Object> callback;
        private volatile boolean answered;

        @SuppressWarnings("unchecked")
        Pending(CommandMessage<?> command, CommandCallback<?, ?> callback) {
            this.command = command;
            this.callback = (CommandCallback<Object, Object>) callback;
        }

        /**
         * Its sender waits for an answer without a time limit, so a failure the bus throws instead of
         * reporting (Axon's starts the transaction before the handler, so no connection to be had is
         * thrown) is answered too.
         */
        @SuppressWarnings("unchecked")
        void runAlone(CommandBus bus) {
            answered = true;
            try {
                dispatchTo(bus, callback);
            } catch (RuntimeException | Error e) {
                callback.onResult((CommandMessage<Object>) command, asCommandResultMessage(e));
            }
        }

        @SuppressWarnings("unchecked")
        void dispatchTo(CommandBus bus, CommandCallback<Object, Object> to) {
            bus.dispatch((CommandMessage<Object>) command, to);
        }

        @SuppressWarnings("unchecked")
        void answerOnce(CommandResultMessage<?> result) {
            if (!answered) {
                answered = true;
                callback.onResult((CommandMessage<Object>) command, (CommandResultMessage<Object>) result);
            }
        }
    }

    /** Keeps the result the delegate reports for one command of a group until the group commits. */
    private static final class Result implements CommandCallback<Object, Object> {
        private CommandResultMessage<?> message;

        @Override
        public void onResult(CommandMessage<?> commandMessage,
                             CommandResultMessage<?> commandResultMessage) {
            this.message = commandResultMessage;
        }
    }
}
