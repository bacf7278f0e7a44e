package org.sijil.query.processing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.sijil.core.api.person.PersonErasedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A view's dead-letter queue in which a person's erasure is never parked behind their dead letters.
 *
 * <p>An erasure that finds its person's sequence in the queue drops that sequence and is applied at
 * once: every view deletes all it holds of an erased person, so the parked events could only bring
 * back what the erasure removes. Nothing of the person is then left to retry. The erasure keeps the
 * person's sequence (and so their segment), so it is still applied after every earlier event of
 * theirs that the view did apply.
 */
final class ErasureFirstQueue implements SequencedDeadLetterQueue<EventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(ErasureFirstQueue.class);

    private final String view;
    private final SequencedDeadLetterQueue<EventMessage<?>> queue;

    ErasureFirstQueue(String view, SequencedDeadLetterQueue<EventMessage<?>> queue) {
        this.view = view;
        this.queue = queue;
    }

    @Override
    public boolean enqueueIfPresent(Object sequence, Supplier<DeadLetter<? extends EventMessage<?>>> letterBuilder) {
        if (!queue.contains(sequence)) {
            return false;
        }
        DeadLetter<? extends EventMessage<?>> letter = letterBuilder.get();
        if (!PersonErasedEvent.class.equals(letter.message().getPayloadType())) {
            queue.enqueue(sequence, letter);
            return true;
        }
        List<DeadLetter<? extends EventMessage<?>>> parked = new ArrayList<>();
        queue.deadLetterSequence(sequence).forEach(parked::add);
        parked.forEach(queue::evict);
        log.warn("View {}: an erasure (event {}) drops the {} dead letters of its person", view,
                letter.message().getIdentifier(), parked.size());
        return false;
    }

    @Override
    public void enqueue(Object sequence, DeadLetter<? extends EventMessage<?>> letter) {
        queue.enqueue(sequence, letter);
    }

    @Override
    public void evict(DeadLetter<? extends EventMessage<?>> letter) {
        queue.evict(letter);
    }

    @Override
    public void requeue(DeadLetter<? extends EventMessage<?>> letter,
                        UnaryOperator<DeadLetter<? extends EventMessage<?>>> letterUpdater) {
        queue.requeue(letter, letterUpdater);
    }

    @Override
    public boolean contains(Object sequence) {
        return queue.contains(sequence);
    }

    @Override
    public Iterable<DeadLetter<? extends EventMessage<?>>> deadLetterSequence(Object sequence) {
        return queue.deadLetterSequence(sequence);
    }

    @Override
    public Iterable<Iterable<DeadLetter<? extends EventMessage<?>>>> deadLetters() {
        return queue.deadLetters();
    }

    @Override
    public boolean isFull(Object sequence) {
        return queue.isFull(sequence);
    }

    @Override
    public long size() {
        return queue.size();
    }

    @Override
    public long sequenceSize(Object sequence) {
        return queue.sequenceSize(sequence);
    }

    @Override
    public long amountOfSequences() {
        return queue.amountOfSequences();
    }

    @Override
    public boolean process(Predicate<DeadLetter<? extends EventMessage<?>>> sequenceFilter,
                           Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> task) {
        return queue.process(sequenceFilter, task);
    }

    @Override
    public void clear() {
        queue.clear();
    }
}
