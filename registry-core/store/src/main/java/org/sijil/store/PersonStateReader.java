package org.sijil.store;

import java.util.UUID;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.sijil.core.api.person.PersonState;
import org.sijil.core.person.Person;
import org.springframework.stereotype.Component;

/** A person's current state, folded from their event stream, for readers outside the write side. */
@Component
public class PersonStateReader {

    /** The state and the version (sequence number of the last event) it was folded at. */
    public record Versioned(PersonState state, long version) {
    }

    private final Repository<Person> persons;

    PersonStateReader(Repository<Person> persons) {
        this.persons = persons;
    }

    /**
     * Folds the person's events in a unit of work of its own.
     *
     * @throws AggregateNotFoundException if no person has this id
     */
    public Versioned load(UUID personId) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        ResultMessage<Versioned> result = unitOfWork.executeWithResult(() -> {
            Aggregate<Person> person = persons.load(personId.toString());
            return new Versioned(person.invoke(Person::state), person.version());
        });
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(failure);
        }
        return result.getPayload();
    }
}
