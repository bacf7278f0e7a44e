package org.sijil.core.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sijil.core.person.TestData.AHMAD;
import static org.sijil.core.person.TestData.MUHAMMAD;
import static org.sijil.core.person.TestData.RECORDED_AT;
import static org.sijil.core.person.TestData.TODAY;
import static org.sijil.core.person.TestData.ZAINAB;
import static org.sijil.core.person.TestData.birth;
import static org.sijil.core.person.TestData.born;

import java.security.SecureRandom;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sijil.core.api.person.PersonRule;
import org.sijil.core.nationalnumber.NationalNumber;
import org.sijil.core.api.person.RegisteredBirth;
import org.sijil.core.api.person.BirthRegisteredEvent;
import org.sijil.core.api.person.DeathRegisteredEvent;
import org.sijil.core.api.person.RegisterBirthCommand;
import org.sijil.core.api.Sex;

class BirthCommandHandlerTest {

    private static final LocalDate CHILD_BORN = LocalDate.of(2024, 3, 1);

    private final InMemoryRegistry registry = new InMemoryRegistry();
    private final UUID child = UUID.randomUUID();
    private final UUID mother = UUID.randomUUID();
    private final UUID father = UUID.randomUUID();

    private void givenParents() {
        registry.given(mother, born(mother, ZAINAB, Sex.FEMALE, LocalDate.of(1995, 2, 2)));
        registry.given(father, born(father, MUHAMMAD, Sex.MALE, LocalDate.of(1990, 5, 14)));
    }

    @Test
    void registersABirthWithBothParents() {
        givenParents();
        RegisterBirthCommand command = birth(child, Sex.MALE, CHILD_BORN, mother, father);
        assertThat(registry.when(command)).isEqualTo(new RegisteredBirth(child, command.nationalNumber()));
        assertThat(registry.events(child)).containsExactly(new BirthRegisteredEvent(child, command.nationalNumber(),
                AHMAD, Sex.MALE, CHILD_BORN, command.placeOfBirth(), mother, father, command.registrationOffice(),
                RECORDED_AT));
        assertThat(registry.index.claims).containsEntry(command.nationalNumber(), child);
        assertThat(registry.state(child).motherId()).isEqualTo(mother);
    }

    @Test
    void registersABirthWithoutParents() {
        registry.when(birth(child, Sex.FEMALE, CHILD_BORN, null, null));
        assertThat(registry.state(child).sex()).isEqualTo(Sex.FEMALE);
    }

    @Test
    void rejectsANationalNumberWithAWrongCheckDigit() {
        RegisterBirthCommand c = birth(child, Sex.MALE, CHILD_BORN, null, null);
        String nn = c.nationalNumber();
        String wrong = nn.substring(0, 11) + (char) ('0' + (nn.charAt(11) - '0' + 1) % 10);
        registry.rejects(new RegisterBirthCommand(child, wrong, c.name(), c.sex(), c.dateOfBirth(), c.placeOfBirth(),
                null, null, c.registrationOffice(), RECORDED_AT), "national-number.invalid", "nationalNumber");
    }

    @Test
    void rejectsANationalNumberAlreadyTaken() {
        givenParents();
        RegisterBirthCommand first = birth(child, Sex.MALE, CHILD_BORN, mother, null);
        registry.when(first);
        UUID twin = UUID.randomUUID();
        registry.rejects(new RegisterBirthCommand(twin, first.nationalNumber(), first.name(), Sex.MALE, CHILD_BORN,
                first.placeOfBirth(), mother, null, first.registrationOffice(), RECORDED_AT),
                "national-number.taken", "nationalNumber");
        assertThat(registry.events(twin)).isEmpty();
    }

    @Test
    void rejectsABirthDatedAfterTheRegistrationDate() {
        registry.rejects(birth(child, Sex.MALE, TODAY.plusDays(1), null, null), "date.in-future", "dateOfBirth");
    }

    @Test
    void rejectsABirthNameWithoutTheMothersNames() {
        RegisterBirthCommand c = birth(child, Sex.MALE, CHILD_BORN, null, null);
        registry.rejects(new RegisterBirthCommand(child, c.nationalNumber(),
                TestData.name("أحمد", "حسن", "علي", "الجبوري", "زينب", null), Sex.MALE, CHILD_BORN,
                c.placeOfBirth(), null, null, c.registrationOffice(), RECORDED_AT), "name.incomplete", "name");
    }

    @Test
    void rejectsRegisteringTheSamePersonTwice() {
        registry.when(birth(child, Sex.MALE, CHILD_BORN, null, null));
        registry.rejects(birth(child, Sex.MALE, CHILD_BORN, null, null), "person.already-registered", "personId");
    }

