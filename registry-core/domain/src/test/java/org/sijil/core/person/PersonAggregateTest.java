package org.sijil.core.person;

import org.sijil.core.api.person.RegisteredBirth;
import org.sijil.core.api.FieldRule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.sijil.core.person.TestData.BAGHDAD;
import static org.sijil.core.person.TestData.BASRA;
import static org.sijil.core.person.TestData.MUHAMMAD;
import static org.sijil.core.person.TestData.OFFICE;
import static org.sijil.core.person.TestData.RECORDED_AT;
import static org.sijil.core.person.TestData.TODAY;
import static org.sijil.core.person.TestData.ZAINAB;
import static org.sijil.core.person.TestData.born;
import static org.sijil.core.person.TestData.name;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sijil.core.api.person.BirthRegisteredEvent;
import org.sijil.core.api.person.ChangeNameCommand;
import org.sijil.core.api.person.ChangeResidenceCommand;
import org.sijil.core.api.person.CorrectionRecordedEvent;
import org.sijil.core.api.person.DeathRegisteredEvent;
import org.sijil.core.api.person.ErasePersonCommand;
import org.sijil.core.api.person.IdCardIssuedEvent;
import org.sijil.core.api.person.IdCardRevokedEvent;
import org.sijil.core.api.person.IssueIdCardCommand;
import org.sijil.core.api.person.NameChangedEvent;
import org.sijil.core.api.person.PersonErasedEvent;
import org.sijil.core.api.PersonName;
import org.sijil.core.api.person.PersonState;
import org.sijil.core.api.Place;
import org.sijil.core.api.person.RecordCorrectionCommand;
import org.sijil.core.api.person.RegisterBirthCommand;
import org.sijil.core.api.person.RegisterDeathCommand;
import org.sijil.core.api.RegistryRuleViolation;
import org.sijil.core.api.person.ResidenceChangedEvent;
import org.sijil.core.api.person.RevokeIdCardCommand;
import org.sijil.core.api.person.PersonRule;
import org.sijil.core.api.Sex;
import org.sijil.core.person.InMemoryRegistry.InMemoryIdCardIndex;

/**
 * Every rule one {@link Person} enforces through its own command handlers, on Axon's
 * {@link AggregateTestFixture}: given past events, when a command, expect the exact new events
 * or the rule's code and field with nothing applied. The fixture also re-sources the aggregate
 * after each successful command and fails on any state an event-sourcing handler would not rebuild.
 *
 * <p>A correction names the message identifier of an earlier event. The fixture re-wraps every
 * given event in a message of its own (a {@code DomainEventMessage} given with a chosen
 * identifier keeps only its payload and metadata), so tests read the identifier it assigned back
 * from the fixture's event store: see {@link #idOfGiven(long)}.
 *
 * <p>Rules that need two aggregates — parents at birth, both spouses at marriage and divorce —
 * are in {@link BirthCommandHandlerTest} and {@link MarriageCommandHandlerTest}.
 */
class PersonAggregateTest {

    private static final LocalDate BORN = LocalDate.of(1990, 5, 14);
    private static final String CAUSE = "I21.9";
    private static final String COURT = "محكمة بداءة الكرخ";
    private static final String JUDGMENT = "2024/123";
    private static final LocalDate JUDGMENT_DATE = LocalDate.of(2024, 3, 1);
    private static final String NAME_DECISION = "قرار 55/2024";
    private static final String ERASURE_LAW = "قانون 2024/7";
    private static final String CARD = "A1234567";
    private static final LocalDate CARD_ISSUED = LocalDate.of(2024, 1, 1);
    private static final LocalDate CARD_EXPIRES = LocalDate.of(2034, 1, 1);
    /** حسن علي حسين الجبوري: Muhammad's name after a legal change of the given name. */
    private static final PersonName HASAN = name("حسن", "علي", "حسين", "الجبوري", "فاطمة", "عباس");

    private final UUID id = UUID.randomUUID();
    /** The ID card numbers held across the registry, as the set-based index sees them. */
    private final InMemoryIdCardIndex cards = new InMemoryIdCardIndex();
    private final FixtureConfiguration<Person> fixture = fixture(cards);

    // ------------------------------------------------------------------------------------ death

    @Test
    void registersADeath() {
        fixture.given(bornMuhammad())
                .when(death(LocalDate.of(2024, 3, 1)))
                .expectEvents(died(LocalDate.of(2024, 3, 1)))
                .expectState(person -> assertThat(person.state().alive()).isFalse());
    }

    @Test
    void takesTheRegistrationDateInBaghdadNotUtc() {
        // 22:30 UTC on 10 March is 01:30 on 11 March in Baghdad (UTC+3).
        Instant lateEvening = Instant.parse("2024-03-10T22:30:00Z");
        fixture.given(bornMuhammad())
                .when(new RegisterDeathCommand(id, null, TODAY.plusDays(1), BAGHDAD, CAUSE, OFFICE, lateEvening))
                .expectEvents(new DeathRegisteredEvent(id, TODAY.plusDays(1), BAGHDAD, CAUSE, OFFICE, lateEvening));
    }

