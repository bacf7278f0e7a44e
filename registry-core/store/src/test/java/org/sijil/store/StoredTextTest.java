package org.sijil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.sijil.core.api.person.DeathRegisteredEvent;
import org.sijil.core.api.LineageName;
import org.sijil.core.api.person.NameChangedEvent;
import org.sijil.core.api.person.PersonEvent;
import org.sijil.core.api.PersonName;
import org.sijil.core.api.Place;
import org.sijil.core.api.person.ResidenceChangedEvent;
import org.sijil.core.text.TextRefusedException;
import org.sijil.core.text.TextRule;

class StoredTextTest {

    static List<Class<?>> eventTypes() {
        return List.of(PersonEvent.class.getPermittedSubclasses());
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void passesEverySampleEvent(Class<?> type) {
        StoredText.check(message(SampleEvents.of(type), MetaData.with("officer", "registrar-baghdad")));
    }

    @Test
    void refusesANulInALocalityNamingItsPath() {
        ResidenceChangedEvent event = new ResidenceChangedEvent(SampleEvents.PERSON,
                new Place("BGD", null, "حي المنصور\u0000"), LocalDate.of(2021, 2, 1), "BGD-KARKH-01", SampleEvents.AT);
        assertThatThrownBy(() -> StoredText.check(message(event, MetaData.emptyInstance())))
                .isInstanceOfSatisfying(TextRefusedException.class, e -> {
                    assertThat(e.rule()).isEqualTo(TextRule.FORBIDDEN_CHARACTER);
                    assertThat(e.field()).isEqualTo("payload.residence.locality");
                });
    }

    @Test
    void refusesTooManyMarksDeepInAName() {
        PersonName name = new PersonName(new LineageName("محمد", "علي", "حسين", null, "فاطمة",
                "ع\u064E\u0651\u0670\u0654\u0650باس"), null, null);
        NameChangedEvent event = new NameChangedEvent(SampleEvents.PERSON, name, LocalDate.of(2022, 3, 1), "2022/118",
                "BGD-KARKH-01", SampleEvents.AT);
        assertThatThrownBy(() -> StoredText.check(message(event, MetaData.emptyInstance())))
                .isInstanceOfSatisfying(TextRefusedException.class, e -> {
                    assertThat(e.rule()).isEqualTo(TextRule.COMBINING_MARKS);
                    assertThat(e.field()).isEqualTo("payload.newName.arabic.maternalGrandfather");
                });
    }

    @Test
    void refusesTextThatIsNotInNfc() {
        DeathRegisteredEvent event = new DeathRegisteredEvent(SampleEvents.PERSON, LocalDate.of(2025, 3, 1),
                new Place("BGD", null, "\u0627\u0654\u062D\u0645\u062F"), "I21.9", "BGD-KARKH-01", SampleEvents.AT);
        assertThatThrownBy(() -> StoredText.check(message(event, MetaData.emptyInstance())))
                .isInstanceOfSatisfying(TextRefusedException.class,
                        e -> assertThat(e.rule()).isEqualTo(TextRule.NOT_NORMALISED));
    }

    @Test
    void refusesABidiOverrideInTheMetadata() {
        EventMessage<?> event = message(SampleEvents.of(DeathRegisteredEvent.class),
                MetaData.with("officer", "registrar\u202Eupyalr").and("officerRole", "REGISTRAR"));
        assertThatThrownBy(() -> StoredText.check(event))
                .isInstanceOfSatisfying(TextRefusedException.class,
                        e -> assertThat(e.field()).isEqualTo("metadata.officer"));
    }

    @Test
    void refusesTextInListsAndMapKeys() {
        assertThatThrownBy(() -> StoredText.check(message(new Holder(List.of("a", "b\u2028"), Map.of()),
                MetaData.emptyInstance())))
                .isInstanceOfSatisfying(TextRefusedException.class,
                        e -> assertThat(e.field()).isEqualTo("payload.values[1]"));
        assertThatThrownBy(() -> StoredText.check(message(new Holder(List.of(), Map.of("k\u0085", 1)),
                MetaData.emptyInstance())))
                .isInstanceOfSatisfying(TextRefusedException.class,
                        e -> assertThat(e.field()).isEqualTo("payload.counts"));
    }

    @Test
    void refusesATypeWhoseTextItCannotSee() {
        assertThatThrownBy(() -> StoredText.check(message(new OpaqueHolder(new Object()),
                MetaData.emptyInstance())))
                .isInstanceOf(IllegalArgumentException.class)
                .isNotInstanceOf(TextRefusedException.class)
                .hasMessageContaining("java.lang.Object");
    }

    record Holder(List<String> values, Map<String, Integer> counts) {
    }

    record OpaqueHolder(Object opaque) {
    }

    private static EventMessage<?> message(Object payload, MetaData metaData) {
        return new GenericDomainEventMessage<>("Person", SampleEvents.PERSON.toString(), 0L, payload, metaData);
    }
}
