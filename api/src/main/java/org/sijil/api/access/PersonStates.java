package org.sijil.api.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.UUID;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.sijil.store.EventLedger;
import org.sijil.store.PersonStateReader;
import org.sijil.core.api.person.PersonNotFoundException;
import org.sijil.core.api.person.PersonState;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A person's current state, folded from their stored events (the write side: never stale).
 *
 * <p>Folding reads, deserialises and decrypts every event of the person, every time. So the folded
 * state is kept together with the sequence number of the last event it folded, and served again only
 * while that is still the person's last stored event — one indexed query
 * ({@code max(sequencenumber)} on the store's unique key), asked on every read. An event stored for
 * the person (a death, a correction, an erasure) changes that number, and the next read folds again:
 * a read answers with the person as they stand after every committed event, as a fold would. The
 * state at a given sequence number never changes (events are never altered), which is what makes it
 * safe to keep.
 *
 * <p>What the cache does not do:
 * <ul>
 *   <li>Inside a transaction or a unit of work it is neither read nor filled: there the person's
 *       events may include uncommitted ones, whose state must not outlive a rollback.</li>
 *   <li>It keeps a person's data at most {@link #MAX_AGE} and forgets it once their erasure is
 *       committed on this node ({@link #forget}), so decrypted data of an erased person do not stay
 *       in memory; other nodes refold at their next read of the person (the erasure is a new event)
 *       and drop the entry within {@link #MAX_AGE} at the latest.</li>
 * </ul>
 */
@Component
public class PersonStates {

    /** How long a folded state may be kept, validated or not. */
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private static final int MAX_SIZE = 20_000;

    private final PersonStateReader persons;
    private final EventLedger ledger;
    private final Cache<UUID, Folded> folded = Caffeine.newBuilder()
            .maximumSize(MAX_SIZE)
            .expireAfterWrite(MAX_AGE)
            .build();

    PersonStates(PersonStateReader persons, EventLedger ledger) {
        this.persons = persons;
        this.ledger = ledger;
    }

    /**
     * The person's state after every event stored for them.
     *
     * @param field the request field that named the person, for the 404's problem
     * @throws PersonNotFoundException if no person has that id (404 {@code person.not-found})
     */
    public PersonState load(UUID personId, String field) {
        if (CurrentUnitOfWork.isStarted() || TransactionSynchronizationManager.isActualTransactionActive()) {
            return fold(personId, field).state();
        }
        Folded cached = folded.getIfPresent(personId);
        if (cached != null) {
            Long last = ledger.version(personId.toString()).orElse(null);
            if (cached.sequenceNumber().equals(last)) {
                return cached.state();
            }
        }
        Folded fresh = fold(personId, field);
        if (fresh.sequenceNumber() != null) {
            folded.asMap().merge(personId, fresh,
                    (old, now) -> now.sequenceNumber() >= old.sequenceNumber() ? now : old);
        }
        return fresh.state();
    }

    /**
     * Drops what is kept of the person at once and, inside a unit of work, again once it commits
     * (a read in between may have kept the state before the erasure; it would not be served, the
     * erasure being a later event, but it would stay in memory). Called when the person is erased.
     */
    public void forget(UUID personId) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(u -> folded.invalidate(personId));
        }
        folded.invalidate(personId);
    }

    private Folded fold(UUID personId, String field) {
        try {
            PersonStateReader.Versioned person = persons.load(personId);
            return new Folded(person.version(), person.state());
        } catch (AggregateNotFoundException e) {
            throw new PersonNotFoundException(field, personId);
        }
    }

    /** A person's state after the event with sequence number {@code sequenceNumber} (null: unknown). */
    private record Folded(Long sequenceNumber, PersonState state) {
    }
}