    @Test
    void rejectsDeathDateBeforeBirthDate() {
        fixture.given(bornMuhammad())
                .when(death(BORN.minusDays(1)))
                .expectNoEvents()
                .expectException(RegistryRuleViolation.class)
                .expectException(violationOf(PersonRule.DEATH_BEFORE_BIRTH.code(), "dateOfDeath"));
    }

    @Test
    void rejectsDeathDateAfterTheRegistrationDate() {
        fixture.given(bornMuhammad())
                .when(death(TODAY.plusDays(1)))
                .expectNoEvents()
                .expectException(RegistryRuleViolation.class)
                .expectException(violationOf(PersonRule.DATE_IN_FUTURE.code(), "dateOfDeath"));
    }

    @Test
    void rejectsDeathDatedBeforeALifeEventAlreadyRecorded() {
        fixture.given(bornMuhammad(), movedToBasra(LocalDate.of(2020, 1, 1)))
                .when(death(LocalDate.of(2019, 12, 31)))
                .expectNoEvents()
                .expectException(RegistryRuleViolation.class)
                .expectException(violationOf(PersonRule.DEATH_BEFORE_LAST_EVENT.code(), "dateOfDeath"));
    }

    @Test
    void rejectsDeathWithoutItsRegistrationOffice() {
        fixture.given(bornMuhammad())
                .when(new RegisterDeathCommand(id, null, LocalDate.of(2024, 3, 1), BAGHDAD, CAUSE, " ", RECORDED_AT))
                .expectNoEvents()
                .expectException(RegistryRuleViolation.class)
                .expectException(violationOf(FieldRule.REQUIRED.code(), "registrationOffice"));
    }

    @Test
    void rejectsACommandWithoutItsRegistrationTime() {
        fixture.given(bornMuhammad())
                .when(new RegisterDeathCommand(id, null, LocalDate.of(2024, 3, 1), BAGHDAD, CAUSE, OFFICE, null))
                .expectNoEvents()
                .expectException(RegistryRuleViolation.class)
                .expectException(violationOf(FieldRule.REQUIRED.code(), "recordedAt"));
    }

    // ---------------------------------------------------------------------------- after death

