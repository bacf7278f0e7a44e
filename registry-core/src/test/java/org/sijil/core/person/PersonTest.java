package org.sijil.core.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sijil.core.person.TestData.BAGHDAD;
import static org.sijil.core.person.TestData.BASRA;
import static org.sijil.core.person.TestData.MUHAMMAD;
import static org.sijil.core.person.TestData.OFFICE;
import static org.sijil.core.person.TestData.RECORDED_AT;
import static org.sijil.core.person.TestData.TODAY;
import static org.sijil.core.person.TestData.born;
import static org.sijil.core.person.TestData.name;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sijil.core.api.BirthRegisteredEvent;
import org.sijil.core.api.ChangeNameCommand;
import org.sijil.core.api.ChangeResidenceCommand;
import org.sijil.core.api.CorrectionRecordedEvent;
import org.sijil.core.api.DeathRegisteredEvent;
import org.sijil.core.api.ErasePersonCommand;
import org.sijil.core.api.IdCardIssuedEvent;
import org.sijil.core.api.IdCardRevokedEvent;
import org.sijil.core.api.IssueIdCardCommand;
import org.sijil.core.api.NameChangedEvent;
import org.sijil.core.api.PersonErasedEvent;
import org.sijil.core.api.PersonName;
import org.sijil.core.api.PersonState;
import org.sijil.core.api.RecordCorrectionCommand;
import org.sijil.core.api.RegisterDeathCommand;
import org.sijil.core.api.ResidenceChangedEvent;
import org.sijil.core.api.RevokeIdCardCommand;
import org.sijil.core.api.Sex;

/** Rules of one person's record: given stored events, when a command, expect events or a rule code. */
class PersonTest {

    private static final LocalDate BORN = LocalDate.of(1990, 5, 14);

    private final InMemoryRegistry registry = new InMemoryRegistry();
    private final UUID id = UUID.randomUUID();

    private List<String> givenBorn() {
        return registry.given(id, born(id, MUHAMMAD, Sex.MALE, BORN));
    }

    private RegisterDeathCommand death(LocalDate date, Instant recordedAt) {
        return new RegisterDeathCommand(id, null, date, BAGHDAD, "I21.9", OFFICE, recordedAt);
    }

    private DeathRegisteredEvent died(LocalDate date) {
        return new DeathRegisteredEvent(id, date, BAGHDAD, "I21.9", OFFICE, RECORDED_AT);
    }

    private RecordCorrectionCommand correction(String eventId, PersonName name, Sex sex, LocalDate dateOfBirth,
                                               LocalDate dateOfDeath) {
        return new RecordCorrectionCommand(id, null, eventId, "محكمة بداءة الكرخ", "2024/123",
                LocalDate.of(2024, 3, 1), name, sex, dateOfBirth, null, dateOfDeath, "clerical error", OFFICE,
                RECORDED_AT);
    }

    private IssueIdCardCommand issue(String card, LocalDate issuedOn, LocalDate expiresOn) {
        return new IssueIdCardCommand(id, null, card, issuedOn, expiresOn, OFFICE, RECORDED_AT);
    }

    private RevokeIdCardCommand revoke(String card, LocalDate revokedOn) {
        return new RevokeIdCardCommand(id, null, card, revokedOn, "lost", OFFICE, RECORDED_AT);
    }

    // ---- death

    @Test
    void registersDeathAndTheStateShowsThePersonDeceased() {
        givenBorn();
        registry.when(death(LocalDate.of(2024, 3, 1), RECORDED_AT));
        assertThat(registry.lastEvent(id)).isEqualTo(died(LocalDate.of(2024, 3, 1)));
        PersonState state = registry.state(id);
        assertThat(state.alive()).isFalse();
        assertThat(state.dateOfDeath()).isEqualTo(LocalDate.of(2024, 3, 1));
    }

    @Test
    void rejectsDeathDateBeforeBirthDate() {
        givenBorn();
        registry.rejects(death(BORN.minusDays(1), RECORDED_AT), "death.before-birth", "dateOfDeath");
    }

    @Test
    void rejectsDeathDateAfterTheRegistrationDate() {
        givenBorn();
        registry.rejects(death(TODAY.plusDays(1), RECORDED_AT), "date.in-future", "dateOfDeath");
    }

    @Test
    void takesTheRegistrationDateInBaghdadNotUtc() {
        givenBorn();
        // 22:30 UTC on 10 March is 01:30 on 11 March in Baghdad (UTC+3).
        registry.when(death(TODAY.plusDays(1), Instant.parse("2024-03-10T22:30:00Z")));
        assertThat(registry.state(id).dateOfDeath()).isEqualTo(TODAY.plusDays(1));
    }

