package org.sijil.core.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.sijil.core.api.consent.ConsentRule;
import org.sijil.core.api.FieldRule;
import org.sijil.core.api.RegistryRuleViolation;
import org.sijil.core.api.Rule;
import org.sijil.core.api.person.PersonRule;

/**
 * Consents, legal bases and access records on Axon's in-memory event store, command bus and
 * event-sourcing repositories, wired as the application wires them: given stored events, when a
 * command, expect events or a rule code. ({@code AggregateTestFixture} needs Hamcrest, which is not
 * on this module's test class path.)
 */
final class InMemoryConsents {

    private final InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
    private final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
    final EventSourcingRepository<Consent> consents = EventSourcingRepository.builder(Consent.class)
            .eventStore(store).build();
    private final CommandGateway gateway;

    InMemoryConsents() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        AggregateAnnotationCommandHandler.<Consent>builder().aggregateType(Consent.class).repository(consents)
                .build().subscribe(bus);
        AggregateAnnotationCommandHandler.<LegalBasis>builder().aggregateType(LegalBasis.class)
                .repository(EventSourcingRepository.builder(LegalBasis.class).eventStore(store).build())
                .build().subscribe(bus);
        gateway = DefaultCommandGateway.builder().commandBus(bus).build();
    }

    /** Stores {@code events} as the stream of aggregate {@code id} of {@code type}. */
    void given(String type, UUID id, Object... events) {
        long sequence = 0;
        for (Object event : events) {
            store.publish(new GenericDomainEventMessage<>(type, id.toString(), sequence++, event));
        }
    }

    Object when(Object command) {
        return gateway.sendAndWait(command);
    }

    /** Sends {@code command}, expects the rule {@code code} on {@code field}, and that nothing was stored. */
    void rejects(Object command, String code, String field) {
        long before = storedEventCount();
        breaksRule(() -> when(command), code, field);
        assertThat(storedEventCount()).as("events stored by a rejected command").isEqualTo(before);
    }

    /** Expects {@code action} to break the rule {@code code}, a published one, on {@code field}. */
    static void breaksRule(ThrowingCallable action, String code, String field) {
        assertThat(Stream.of(ConsentRule.values(), PersonRule.values(), FieldRule.values()).flatMap(Stream::of)
                .map(Rule::code)).as("published codes").contains(code);
        RegistryRuleViolation violation = catchThrowableOfType(RegistryRuleViolation.class, action);
        assertThat(violation).as("expected %s on %s", code, field).isNotNull();
        assertThat(violation.code()).as(violation.getMessage()).isEqualTo(code);
        assertThat(violation.field()).isEqualTo(field);
    }

    List<Object> events(UUID id) {
        List<Object> payloads = new ArrayList<>();
        store.readEvents(id.toString()).asStream().forEach(e -> payloads.add(e.getPayload()));
        return payloads;
    }

    Object lastEvent(UUID id) {
        List<Object> all = events(id);
        return all.get(all.size() - 1);
    }

    /** Whether the consent, sourced afresh from its events, authorises a read at {@code at}. */
    boolean authorises(UUID consentId, java.time.Instant at) {
        UnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(null);
        try {
            return consents.load(consentId.toString()).invoke(c -> c.authorises(at));
        } finally {
            uow.rollback();
        }
    }

    long storedEventCount() {
        return engine.readEvents(null, false).count();
    }
}
