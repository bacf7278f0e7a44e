package org.sijil.core.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.commandhandling.AnnotationCommandHandlerAdapter;
import org.sijil.core.api.person.PersonEvent;
import org.sijil.core.api.person.PersonState;
import org.sijil.core.api.RegistryRuleViolation;
import org.sijil.core.api.person.PersonRule;

/**
 * The write side on Axon's own in-memory infrastructure: an embedded event store, an
 * event-sourcing repository, a simple command bus and the annotated handlers, wired as the
 * application wires them. Every load sources the aggregate from its stored events, so state
 * assertions also exercise the event-sourcing handlers.
 *
 * <p>Used where {@code AggregateTestFixture}, which holds a single aggregate, cannot go: handlers
 * that load several persons (births naming parents, marriages, divorces) and streams of several
 * persons in one store.
 */
final class InMemoryRegistry {

    private final InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
    final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(engine)
            .build();
    final InMemoryIdCardIndex cards = new InMemoryIdCardIndex();
    /** Resolves the aggregate's handler parameters, the ID card index among them. */
    private final ParameterResolverFactory parameters = MultiParameterResolverFactory.ordered(
            ClasspathParameterResolverFactory.forClass(Person.class),
            new SimpleResourceParameterResolverFactory(Set.of(cards)));
    final EventSourcingRepository<Person> persons = EventSourcingRepository.builder(Person.class)
            .eventStore(store)
            .parameterResolverFactory(parameters)
            .build();
    final InMemoryPersonIndex index = new InMemoryPersonIndex();
    final InMemoryMarriageIndex marriages = new InMemoryMarriageIndex();
    private final CommandGateway gateway;
    private final Map<UUID, Long> sequences = new HashMap<>();

    InMemoryRegistry() {
        this(new SecureRandom());
    }

    /** @param random where the national numbers it allocates come from */
    InMemoryRegistry(SecureRandom random) {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        AggregateAnnotationCommandHandler.<Person>builder()
                .aggregateType(Person.class)
                .parameterResolverFactory(parameters)
                .repository(persons)
                .build()
                .subscribe(bus);
        new AnnotationCommandHandlerAdapter<>(new BirthCommandHandler(persons, index, random)).subscribe(bus);
        new AnnotationCommandHandlerAdapter<>(new MarriageCommandHandler(persons, marriages)).subscribe(bus);
        gateway = DefaultCommandGateway.builder().commandBus(bus).build();
    }

    /** Stores {@code events} in the person's stream and returns their message identifiers. */
    List<String> given(UUID personId, PersonEvent... events) {
        List<String> ids = new ArrayList<>();
        for (PersonEvent event : events) {
            long sequence = sequences.merge(personId, 1L, Long::sum) - 1;
            DomainEventMessage<PersonEvent> message =
                    new GenericDomainEventMessage<>("Person", personId.toString(), sequence, event);
            store.publish(message);
            ids.add(message.getIdentifier());
            if (event instanceof org.sijil.core.api.person.BirthRegisteredEvent birth) {
                index.claims.put(birth.nationalNumber(), personId);
            }
        }
        return ids;
    }

    /** Sends {@code command} and waits for it to succeed. */
    Object when(Object command) {
        return gateway.sendAndWait(command);
    }

    /** Sends {@code command}, expects the rule {@code code} on {@code field}, and that nothing was stored. */
    RegistryRuleViolation rejects(Object command, String code, String field) {
        assertThat(Stream.of(PersonRule.values()).map(PersonRule::code)).as("published codes").contains(code);
        long before = storedEventCount();
        RegistryRuleViolation violation = catchThrowableOfType(RegistryRuleViolation.class, () -> when(command));
        assertThat(violation).as("expected %s on %s", code, field).isNotNull();
        assertThat(violation.code()).isEqualTo(code);
        assertThat(violation.field()).isEqualTo(field);
        assertThat(storedEventCount()).as("events stored by a rejected command").isEqualTo(before);
        return violation;
    }

    /** Every event payload in the person's stream, oldest first. */
    List<Object> events(UUID personId) {
        List<Object> payloads = new ArrayList<>();
        store.readEvents(personId.toString()).asStream().forEach(e -> payloads.add(e.getPayload()));
        return payloads;
    }

    String lastEventId(UUID personId) {
        List<String> ids = new ArrayList<>();
        store.readEvents(personId.toString()).asStream().forEach(e -> ids.add(e.getIdentifier()));
        return ids.get(ids.size() - 1);
    }

    Object lastEvent(UUID personId) {
        List<Object> all = events(personId);
        return all.get(all.size() - 1);
    }

    /** The person's current state, sourced afresh from the stored events. */
    PersonState state(UUID personId) {
        UnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(null);
        try {
            return persons.load(personId.toString()).invoke(Person::state);
        } finally {
            uow.rollback();
        }
    }

    long storedEventCount() {
        // The engine's own finite read: the store's stream would tail forever.
        return engine.readEvents(null, false).count();
    }

    /** The national-number lookup table, releasing a claim when its unit of work rolls back. */
    static final class InMemoryPersonIndex implements PersonIndex {
        final Map<String, UUID> claims = new HashMap<>();

        @Override
        public void claimNationalNumber(String nationalNumber, UUID personId) {
            if (claims.containsValue(personId)) {
                throw new RegistryRuleViolation(PersonRule.PERSON_ALREADY_REGISTERED, "personId",
                        "Person already registered");
            }
            UUID holder = claims.get(nationalNumber);
            if (holder != null) {
                throw new RegistryRuleViolation(PersonRule.NATIONAL_NUMBER_TAKEN, "nationalNumber",
                        "National number already taken");
            }
            claims.put(nationalNumber, personId);
            CurrentUnitOfWork.ifStarted(uow -> uow.onRollback(u -> claims.remove(nationalNumber)));
        }
    }

    /** The ID card number lookup table, releasing a claim when its unit of work rolls back. */
    static final class InMemoryIdCardIndex implements IdCardIndex {
        final Map<String, UUID> holders = new HashMap<>();

        @Override
        public void claim(String cardNumber, UUID personId) {
            UUID holder = holders.putIfAbsent(cardNumber, personId);
            if (holder != null && !holder.equals(personId)) {
                throw new RegistryRuleViolation(PersonRule.ID_CARD_NUMBER_TAKEN, "cardNumber",
                        "Card number held by another person");
            }
            if (holder == null) {
                CurrentUnitOfWork.ifStarted(uow -> uow.onRollback(u -> holders.remove(cardNumber)));
            }
        }
    }

    /** The marriage lookup table, forgetting a marriage when its unit of work rolls back. */
    static final class InMemoryMarriageIndex implements MarriageIndex {
        final Map<UUID, Spouses> spouses = new HashMap<>();

        @Override
        public void record(UUID marriageId, UUID husbandId, UUID wifeId) {
            spouses.put(marriageId, new Spouses(husbandId, wifeId));
            CurrentUnitOfWork.ifStarted(uow -> uow.onRollback(u -> spouses.remove(marriageId)));
        }

        @Override
        public Optional<Spouses> find(UUID marriageId) {
            return Optional.ofNullable(spouses.get(marriageId));
        }
    }
}
