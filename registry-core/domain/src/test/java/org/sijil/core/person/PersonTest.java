package org.sijil.core.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sijil.core.person.TestData.BASRA;
import static org.sijil.core.person.TestData.MUHAMMAD;
import static org.sijil.core.person.TestData.OFFICE;
import static org.sijil.core.person.TestData.RECORDED_AT;
import static org.sijil.core.person.TestData.ZAINAB;
import static org.sijil.core.person.TestData.born;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sijil.core.api.person.BirthRegisteredEvent;
import org.sijil.core.api.person.ChangeResidenceCommand;
import org.sijil.core.api.person.IdCardIssuedEvent;
import org.sijil.core.api.person.IdCardRevokedEvent;
import org.sijil.core.api.person.MarriageRegisteredEvent;
import org.sijil.core.api.person.NameChangedEvent;
import org.sijil.core.api.person.PersonErasedEvent;
import org.sijil.core.api.person.PersonState;
import org.sijil.core.api.person.RecordCorrectionCommand;
import org.sijil.core.api.person.ResidenceChangedEvent;
import org.sijil.core.api.Sex;
import org.sijil.core.api.person.SpouseRole;

/**
 * One person's record where {@link PersonAggregateTest}'s fixture does not reach: commands chained
 * through a real event store, streams of two persons in one store, and state sourced from the
 * null personal fields an erased person's events read back as. Each rule on its own is tested there.
 */
class PersonTest {

    private static final LocalDate BORN = LocalDate.of(1990, 5, 14);

    private final InMemoryRegistry registry = new InMemoryRegistry();
    private final UUID id = UUID.randomUUID();

    private List<String> givenBorn() {
        return registry.given(id, born(id, MUHAMMAD, Sex.MALE, BORN));
    }

    private RecordCorrectionCommand correctDateOfBirth(String eventId, LocalDate dateOfBirth) {
        return new RecordCorrectionCommand(id, null, eventId, "محكمة بداءة الكرخ", "2024/123",
                LocalDate.of(2024, 3, 1), null, null, dateOfBirth, null, null, "clerical error", OFFICE,
                RECORDED_AT);
    }

    @Test
    void acceptsACorrectionOfACorrectionAsAboutTheOriginalEvent() {
        String birthId = givenBorn().get(0);
        registry.when(correctDateOfBirth(birthId, LocalDate.of(1990, 6, 14)));
        registry.when(correctDateOfBirth(registry.lastEventId(id), LocalDate.of(1990, 7, 14)));
        assertThat(registry.state(id).dateOfBirth()).isEqualTo(LocalDate.of(1990, 7, 14));
    }

    @Test
    void rejectsCorrectionNamingAnEventOfAnotherPerson() {
        givenBorn();
        UUID zainab = UUID.randomUUID();
        String zainabsBirth = registry.given(zainab, born(zainab, ZAINAB, Sex.FEMALE, BORN)).get(0);
        registry.rejects(correctDateOfBirth(zainabsBirth, LocalDate.of(1990, 6, 14)),
                "correction.unknown-event", "correctedEventId");
    }

    @Test
    void sourcesAnErasedPersonWhosePersonalFieldsReadBackAsNull() {
        // As stored events read once the data key is destroyed: every @Personal field is null.
        registry.given(id,
                new BirthRegisteredEvent(id, null, null, Sex.MALE, null, null, null, null, OFFICE, RECORDED_AT),
                new NameChangedEvent(id, null, LocalDate.of(2020, 1, 1), "قرار", OFFICE, RECORDED_AT),
                new ResidenceChangedEvent(id, null, LocalDate.of(2020, 1, 1), OFFICE, RECORDED_AT),
                new IdCardIssuedEvent(id, null, LocalDate.of(2021, 1, 1), LocalDate.of(2031, 1, 1), OFFICE,
                        RECORDED_AT),
                new IdCardRevokedEvent(id, null, LocalDate.of(2022, 1, 1), "lost", OFFICE, RECORDED_AT),
                new MarriageRegisteredEvent(id, UUID.randomUUID(), null, SpouseRole.HUSBAND,
                        LocalDate.of(2015, 1, 1), null, null, OFFICE, RECORDED_AT),
                new PersonErasedEvent(id, "قانون 2024/7", RECORDED_AT));
        PersonState state = registry.state(id);
        assertThat(state.erased()).isTrue();
        assertThat(state.sex()).isEqualTo(Sex.MALE);
        assertThat(state.dateOfBirth()).isNull();
        assertThat(state.idCards()).hasSize(1);
        registry.rejects(new ChangeResidenceCommand(id, null, BASRA, LocalDate.of(2024, 1, 1), OFFICE, RECORDED_AT),
                "person.erased", "personId");
    }
}