    static Stream<Arguments> lifeEvents() {
        LocalDate beforeDeath = LocalDate.of(2022, 6, 1);
        return Stream.of(
                Arguments.of("RegisterDeathCommand", (PersonCommand) (id, birthId) ->
                        new RegisterDeathCommand(id, null, beforeDeath, BAGHDAD, CAUSE, OFFICE, RECORDED_AT)),
                Arguments.of("ChangeNameCommand", (PersonCommand) (id, birthId) ->
                        new ChangeNameCommand(id, null, HASAN, beforeDeath, NAME_DECISION, OFFICE, RECORDED_AT)),
                Arguments.of("ChangeResidenceCommand", (PersonCommand) (id, birthId) ->
                        new ChangeResidenceCommand(id, null, BASRA, beforeDeath, OFFICE, RECORDED_AT)),
                Arguments.of("IssueIdCardCommand", (PersonCommand) (id, birthId) ->
                        new IssueIdCardCommand(id, null, CARD, beforeDeath, beforeDeath.plusYears(10), OFFICE,
                                RECORDED_AT)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lifeEvents")
    void refusesLifeEventsOnceDeceased(String commandName, PersonCommand command) {
        TestExecutor<Person> given = fixture.given(bornMuhammad(), died(LocalDate.of(2023, 1, 1)));
        given.when(command.of(id, idOfGiven(0)))
                .expectNoEvents()
                .expectException(RegistryRuleViolation.class)
                .expectException(violationOf(PersonRule.PERSON_DECEASED.code(), "personId"));
    }

    @Test
    void rejectsCorrectingTheBirthOfADeceasedPerson() {
        TestExecutor<Person> given = fixture.given(bornMuhammad(), died(LocalDate.of(2023, 1, 1)));
        given.when(correction(idOfGiven(0), newDateOfBirth(LocalDate.of(1990, 6, 14))))
                .expectNoEvents()
                .expectException(RegistryRuleViolation.class)
                .expectException(violationOf(PersonRule.PERSON_DECEASED.code(), "correctedEventId"));
    }

    @Test
    void correctsTheDateOfDeathOfADeceasedPerson() {
        TestExecutor<Person> given = fixture.given(bornMuhammad(), died(LocalDate.of(2023, 1, 1)));
        String deathId = idOfGiven(1);
        given.when(correction(deathId, newDateOfDeath(LocalDate.of(2022, 12, 31))))
                .expectEvents(corrected(deathId, newDateOfDeath(LocalDate.of(2022, 12, 31))))
                .expectState(person -> assertThat(person.state().dateOfDeath()).isEqualTo(LocalDate.of(2022, 12, 31)));
    }

    @Test
    void revokesTheCardOfADeceasedHolder() {
        fixture.given(bornMuhammad(), cardIssued(), died(LocalDate.of(2024, 2, 1)))
                .when(revoke(CARD, LocalDate.of(2024, 3, 1)))
                .expectEvents(new IdCardRevokedEvent(id, CARD, LocalDate.of(2024, 3, 1), "lost", OFFICE, RECORDED_AT));
    }

    @Test
    void erasesADeceasedPerson() {
        fixture.given(bornMuhammad(), died(LocalDate.of(2023, 1, 1)))
                .when(new ErasePersonCommand(id, ERASURE_LAW, RECORDED_AT))
                .expectEvents(new PersonErasedEvent(id, ERASURE_LAW, RECORDED_AT));
    }

    // ------------------------------------------------------------------------------------- name

    @Test
    void changesName() {
        fixture.given(bornMuhammad())
                .when(new ChangeNameCommand(id, null, HASAN, LocalDate.of(2024, 2, 1), NAME_DECISION, OFFICE,
                        RECORDED_AT))
                .expectEvents(new NameChangedEvent(id, HASAN, LocalDate.of(2024, 2, 1), NAME_DECISION, OFFICE,
                        RECORDED_AT))
                .expectState(person -> assertThat(person.state().name()).isEqualTo(HASAN));
    }

    @Test
    void rejectsANameWithoutTheGrandfathersName() {
        PersonName incomplete = name("حسن", "علي", " ", "الجبوري", null, null);
        fixture.given(bornMuhammad())
                .when(new ChangeNameCommand(id, null, incomplete, LocalDate.of(2024, 2, 1), NAME_DECISION, OFFICE,
                        RECORDED_AT))
                .expectNoEvents()
                .expectException(RegistryRuleViolation.class)
                .expectException(violationOf(PersonRule.NAME_INCOMPLETE.code(), "newName"));
    }

    @Test
    void rejectsANameChangeWithoutItsLegalReference() {
        fixture.given(bornMuhammad())
                .when(new ChangeNameCommand(id, null, HASAN, LocalDate.of(2024, 2, 1), "", OFFICE, RECORDED_AT))
                .expectNoEvents()
                .expectException(RegistryRuleViolation.class)
                .expectException(violationOf(FieldRule.REQUIRED.code(), "legalReference"));
    }

    @Test
    void rejectsANameChangeEffectiveBeforeBirth() {
        fixture.given(bornMuhammad())
                .when(new ChangeNameCommand(id, null, HASAN, BORN.minusDays(1), NAME_DECISION, OFFICE, RECORDED_AT))
                .expectNoEvents()
                .expectException(RegistryRuleViolation.class)
                .expectException(violationOf(PersonRule.DATE_BEFORE_BIRTH.code(), "effectiveDate"));
    }

    @Test
    void rejectsANameChangeEffectiveAfterTheRegistrationDate() {
        fixture.given(bornMuhammad())
                .when(new ChangeNameCommand(id, null, HASAN, TODAY.plusDays(1), NAME_DECISION, OFFICE, RECORDED_AT))
                .expectNoEvents()
                .expectException(RegistryRuleViolation.class)
                .expectException(violationOf(PersonRule.DATE_IN_FUTURE.code(), "effectiveDate"));
    }

    // -------------------------------------------------------------------------------- residence

    @Test
    void changesResidence() {
        fixture.given(bornMuhammad())
                .when(new ChangeResidenceCommand(id, null, BASRA, LocalDate.of(2020, 1, 1), OFFICE, RECORDED_AT))
                .expectEvents(movedToBasra(LocalDate.of(2020, 1, 1)))
                .expectState(person -> assertThat(person.state().residence()).isEqualTo(BASRA));
    }

    @Test
    void rejectsResidenceChangeDatedBeforeBirth() {
        fixture.given(bornMuhammad())
                .when(new ChangeResidenceCommand(id, null, BASRA, BORN.minusDays(1), OFFICE, RECORDED_AT))
                .expectNoEvents()
                .expectException(RegistryRuleViolation.class)
                .expectException(violationOf(PersonRule.DATE_BEFORE_BIRTH.code(), "since"));
    }

    @Test
    void rejectsAResidenceWithoutGovernorate() {
        fixture.given(bornMuhammad())
                .when(new ChangeResidenceCommand(id, null, new Place(" ", null, "العشار"), LocalDate.of(2020, 1, 1),
                        OFFICE, RECORDED_AT))
                .expectNoEvents()
                .expectException(RegistryRuleViolation.class)
                .expectException(violationOf(PersonRule.PLACE_INCOMPLETE.code(), "residence"));
    }

    @Test
    void rejectsAResidenceChangeWithoutItsDate() {
        fixture.given(bornMuhammad())
                .when(new ChangeResidenceCommand(id, null, BASRA, null, OFFICE, RECORDED_AT))
                .expectNoEvents()
                .expectException(RegistryRuleViolation.class)
                .expectException(violationOf(FieldRule.REQUIRED.code(), "since"));
    }

    // ---------------------------------------------------------------------------------- ID cards

    @Test
    void issuesAnIdCard() {
        fixture.given(bornMuhammad())
                .when(new IssueIdCardCommand(id, null, CARD, CARD_ISSUED, CARD_EXPIRES, OFFICE, RECORDED_AT))
                .expectEvents(cardIssued())
                .expectState(person -> assertThat(person.state().idCards()).singleElement()
                        .extracting(PersonState.IdCard::status).isEqualTo(PersonState.IdCardStatus.ISSUED));
    }

    @Test
    void rejectsAnIdCardExpiringOnItsIssueDate() {
        fixture.given(bornMuhammad())
                .when(new IssueIdCardCommand(id, null, CARD, CARD_ISSUED, CARD_ISSUED, OFFICE, RECORDED_AT))
                .expectNoEvents()
                .expectException(RegistryRuleViolation.class)
                .expectException(violationOf(PersonRule.ID_CARD_EXPIRY_NOT_AFTER_ISSUE.code(), "expiresOn"));
    }

    @Test
    void rejectsIssuingTheSameCardNumberTwice() {
        fixture.given(bornMuhammad(), cardIssued())
                .when(new IssueIdCardCommand(id, null, CARD, LocalDate.of(2024, 2, 1), LocalDate.of(2034, 2, 1),
                        OFFICE, RECORDED_AT))
                .expectNoEvents()
                .expectException(RegistryRuleViolation.class)
                .expectException(violationOf(PersonRule.ID_CARD_DUPLICATE.code(), "cardNumber"));
    }

    @Test
    void rejectsACardNumberHeldByAnotherPersonAndLeavesTheirClaim() {
        UUID otherHolder = UUID.randomUUID();
        cards.claim(CARD, otherHolder);
        fixture.given(bornMuhammad())
                .when(new IssueIdCardCommand(id, null, CARD, CARD_ISSUED, CARD_EXPIRES, OFFICE, RECORDED_AT))
                .expectNoEvents()
                .expectException(RegistryRuleViolation.class)
                .expectException(violationOf(PersonRule.ID_CARD_NUMBER_TAKEN.code(), "cardNumber"));
        assertThat(cards.holders).containsExactly(Map.entry(CARD, otherHolder));
    }

    @Test
    void anIssuedCardClaimsItsNumberForThePerson() {
        fixture.given(bornMuhammad())
                .when(new IssueIdCardCommand(id, null, CARD, CARD_ISSUED, CARD_EXPIRES, OFFICE, RECORDED_AT))
                .expectEvents(cardIssued());
        assertThat(cards.holders).containsExactly(Map.entry(CARD, id));
    }

    @Test
    void rejectsAnIdCardIssuedBeforeBirth() {
        fixture.given(bornMuhammad())
                .when(new IssueIdCardCommand(id, null, CARD, BORN.minusDays(1), CARD_EXPIRES, OFFICE, RECORDED_AT))
                .expectNoEvents()
                .expectException(RegistryRuleViolation.class)
                .expectException(violationOf(PersonRule.DATE_BEFORE_BIRTH.code(), "issuedOn"));
    }

    @Test
    void rejectsAnIdCardWithoutItsNumber() {
        fixture.given(bornMuhammad())
                .when(new IssueIdCardCommand(id, null, null, CARD_ISSUED, CARD_EXPIRES, OFFICE, RECORDED_AT))
                .expectNoEvents()
                .expectException(RegistryRuleViolation.class)
                .expectException(violationOf(FieldRule.REQUIRED.code(), "cardNumber"));
    }

    @Test
    void revokesAHeldCard() {
        fixture.given(bornMuhammad(), cardIssued())
                .when(revoke(CARD, LocalDate.of(2024, 3, 1)))
                .expectEvents(new IdCardRevokedEvent(id, CARD, LocalDate.of(2024, 3, 1), "lost", OFFICE, RECORDED_AT))
                .expectState(person -> assertThat(person.state().idCards()).singleElement()
                        .extracting(PersonState.IdCard::status).isEqualTo(PersonState.IdCardStatus.REVOKED));
    }

    @Test
    void rejectsRevokingACardThePersonDoesNotHold() {
        fixture.given(bornMuhammad(), cardIssued())
                .when(revoke("B7654321", LocalDate.of(2024, 3, 1)))
                .expectNoEvents()
                .expectException(RegistryRuleViolation.class)
                .expectException(violationOf(PersonRule.ID_CARD_NOT_HELD.code(), "cardNumber"));
    }

    @Test
    void rejectsRevokingACardAlreadyRevoked() {
        fixture.given(bornMuhammad(), cardIssued(),
                        new IdCardRevokedEvent(id, CARD, LocalDate.of(2024, 2, 1), "lost", OFFICE, RECORDED_AT))
                .when(revoke(CARD, LocalDate.of(2024, 3, 1)))
                .expectNoEvents()
                .expectException(RegistryRuleViolation.class)
                .expectException(violationOf(PersonRule.ID_CARD_ALREADY_REVOKED.code(), "cardNumber"));
    }

    @Test
    void rejectsRevocationDatedBeforeIssue() {
        fixture.given(bornMuhammad(), cardIssued())
                .when(revoke(CARD, CARD_ISSUED.minusDays(1)))
                .expectNoEvents()
                .expectException(RegistryRuleViolation.class)
                .expectException(violationOf(PersonRule.ID_CARD_REVOKED_BEFORE_ISSUE.code(), "revokedOn"));
    }

    @Test
    void rejectsRevocationDatedAfterTheRegistrationDate() {
        fixture.given(bornMuhammad(), cardIssued())
                .when(revoke(CARD, TODAY.plusDays(1)))
                .expectNoEvents()
                .expectException(RegistryRuleViolation.class)
                .expectException(violationOf(PersonRule.DATE_IN_FUTURE.code(), "revokedOn"));
    }

    @Test
    void rejectsRevocationWithoutAReason() {
        fixture.given(bornMuhammad(), cardIssued())
                .when(new RevokeIdCardCommand(id, null, CARD, LocalDate.of(2024, 3, 1), null, OFFICE, RECORDED_AT))
                .expectNoEvents()
                .expectException(RegistryRuleViolation.class)
                .expectException(violationOf(FieldRule.REQUIRED.code(), "reason"));
    }

    // ------------------------------------------------------------------------------ corrections

    @Test
    void correctsTheDateOfBirthWithoutRewritingTheBirthEvent() {
        TestExecutor<Person> given = fixture.given(bornMuhammad());
        String birthId = idOfGiven(0);
        given.when(correction(birthId, newDateOfBirth(LocalDate.of(1990, 6, 14))))
                .expectEvents(corrected(birthId, newDateOfBirth(LocalDate.of(1990, 6, 14))))
                .expectState(person -> assertThat(person.state().dateOfBirth()).isEqualTo(LocalDate.of(1990, 6, 14)));
    }

    @Test
    void correctsNameAndSexRecordedAtBirth() {
        PersonName withShadda = name("محمّد", "علي", "حسين", "الجبوري", "فاطمة", "عباس");
        Corrections values = new Corrections(withShadda, Sex.FEMALE, null, null, null);
        TestExecutor<Person> given = fixture.given(bornMuhammad());
        String birthId = idOfGiven(0);
        given.when(correction(birthId, values))
                .expectEvents(corrected(birthId, values))
                .expectState(person -> {
                    assertThat(person.state().name()).isEqualTo(withShadda);
                    assertThat(person.state().sex()).isEqualTo(Sex.FEMALE);
                });
    }

    @Test
    void correctsTheNameGivenByANameChangeWithoutTheMothersNames() {
        // Only a birth must carry the mother's names; a name change's name need not.
        PersonName hasanCorrected = name("حسين", "علي", "حسين", "الجبوري", null, null);
        TestExecutor<Person> given = fixture.given(bornMuhammad(), renamedHasan());
        String nameChangeId = idOfGiven(1);
        given.when(correction(nameChangeId, newName(hasanCorrected)))
                .expectEvents(corrected(nameChangeId, newName(hasanCorrected)))
                .expectState(person -> assertThat(person.state().name()).isEqualTo(hasanCorrected));
    }

    @Test
    void correctingASupersededNameLeavesTheCurrentNameAlone() {
        PersonName withShadda = name("محمّد", "علي", "حسين", "الجبوري", "فاطمة", "عباس");
        TestExecutor<Person> given = fixture.given(bornMuhammad(), renamedHasan());
        String birthId = idOfGiven(0);
        given.when(correction(birthId, newName(withShadda)))
                .expectEvents(corrected(birthId, newName(withShadda)))
                .expectState(person -> assertThat(person.state().name()).isEqualTo(HASAN));
    }

    @Test
    void treatsACorrectionOfACorrectionAsAboutTheOriginalEvent() {
        TestExecutor<Person> given = fixture.given(bornMuhammad());
        String birthId = idOfGiven(0);
        given.andGiven(corrected(birthId, newDateOfBirth(LocalDate.of(1990, 6, 14))));
        String firstCorrectionId = idOfGiven(1);
        // The sex is a value of the birth, so it is applicable to a correction of the birth's correction.
        Corrections values = new Corrections(null, Sex.FEMALE, LocalDate.of(1990, 7, 14), null, null);
        given.when(correction(firstCorrectionId, values))
                .expectEvents(corrected(firstCorrectionId, values))
                .expectState(person -> assertThat(person.state().dateOfBirth()).isEqualTo(LocalDate.of(1990, 7, 14)));
    }

    @Test
    void rejectsCorrectionOfAnUnknownEvent() {
        fixture.given(bornMuhammad())
                .when(correction(UUID.randomUUID().toString(), newDateOfBirth(LocalDate.of(1990, 6, 14))))
                .expectNoEvents()
                .expectException(RegistryRuleViolation.class)
                .expectException(violationOf(PersonRule.CORRECTION_UNKNOWN_EVENT.code(), "correctedEventId"));
    }

    @Test
    void rejectsCorrectionNamingAnEventOfAnotherPerson() {
        UUID zainabId = UUID.randomUUID();
        FixtureConfiguration<Person> zainabsRecord = fixture(cards);
        zainabsRecord.given(born(zainabId, ZAINAB, Sex.FEMALE, LocalDate.of(1992, 8, 3)));
        String zainabsBirthId = idOfGiven(zainabsRecord, zainabId, 0);

        fixture.given(bornMuhammad())
                .when(correction(zainabsBirthId, newDateOfBirth(LocalDate.of(1990, 6, 14))))
                .expectNoEvents()
                .expectException(RegistryRuleViolation.class)
                .expectException(violationOf(PersonRule.CORRECTION_UNKNOWN_EVENT.code(), "correctedEventId"));
    }

    @Test
    void rejectsCorrectionWithoutCorrectedValues() {
        TestExecutor<Person> given = fixture.given(bornMuhammad());
        given.when(correction(idOfGiven(0), new Corrections(null, null, null, null, null)))
                .expectNoEvents()
                .expectException(RegistryRuleViolation.class)
                .expectException(violationOf(PersonRule.CORRECTION_EMPTY.code(), null));
    }

    @Test
    void rejectsCorrectingADateOfDeathOnTheBirthEvent() {
        TestExecutor<Person> given = fixture.given(bornMuhammad());
        given.when(correction(idOfGiven(0), newDateOfDeath(LocalDate.of(2020, 1, 1))))
                .expectNoEvents()
                .expectException(RegistryRuleViolation.class)
                .expectException(violationOf(PersonRule.CORRECTION_NOT_APPLICABLE.code(), "dateOfDeath"));
    }

    @Test
    void rejectsCorrectingTheSexOnANameChange() {
        TestExecutor<Person> given = fixture.given(bornMuhammad(), renamedHasan());
        given.when(correction(idOfGiven(1), new Corrections(null, Sex.FEMALE, null, null, null)))
                .expectNoEvents()
                .expectException(RegistryRuleViolation.class)
                .expectException(violationOf(PersonRule.CORRECTION_NOT_APPLICABLE.code(), "sex"));
    }

    @Test
    void rejectsCorrectingANameOnAResidenceChange() {
        TestExecutor<Person> given = fixture.given(bornMuhammad(), movedToBasra(LocalDate.of(2020, 1, 1)));
        given.when(correction(idOfGiven(1), newName(HASAN)))
                .expectNoEvents()
                .expectException(RegistryRuleViolation.class)
                .expectException(violationOf(PersonRule.CORRECTION_NOT_APPLICABLE.code(), "name"));
    }

    @Test
    void rejectsACorrectedBirthNameWithoutTheMothersNames() {
        TestExecutor<Person> given = fixture.given(bornMuhammad());
        given.when(correction(idOfGiven(0), newName(name("محمّد", "علي", "حسين", "الجبوري", null, null))))
                .expectNoEvents()
                .expectException(RegistryRuleViolation.class)
                .expectException(violationOf(PersonRule.NAME_INCOMPLETE.code(), "name"));
    }

    @Test
    void rejectsACorrectedPlaceOfBirthWithoutGovernorate() {
        TestExecutor<Person> given = fixture.given(bornMuhammad());
        given.when(correction(idOfGiven(0), new Corrections(null, null, null, new Place("", "KARKH", null), null)))
                .expectNoEvents()
                .expectException(RegistryRuleViolation.class)
                .expectException(violationOf(PersonRule.PLACE_INCOMPLETE.code(), "placeOfBirth"));
    }

    @Test
    void rejectsACorrectedDateOfBirthAfterTheRegistrationDate() {
        TestExecutor<Person> given = fixture.given(bornMuhammad());
        given.when(correction(idOfGiven(0), newDateOfBirth(TODAY.plusDays(1))))
                .expectNoEvents()
                .expectException(RegistryRuleViolation.class)
                .expectException(violationOf(PersonRule.DATE_IN_FUTURE.code(), "dateOfBirth"));
    }

    @Test
    void rejectsACorrectedDateOfBirthAfterALifeEvent() {
        TestExecutor<Person> given = fixture.given(bornMuhammad(), movedToBasra(LocalDate.of(2000, 1, 1)));
        given.when(correction(idOfGiven(0), newDateOfBirth(LocalDate.of(2001, 1, 1))))
                .expectNoEvents()
                .expectException(RegistryRuleViolation.class)
                .expectException(violationOf(PersonRule.DATE_BEFORE_BIRTH.code(), "dateOfBirth"));
    }

    @Test
    void rejectsACorrectedDateOfDeathBeforeBirth() {
        TestExecutor<Person> given = fixture.given(bornMuhammad(), died(LocalDate.of(2023, 1, 1)));
        given.when(correction(idOfGiven(1), newDateOfDeath(BORN.minusDays(1))))
                .expectNoEvents()
                .expectException(RegistryRuleViolation.class)
                .expectException(violationOf(PersonRule.DEATH_BEFORE_BIRTH.code(), "dateOfDeath"));
    }

    @Test
    void rejectsACorrectedDateOfDeathBeforeALifeEvent() {
        TestExecutor<Person> given = fixture.given(bornMuhammad(), movedToBasra(LocalDate.of(2020, 1, 1)),
                died(LocalDate.of(2023, 1, 1)));
        given.when(correction(idOfGiven(2), newDateOfDeath(LocalDate.of(2019, 12, 31))))
                .expectNoEvents()
                .expectException(RegistryRuleViolation.class)
                .expectException(violationOf(PersonRule.DEATH_BEFORE_LAST_EVENT.code(), "dateOfDeath"));
    }

    @Test
    void rejectsACorrectedDateOfDeathAfterTheRegistrationDate() {
        TestExecutor<Person> given = fixture.given(bornMuhammad(), died(LocalDate.of(2023, 1, 1)));
        given.when(correction(idOfGiven(1), newDateOfDeath(TODAY.plusDays(1))))
                .expectNoEvents()
                .expectException(RegistryRuleViolation.class)
                .expectException(violationOf(PersonRule.DATE_IN_FUTURE.code(), "dateOfDeath"));
    }

    @Test
    void rejectsACorrectionJudgmentDatedAfterTheRegistrationDate() {
        TestExecutor<Person> given = fixture.given(bornMuhammad());
        given.when(new RecordCorrectionCommand(id, null, idOfGiven(0), COURT, JUDGMENT, TODAY.plusDays(2), null, null,
                        LocalDate.of(1990, 6, 14), null, null, "clerical error", OFFICE, RECORDED_AT))
                .expectNoEvents()
                .expectException(RegistryRuleViolation.class)
                .expectException(violationOf(PersonRule.DATE_IN_FUTURE.code(), "judgmentDate"));
    }

    @Test
    void rejectsACorrectionWithoutTheCourt() {
        TestExecutor<Person> given = fixture.given(bornMuhammad());
        given.when(new RecordCorrectionCommand(id, null, idOfGiven(0), " ", JUDGMENT, JUDGMENT_DATE, null, null,
                        LocalDate.of(1990, 6, 14), null, null, "clerical error", OFFICE, RECORDED_AT))
                .expectNoEvents()
                .expectException(RegistryRuleViolation.class)
                .expectException(violationOf(FieldRule.REQUIRED.code(), "court"));
    }

    // ---------------------------------------------------------------------------------- erasure

    @Test
    void erasesAPersonAndForgetsTheirPersonalData() {
        fixture.given(bornMuhammad())
                .when(new ErasePersonCommand(id, ERASURE_LAW, RECORDED_AT))
                .expectEvents(new PersonErasedEvent(id, ERASURE_LAW, RECORDED_AT))
                .expectState(person -> {
                    PersonState state = person.state();
                    assertThat(state.erased()).isTrue();
                    assertThat(state.name()).isNull();
                    assertThat(state.nationalNumber()).isNull();
                    assertThat(state.dateOfBirth()).isNull();
                });
    }

    @Test
    void rejectsErasureWithoutItsLegalReference() {
        fixture.given(bornMuhammad())
                .when(new ErasePersonCommand(id, "", RECORDED_AT))
                .expectNoEvents()
                .expectException(RegistryRuleViolation.class)
                .expectException(violationOf(FieldRule.REQUIRED.code(), "legalReference"));
    }

    /** Each command a person's record handles, built for a person and the id of their birth event. */
    static Stream<Arguments> everyCommand() {
        LocalDate date = LocalDate.of(2024, 3, 1);
        return Stream.of(
                Arguments.of("RegisterDeathCommand", (PersonCommand) (id, birthId) ->
                        new RegisterDeathCommand(id, null, date, BAGHDAD, CAUSE, OFFICE, RECORDED_AT)),
                Arguments.of("ChangeNameCommand", (PersonCommand) (id, birthId) ->
                        new ChangeNameCommand(id, null, HASAN, date, NAME_DECISION, OFFICE, RECORDED_AT)),
                Arguments.of("ChangeResidenceCommand", (PersonCommand) (id, birthId) ->
                        new ChangeResidenceCommand(id, null, BASRA, date, OFFICE, RECORDED_AT)),
                Arguments.of("IssueIdCardCommand", (PersonCommand) (id, birthId) ->
                        new IssueIdCardCommand(id, null, CARD, date, date.plusYears(10), OFFICE, RECORDED_AT)),
                Arguments.of("RevokeIdCardCommand", (PersonCommand) (id, birthId) ->
                        new RevokeIdCardCommand(id, null, CARD, date, "lost", OFFICE, RECORDED_AT)),
                Arguments.of("RecordCorrectionCommand", (PersonCommand) (id, birthId) ->
                        new RecordCorrectionCommand(id, null, birthId, COURT, JUDGMENT, JUDGMENT_DATE, null, null,
                                LocalDate.of(1990, 6, 14), null, null, "clerical error", OFFICE, RECORDED_AT)),
                Arguments.of("ErasePersonCommand", (PersonCommand) (id, birthId) ->
                        new ErasePersonCommand(id, "قانون 2024/8", RECORDED_AT)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommand")
    void refusesEveryCommandOnceErased(String commandName, PersonCommand command) {
        TestExecutor<Person> given = fixture.given(bornMuhammad(), cardIssued(),
                new PersonErasedEvent(id, ERASURE_LAW, RECORDED_AT));
        given.when(command.of(id, idOfGiven(0)))
                .expectNoEvents()
                .expectException(RegistryRuleViolation.class)
                .expectException(violationOf(PersonRule.PERSON_ERASED.code(), "personId"));
    }

    // ------------------------------------------------------------------------------------ birth

    @Test
    void registersABirthAsTheFirstEventOfANewPerson() {
        // The birth is handled outside the aggregate, which it creates; without parents to read,
        // the fixture can hold the only aggregate involved. Claims of national numbers succeed.
        fixture.registerAnnotatedCommandHandler(
                new BirthCommandHandler(fixture.getRepository(), (nationalNumber, personId) -> { },
                        new SecureRandom()));
        RegisterBirthCommand birth = TestData.birth(id, Sex.MALE, BORN, null, null);
        fixture.givenNoPriorActivity()
                .when(birth)
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new RegisteredBirth(id, birth.nationalNumber()))
                .expectEvents(new BirthRegisteredEvent(id, birth.nationalNumber(), birth.name(), Sex.MALE, BORN,
                        birth.placeOfBirth(), null, null, OFFICE, RECORDED_AT));
    }

    // -------------------------------------------------------------------------------- test data

    private BirthRegisteredEvent bornMuhammad() {
        return born(id, MUHAMMAD, Sex.MALE, BORN);
    }

    private DeathRegisteredEvent died(LocalDate date) {
        return new DeathRegisteredEvent(id, date, BAGHDAD, CAUSE, OFFICE, RECORDED_AT);
    }

    private RegisterDeathCommand death(LocalDate date) {
        return new RegisterDeathCommand(id, null, date, BAGHDAD, CAUSE, OFFICE, RECORDED_AT);
    }

    private ResidenceChangedEvent movedToBasra(LocalDate since) {
        return new ResidenceChangedEvent(id, BASRA, since, OFFICE, RECORDED_AT);
    }

    private NameChangedEvent renamedHasan() {
        return new NameChangedEvent(id, HASAN, LocalDate.of(2020, 1, 1), "قرار 1/2020", OFFICE, RECORDED_AT);
    }

    private IdCardIssuedEvent cardIssued() {
        return new IdCardIssuedEvent(id, CARD, CARD_ISSUED, CARD_EXPIRES, OFFICE, RECORDED_AT);
    }

    private RevokeIdCardCommand revoke(String card, LocalDate revokedOn) {
        return new RevokeIdCardCommand(id, null, card, revokedOn, "lost", OFFICE, RECORDED_AT);
    }

    /** The values a correction carries; null means unchanged. */
    record Corrections(PersonName name, Sex sex, LocalDate dateOfBirth, Place placeOfBirth, LocalDate dateOfDeath) {
    }

    private static Corrections newName(PersonName name) {
        return new Corrections(name, null, null, null, null);
    }

    private static Corrections newDateOfBirth(LocalDate date) {
        return new Corrections(null, null, date, null, null);
    }

    private static Corrections newDateOfDeath(LocalDate date) {
        return new Corrections(null, null, null, null, date);
    }

    private RecordCorrectionCommand correction(String eventId, Corrections values) {
        return new RecordCorrectionCommand(id, null, eventId, COURT, JUDGMENT, JUDGMENT_DATE, values.name(),
                values.sex(), values.dateOfBirth(), values.placeOfBirth(), values.dateOfDeath(), "clerical error",
                OFFICE, RECORDED_AT);
    }

    private CorrectionRecordedEvent corrected(String eventId, Corrections values) {
        return new CorrectionRecordedEvent(id, eventId, COURT, JUDGMENT, JUDGMENT_DATE, values.name(), values.sex(),
                values.dateOfBirth(), values.placeOfBirth(), values.dateOfDeath(), "clerical error", OFFICE,
                RECORDED_AT);
    }

    /** Builds a command for the person {@code id} whose birth event has the identifier {@code birthId}. */
    @FunctionalInterface
    interface PersonCommand {
        Object of(UUID id, String birthId);
    }

    // ----------------------------------------------------------------------- fixture plumbing

    /** The message identifier the fixture gave this person's given event at {@code sequence}. */
    private String idOfGiven(long sequence) {
        return idOfGiven(fixture, id, sequence);
    }

    private static String idOfGiven(FixtureConfiguration<Person> fixture, UUID personId, long sequence) {
        return fixture.getEventStore().readEvents(personId.toString()).asStream()
                .filter(event -> event.getSequenceNumber() == sequence)
                .map(DomainEventMessage::getIdentifier)
                .findFirst()
                .orElseThrow(() -> new AssertionError("No given event at sequence " + sequence));
    }

    /** A {@link RegistryRuleViolation} of rule {@code code} on {@code field} (null: no single field). */
    static Matcher<RegistryRuleViolation> violationOf(String code, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RegistryRuleViolation violation) {
                return Objects.equals(violation.code(), code) && Objects.equals(violation.field(), field);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a rule violation with code ").appendValue(code)
                        .appendText(" on field ").appendValue(field);
            }

            @Override
            protected void describeMismatchSafely(RegistryRuleViolation violation, Description description) {
                description.appendText("was code ").appendValue(violation.code())
                        .appendText(" on field ").appendValue(violation.field())
                        .appendText(": ").appendText(violation.getMessage());
            }
        };
    }

    /** A fixture whose command handlers reach {@code cards} as the registry's ID card index. */
    private static FixtureConfiguration<Person> fixture(IdCardIndex cards) {
        FixtureConfiguration<Person> fixture = new AggregateTestFixture<>(Person.class);
        fixture.registerInjectableResource(cards);
        return fixture;
    }
}