    @Test
    void rejectsAMotherWhoIsNotRegistered() {
        registry.rejects(birth(child, Sex.MALE, CHILD_BORN, mother, null), "person.not-found", "motherId");
    }

    @Test
    void rejectsAMotherWhoIsNotFemale() {
        givenParents();
        registry.rejects(birth(child, Sex.MALE, CHILD_BORN, father, null), "parent.wrong-sex", "motherId");
        assertThat(registry.index.claims).doesNotContainValue(child);
    }

    @Test
    void rejectsAFatherWhoIsNotMale() {
        givenParents();
        registry.rejects(birth(child, Sex.MALE, CHILD_BORN, null, mother), "parent.wrong-sex", "fatherId");
    }

    @Test
    void rejectsAParentBornAfterTheChild() {
        givenParents();
        registry.rejects(birth(child, Sex.MALE, LocalDate.of(1994, 1, 1), mother, null),
                "parent.born-after-child", "motherId");
    }

    @Test
    void rejectsAMotherWhoDiedBeforeTheBirth() {
        givenParents();
        registry.given(mother, new DeathRegisteredEvent(mother, CHILD_BORN.minusDays(1), null, null, "o", RECORDED_AT));
        registry.rejects(birth(child, Sex.MALE, CHILD_BORN, mother, father), "parent.deceased-before-birth", "motherId");
    }

    @Test
    void acceptsAPosthumousChildOfAFatherWhoDiedMonthsBefore() {
        givenParents();
        registry.given(father, new DeathRegisteredEvent(father, CHILD_BORN.minusMonths(5), null, null, "o",
                RECORDED_AT));
        registry.when(birth(child, Sex.MALE, CHILD_BORN, mother, father));
        assertThat(registry.state(child).fatherId()).isEqualTo(father);
    }

    @Test
    void rejectsAFatherWhoDiedMoreThanAYearBeforeTheBirth() {
        givenParents();
        registry.given(father, new DeathRegisteredEvent(father, CHILD_BORN.minusYears(2), null, null, "o",
                RECORDED_AT));
        registry.rejects(birth(child, Sex.MALE, CHILD_BORN, mother, father), "parent.deceased-before-birth", "fatherId");
    }

    /** The same numbers every time: a generator seeded before first use draws only from its seed. */
    private static SecureRandom seeded() throws NoSuchAlgorithmException {
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(20261208L);
        return random;
    }

    private RegisterBirthCommand withoutNumber() {
        RegisterBirthCommand c = birth(child, Sex.MALE, CHILD_BORN, null, null);
        return new RegisterBirthCommand(c.personId(), null, c.name(), c.sex(), c.dateOfBirth(), c.placeOfBirth(),
                null, null, c.registrationOffice(), c.recordedAt());
    }

    @Test
    void allocatesANationalNumberWhenNoneIsGiven() throws Exception {
        InMemoryRegistry allocating = new InMemoryRegistry(seeded());
        RegisteredBirth registered = (RegisteredBirth) allocating.when(withoutNumber());
        assertThat(registered.nationalNumber()).isEqualTo(NationalNumber.allocate(seeded()));
        assertThat(NationalNumber.isValid(registered.nationalNumber())).isTrue();
        assertThat(allocating.index.claims).containsEntry(registered.nationalNumber(), child);
        assertThat(allocating.state(child).nationalNumber()).isEqualTo(registered.nationalNumber());
    }

    @Test
    void allocatesAnotherNumberWhenTheOneDrawnIsTaken() throws Exception {
        SecureRandom draws = seeded();
        String first = NationalNumber.allocate(draws);
        String second = NationalNumber.allocate(draws);
        InMemoryRegistry allocating = new InMemoryRegistry(seeded());
        allocating.index.claims.put(first, UUID.randomUUID());
        RegisteredBirth registered = (RegisteredBirth) allocating.when(withoutNumber());
        assertThat(registered.nationalNumber()).isEqualTo(second);
        assertThat(allocating.index.claims).containsEntry(second, child);
    }

    @Test
    void refusesTheBirthWhenEveryNumberDrawnIsTaken() throws Exception {
        SecureRandom draws = seeded();
        InMemoryRegistry allocating = new InMemoryRegistry(seeded());
        for (int i = 0; i < BirthCommandHandler.NUMBER_ATTEMPTS; i++) {
            allocating.index.claims.put(NationalNumber.allocate(draws), UUID.randomUUID());
        }
        allocating.rejects(withoutNumber(), PersonRule.NATIONAL_NUMBER_TAKEN.code(), "nationalNumber");
    }
}
