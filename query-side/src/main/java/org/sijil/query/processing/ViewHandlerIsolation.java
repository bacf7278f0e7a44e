package org.sijil.query.processing;

import java.util.Set;
import java.util.concurrent.Callable;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Reruns a view's failed batch event by event, so that the one event a view cannot apply is
 * dead-lettered and the rest of the batch commits.
 *
 * <p>A batch first runs as usual, without savepoints: the person and planning views write a whole
 * batch at once when it commits, and a statement that fails aborts the batch's transaction, so
 * neither can tell which event failed. When a batch rolls back, its processor retries it on the
 * same thread; that retry runs each view handler in a unit of work and savepoint of its own (the
 * batched views then write each event as it comes), so a failure undoes that event alone and
 * reaches the dead-lettering invoker as the event's failure. The next batch that commits on that
 * thread ends the event-by-event mode.
 */
final class ViewHandlerIsolation implements HandlerEnhancerDefinition {

    private static final String WATCHED = ViewHandlerIsolation.class.getName() + ".watched";

    private final Set<String> views;
    private final TransactionManager savepoints;
    private final ThreadLocal<Boolean> eventByEvent = ThreadLocal.withInitial(() -> false);

    ViewHandlerIsolation(Set<String> views, TransactionManager savepoints) {
        this.views = views;
        this.savepoints = savepoints;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        ProcessingGroup group = original.declaringClass().getAnnotation(ProcessingGroup.class);
        if (group == null || !views.contains(group.value()) || !original.canHandleMessageType(EventMessage.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                return ViewHandlerIsolation.this.handle(message, () -> original.handle(message, target));
            }
        };
    }

    private Object handle(Message<?> message, Callable<Object> handler) throws Exception {
        if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch)) {
            return handler.call(); // a plain fold, or a dead letter's retry (which has a savepoint per letter)
        }
        batch.getOrComputeResource(WATCHED, key -> {
            batch.onRollback(u -> eventByEvent.set(true));
            batch.afterCommit(u -> eventByEvent.remove());
            return Boolean.TRUE;
        });
        if (!eventByEvent.get()) {
            return handler.call();
        }
        UnitOfWork<?> alone = DefaultUnitOfWork.startAndGet(message);
        alone.attachTransaction(savepoints);
        ResultMessage<?> result = alone.executeWithResult(handler);
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            if (failure instanceof Exception e) {
                throw e;
            }
            throw (Error) failure;
        }
        return result.getPayload();
    }
}