    @Test
    void rejectsDeathDatedBeforeALifeEventAlreadyRecorded() {
        givenBorn();
        registry.given(id, new ResidenceChangedEvent(id, BASRA, LocalDate.of(2020, 1, 1), OFFICE, RECORDED_AT));
        registry.rejects(death(LocalDate.of(2019, 12, 31), RECORDED_AT), "death.before-last-event", "dateOfDeath");
    }

    @Test
    void rejectsASecondDeath() {
        givenBorn();
        registry.given(id, died(LocalDate.of(2023, 1, 1)));
        registry.rejects(death(LocalDate.of(2023, 1, 2), RECORDED_AT), "person.deceased", "personId");
    }

    @Test
    void rejectsALifeEventAfterDeath() {
        givenBorn();
        registry.given(id, died(LocalDate.of(2023, 1, 1)));
        registry.rejects(new ChangeResidenceCommand(id, null, BASRA, LocalDate.of(2022, 1, 1), OFFICE, RECORDED_AT),
                "person.deceased", "personId");
    }

    // ---- name and residence

    @Test
    void changesNameAndTheStateShowsTheNewName() {
        givenBorn();
        PersonName newName = name("حسن", "علي", "حسين", "الجبوري", "فاطمة", "عباس");
        registry.when(new ChangeNameCommand(id, null, newName, LocalDate.of(2024, 2, 1), "قرار 55/2024", OFFICE,
                RECORDED_AT));
        assertThat(registry.lastEvent(id)).isEqualTo(new NameChangedEvent(id, newName, LocalDate.of(2024, 2, 1),
                "قرار 55/2024", OFFICE, RECORDED_AT));
        assertThat(registry.state(id).name()).isEqualTo(newName);
    }

    @Test
    void rejectsANameWithoutTheGrandfathersName() {
        givenBorn();
        PersonName incomplete = name("حسن", "علي", " ", "الجبوري", null, null);
        registry.rejects(new ChangeNameCommand(id, null, incomplete, LocalDate.of(2024, 2, 1), "قرار 55/2024",
                OFFICE, RECORDED_AT), "name.incomplete", "newName");
    }

    @Test
    void rejectsResidenceChangeDatedBeforeBirth() {
        givenBorn();
        registry.rejects(new ChangeResidenceCommand(id, null, BASRA, BORN.minusDays(1), OFFICE, RECORDED_AT),
                "date.before-birth", "since");
    }

    @Test
    void rejectsAResidenceWithoutGovernorate() {
        givenBorn();
        registry.rejects(new ChangeResidenceCommand(id, null, new org.sijil.core.api.Place(" ", null, "x"),
                LocalDate.of(2020, 1, 1), OFFICE, RECORDED_AT), "place.incomplete", "residence");
    }

    @Test
    void rejectsACommandWithoutItsLegalReference() {
        givenBorn();
        registry.rejects(new ChangeNameCommand(id, null, MUHAMMAD, LocalDate.of(2024, 2, 1), "", OFFICE,
                RECORDED_AT), "field.required", "legalReference");
    }

    @Test
    void changesResidence() {
        givenBorn();
        registry.when(new ChangeResidenceCommand(id, null, BASRA, LocalDate.of(2020, 1, 1), OFFICE, RECORDED_AT));
        assertThat(registry.state(id).residence()).isEqualTo(BASRA);
    }

    // ---- ID cards

    @Test
    void issuesAnIdCard() {
        givenBorn();
        registry.when(issue("A1234567", LocalDate.of(2024, 1, 1), LocalDate.of(2034, 1, 1)));
        assertThat(registry.lastEvent(id)).isEqualTo(new IdCardIssuedEvent(id, "A1234567", LocalDate.of(2024, 1, 1),
                LocalDate.of(2034, 1, 1), OFFICE, RECORDED_AT));
        assertThat(registry.state(id).idCards()).singleElement()
                .extracting(PersonState.IdCard::status).isEqualTo(PersonState.IdCardStatus.ISSUED);
    }

