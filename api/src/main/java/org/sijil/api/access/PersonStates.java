package org.sijil.api.access;

import java.util.UUID;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.sijil.core.api.PersonNotFoundException;
import org.sijil.core.api.PersonState;
import org.sijil.core.person.Person;
import org.springframework.stereotype.Component;

/** A person's current state, folded from their stored events (the write side: never stale). */
@Component
class PersonStates {

    private final Repository<Person> persons;

    PersonStates(Repository<Person> persons) {
        this.persons = persons;
    }

    /**
     * @throws PersonNotFoundException if no person has that id (404 {@code person.not-found})
     */
    PersonState load(UUID personId, String field) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        ResultMessage<PersonState> result = unitOfWork.executeWithResult(
                () -> persons.load(personId.toString()).invoke(Person::state));
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            if (failure instanceof AggregateNotFoundException) {
                throw new PersonNotFoundException(field, personId);
            }
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(failure);
        }
        return result.getPayload();
    }
}