    @Test
    void rejectsAnIdCardExpiringOnOrBeforeItsIssue() {
        givenBorn();
        registry.rejects(issue("A1234567", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 1)),
                "id-card.expiry-not-after-issue", "expiresOn");
    }

    @Test
    void rejectsIssuingTheSameCardNumberTwice() {
        givenBorn();
        registry.when(issue("A1234567", LocalDate.of(2024, 1, 1), LocalDate.of(2034, 1, 1)));
        registry.rejects(issue("A1234567", LocalDate.of(2024, 2, 1), LocalDate.of(2034, 2, 1)),
                "id-card.duplicate", "cardNumber");
    }

    @Test
    void revokesAHeldCard() {
        givenBorn();
        registry.given(id, new IdCardIssuedEvent(id, "A1234567", LocalDate.of(2024, 1, 1), LocalDate.of(2034, 1, 1),
                OFFICE, RECORDED_AT));
        registry.when(revoke("A1234567", LocalDate.of(2024, 3, 1)));
        assertThat(registry.lastEvent(id)).isEqualTo(new IdCardRevokedEvent(id, "A1234567", LocalDate.of(2024, 3, 1),
                "lost", OFFICE, RECORDED_AT));
        assertThat(registry.state(id).idCards()).singleElement()
                .extracting(PersonState.IdCard::status).isEqualTo(PersonState.IdCardStatus.REVOKED);
    }

    @Test
    void rejectsRevokingACardThePersonDoesNotHold() {
        givenBorn();
        registry.rejects(revoke("B7654321", LocalDate.of(2024, 3, 1)), "id-card.not-held", "cardNumber");
    }

    @Test
    void rejectsRevokingACardAlreadyRevoked() {
        givenBorn();
        registry.given(id,
                new IdCardIssuedEvent(id, "A1234567", LocalDate.of(2024, 1, 1), LocalDate.of(2034, 1, 1), OFFICE,
                        RECORDED_AT),
                new IdCardRevokedEvent(id, "A1234567", LocalDate.of(2024, 2, 1), "lost", OFFICE, RECORDED_AT));
        registry.rejects(revoke("A1234567", LocalDate.of(2024, 3, 1)), "id-card.already-revoked", "cardNumber");
    }

    @Test
    void rejectsRevocationDatedBeforeIssue() {
        givenBorn();
        registry.given(id, new IdCardIssuedEvent(id, "A1234567", LocalDate.of(2024, 1, 1), LocalDate.of(2034, 1, 1),
                OFFICE, RECORDED_AT));
        registry.rejects(revoke("A1234567", LocalDate.of(2023, 12, 31)), "id-card.revoked-before-issue", "revokedOn");
    }

    @Test
    void revokesTheCardOfADeceasedHolder() {
        givenBorn();
        registry.given(id,
                new IdCardIssuedEvent(id, "A1234567", LocalDate.of(2024, 1, 1), LocalDate.of(2034, 1, 1), OFFICE,
                        RECORDED_AT),
                died(LocalDate.of(2024, 2, 1)));
        registry.when(revoke("A1234567", LocalDate.of(2024, 3, 1)));
        assertThat(registry.lastEvent(id)).isInstanceOf(IdCardRevokedEvent.class);
    }

    @Test
    void rejectsIssuingACardToADeceasedPerson() {
        givenBorn();
        registry.given(id, died(LocalDate.of(2024, 2, 1)));
        registry.rejects(issue("A1234567", LocalDate.of(2024, 1, 1), LocalDate.of(2034, 1, 1)),
                "person.deceased", "personId");
    }

    // ---- corrections

    @Test
    void correctsTheDateOfBirthWithoutRewritingTheBirthEvent() {
        String birthId = givenBorn().get(0);
        BirthRegisteredEvent original = (BirthRegisteredEvent) registry.events(id).get(0);
        registry.when(correction(birthId, null, null, LocalDate.of(1990, 6, 14), null));
        assertThat(registry.events(id)).hasSize(2).first().isEqualTo(original);
        assertThat(registry.lastEvent(id)).isInstanceOf(CorrectionRecordedEvent.class);
        assertThat(registry.state(id).dateOfBirth()).isEqualTo(LocalDate.of(1990, 6, 14));
    }

    @Test
    void correctsNameAndSexRecordedAtBirth() {
        String birthId = givenBorn().get(0);
        PersonName corrected = name("محمّد", "علي", "حسين", "الجبوري", "فاطمة", "عباس");
        registry.when(correction(birthId, corrected, Sex.FEMALE, null, null));
        PersonState state = registry.state(id);
        assertThat(state.name()).isEqualTo(corrected);
        assertThat(state.sex()).isEqualTo(Sex.FEMALE);
    }

    @Test
    void correctingASupersededNameLeavesTheCurrentNameAlone() {
        String birthId = givenBorn().get(0);
        PersonName later = name("حسن", "علي", "حسين", "الجبوري", "فاطمة", "عباس");
        registry.given(id, new NameChangedEvent(id, later, LocalDate.of(2020, 1, 1), "قرار 1/2020", OFFICE,
                RECORDED_AT));
        registry.when(correction(birthId, name("محمّد", "علي", "حسين", "الجبوري", "فاطمة", "عباس"), null, null, null));
        assertThat(registry.state(id).name()).isEqualTo(later);
    }

    @Test
    void acceptsACorrectionOfACorrectionAsAboutTheOriginalEvent() {
        String birthId = givenBorn().get(0);
        registry.when(correction(birthId, null, null, LocalDate.of(1990, 6, 14), null));
        registry.when(correction(registry.lastEventId(id), null, null, LocalDate.of(1990, 7, 14), null));
        assertThat(registry.state(id).dateOfBirth()).isEqualTo(LocalDate.of(1990, 7, 14));
    }

    @Test
    void rejectsCorrectionNamingAnEventOfAnotherPerson() {
        givenBorn();
        UUID other = UUID.randomUUID();
        String othersBirth = registry.given(other, born(other, MUHAMMAD, Sex.MALE, BORN)).get(0);
        registry.rejects(correction(othersBirth, null, null, LocalDate.of(1990, 6, 14), null),
                "correction.unknown-event", "correctedEventId");
    }

    @Test
    void rejectsCorrectionWithoutCorrectedValues() {
        String birthId = givenBorn().get(0);
        registry.rejects(correction(birthId, null, null, null, null), "correction.empty", null);
    }

    @Test
    void rejectsCorrectingADateOfDeathOnTheBirthEvent() {
        String birthId = givenBorn().get(0);
        registry.rejects(correction(birthId, null, null, null, LocalDate.of(2020, 1, 1)),
                "correction.not-applicable", "dateOfDeath");
    }

    @Test
    void rejectsCorrectingTheBirthOfADeceasedPerson() {
        String birthId = givenBorn().get(0);
        registry.given(id, died(LocalDate.of(2023, 1, 1)));
        registry.rejects(correction(birthId, null, null, LocalDate.of(1990, 6, 14), null),
                "person.deceased", "correctedEventId");
    }

    @Test
    void correctsTheDateOfDeathOfADeceasedPerson() {
        givenBorn();
        String deathId = registry.given(id, died(LocalDate.of(2023, 1, 1))).get(0);
        registry.when(correction(deathId, null, null, null, LocalDate.of(2022, 12, 31)));
        assertThat(registry.state(id).dateOfDeath()).isEqualTo(LocalDate.of(2022, 12, 31));
    }

    @Test
    void rejectsACorrectedDateOfDeathBeforeBirth() {
        givenBorn();
        String deathId = registry.given(id, died(LocalDate.of(2023, 1, 1))).get(0);
        registry.rejects(correction(deathId, null, null, null, BORN.minusDays(1)), "death.before-birth", "dateOfDeath");
    }

    @Test
    void rejectsACorrectedDateOfBirthAfterALifeEvent() {
        String birthId = givenBorn().get(0);
        registry.given(id, new ResidenceChangedEvent(id, BASRA, LocalDate.of(2000, 1, 1), OFFICE, RECORDED_AT));
        registry.rejects(correction(birthId, null, null, LocalDate.of(2001, 1, 1), null),
                "date.before-birth", "dateOfBirth");
    }

    @Test
    void rejectsACorrectionJudgmentDatedAfterTheRegistrationDate() {
        String birthId = givenBorn().get(0);
        RecordCorrectionCommand c = correction(birthId, null, null, LocalDate.of(1990, 6, 14), null);
        registry.rejects(new RecordCorrectionCommand(id, null, birthId, c.court(), c.judgmentReference(),
                TODAY.plusDays(2), null, null, c.dateOfBirth(), null, null, c.reason(), OFFICE, RECORDED_AT),
                "date.in-future", "judgmentDate");
    }

    // ---- erasure

    @Test
    void erasesAPersonAndForgetsTheirPersonalData() {
        givenBorn();
        registry.when(new ErasePersonCommand(id, "قانون 2024/7", RECORDED_AT));
        assertThat(registry.lastEvent(id)).isEqualTo(new PersonErasedEvent(id, "قانون 2024/7", RECORDED_AT));
        PersonState state = registry.state(id);
        assertThat(state.erased()).isTrue();
        assertThat(state.name()).isNull();
        assertThat(state.nationalNumber()).isNull();
    }

    @Test
    void rejectsEveryCommandAfterErasure() {
        String birthId = givenBorn().get(0);
        registry.given(id, new PersonErasedEvent(id, "قانون 2024/7", RECORDED_AT));
        registry.rejects(death(LocalDate.of(2024, 1, 1), RECORDED_AT), "person.erased", "personId");
        registry.rejects(revoke("A1234567", LocalDate.of(2024, 3, 1)), "person.erased", "personId");
        registry.rejects(correction(birthId, null, null, LocalDate.of(1990, 6, 14), null), "person.erased", "personId");
        registry.rejects(new ErasePersonCommand(id, "قانون 2024/8", RECORDED_AT), "person.erased", "personId");
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
                new org.sijil.core.api.MarriageRegisteredEvent(id, UUID.randomUUID(), null,
                        org.sijil.core.api.SpouseRole.HUSBAND, LocalDate.of(2015, 1, 1), null, null, OFFICE,
                        RECORDED_AT),
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
