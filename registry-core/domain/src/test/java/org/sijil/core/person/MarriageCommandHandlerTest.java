package org.sijil.core.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sijil.core.person.TestData.BAGHDAD;
import static org.sijil.core.person.TestData.MUHAMMAD;
import static org.sijil.core.person.TestData.OFFICE;
import static org.sijil.core.person.TestData.RECORDED_AT;
import static org.sijil.core.person.TestData.TODAY;
import static org.sijil.core.person.TestData.ZAINAB;
import static org.sijil.core.person.TestData.born;
import static org.sijil.core.person.TestData.marriage;
import static org.sijil.core.person.TestData.name;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sijil.core.api.person.DeathRegisteredEvent;
import org.sijil.core.api.person.DivorceRegisteredEvent;
import org.sijil.core.api.person.MarriageRegisteredEvent;
import org.sijil.core.api.person.PersonState;
import org.sijil.core.api.person.RegisterDivorceCommand;
import org.sijil.core.api.Sex;
import org.sijil.core.api.person.SpouseRole;

class MarriageCommandHandlerTest {

    private static final LocalDate WED = LocalDate.of(2020, 6, 1);

    private final InMemoryRegistry registry = new InMemoryRegistry();
    private final UUID husband = UUID.randomUUID();
    private final UUID wife = UUID.randomUUID();
    private final UUID secondWife = UUID.randomUUID();
    private final UUID secondHusband = UUID.randomUUID();
    private final UUID marriageId = UUID.randomUUID();

    MarriageCommandHandlerTest() {
        registry.given(husband, born(husband, MUHAMMAD, Sex.MALE, LocalDate.of(1990, 5, 14)));
        registry.given(wife, born(wife, ZAINAB, Sex.FEMALE, LocalDate.of(1995, 2, 2)));
        registry.given(secondWife, born(secondWife, name("مريم", "صالح", "عباس", "التميمي", "فاطمة", "حسين"),
                Sex.FEMALE, LocalDate.of(1996, 8, 8)));
        registry.given(secondHusband, born(secondHusband, name("حسن", "كريم", "جاسم", "الجبوري", "مريم", "صالح"),
                Sex.MALE, LocalDate.of(1985, 1, 1)));
    }

    private RegisterDivorceCommand divorce(UUID id, LocalDate date) {
        return new RegisterDivorceCommand(id, date, "محكمة الأحوال الشخصية 2023/9", OFFICE, RECORDED_AT);
    }

    @Test
    void recordsTheMarriageInBothSpousesStreams() {
        registry.when(marriage(marriageId, husband, wife, WED, null));
        assertThat(registry.lastEvent(husband)).isEqualTo(new MarriageRegisteredEvent(husband, marriageId, wife,
                SpouseRole.HUSBAND, WED, BAGHDAD, null, OFFICE, RECORDED_AT));
        assertThat(registry.lastEvent(wife)).isEqualTo(new MarriageRegisteredEvent(wife, marriageId, husband,
                SpouseRole.WIFE, WED, BAGHDAD, null, OFFICE, RECORDED_AT));
        assertThat(registry.marriages.find(marriageId)).contains(new Spouses(husband, wife));
        assertThat(registry.state(wife).activeMarriages())
                .containsExactly(new PersonState.Marriage(marriageId, husband, SpouseRole.WIFE, WED));
    }

    @Test
    void rejectsAHusbandWhoIsNotRegistered() {
        registry.rejects(marriage(marriageId, UUID.randomUUID(), wife, WED, null), "person.not-found", "husbandId");
    }

    @Test
    void rejectsAWifeWhoIsNotRegistered() {
        registry.rejects(marriage(marriageId, husband, UUID.randomUUID(), WED, null), "person.not-found", "wifeId");
    }

    @Test
    void rejectsAnUnderageWifeAndStoresNothingForTheHusband() {
        registry.rejects(marriage(marriageId, husband, wife, LocalDate.of(2013, 2, 1), null),
                "marriage.underage", "wifeId");
        assertThat(registry.events(husband)).hasSize(1);
        assertThat(registry.marriages.find(marriageId)).isEmpty();
    }

    @Test
    void acceptsAWifeOnHerEighteenthBirthday() {
        registry.when(marriage(marriageId, husband, wife, LocalDate.of(2013, 2, 2), null));
        assertThat(registry.lastEvent(wife)).isInstanceOf(MarriageRegisteredEvent.class);
    }

    @Test
    void rejectsAHusbandWhoIsNotMale() {
        registry.rejects(marriage(marriageId, secondWife, wife, WED, null), "marriage.wrong-sex", "husbandId");
    }

    @Test
    void rejectsAWifeWhoIsNotFemale() {
        registry.rejects(marriage(marriageId, husband, secondHusband, WED, null), "marriage.wrong-sex", "wifeId");
    }

    @Test
    void rejectsADeceasedSpouse() {
        registry.given(wife, new DeathRegisteredEvent(wife, LocalDate.of(2019, 1, 1), null, null, OFFICE, RECORDED_AT));
        registry.rejects(marriage(marriageId, husband, wife, WED, null), "person.deceased", "wifeId");
    }

    @Test
    void rejectsAMarriageDatedAfterTheRegistrationDate() {
        registry.rejects(marriage(marriageId, husband, wife, TODAY.plusDays(1), null), "date.in-future", "marriageDate");
    }

    @Test
    void rejectsSecondConcurrentMarriageOfHusbandWithoutCourtAuthorisation() {
        registry.when(marriage(marriageId, husband, wife, WED, null));
        registry.rejects(marriage(UUID.randomUUID(), husband, secondWife, WED.plusYears(1), null),
                "marriage.court-authorisation-required", "courtAuthorisation");
        assertThat(registry.events(secondWife)).hasSize(1);
    }

    @Test
    void acceptsSecondMarriageOfHusbandWithCourtAuthorisation() {
        registry.when(marriage(marriageId, husband, wife, WED, null));
        UUID second = UUID.randomUUID();
        registry.when(marriage(second, husband, secondWife, WED.plusYears(1), "محكمة الكرخ 2021/44"));
        assertThat(registry.state(husband).activeMarriages()).extracting(PersonState.Marriage::marriageId)
                .containsExactly(marriageId, second);
    }

    @Test
    void rejectsAWifeAlreadyInAMarriage() {
        registry.when(marriage(marriageId, husband, wife, WED, null));
        registry.rejects(marriage(UUID.randomUUID(), secondHusband, wife, WED.plusYears(1), "حكم"),
                "marriage.conflicting", "wifeId");
    }

    @Test
    void rejectsMarryingTheSamePairTwice() {
        registry.when(marriage(marriageId, husband, wife, WED, null));
        registry.rejects(marriage(UUID.randomUUID(), husband, wife, WED.plusYears(1), "حكم"),
                "marriage.already-married-to-each-other", "wifeId");
    }

    @Test
    void acceptsAWidowsRemarriageAfterHerHusbandsDeath() {
        registry.when(marriage(marriageId, husband, wife, WED, null));
        registry.given(husband, new DeathRegisteredEvent(husband, LocalDate.of(2022, 1, 1), null, null, OFFICE,
                RECORDED_AT));
        registry.when(marriage(UUID.randomUUID(), secondHusband, wife, LocalDate.of(2023, 1, 1), null));
        assertThat(registry.lastEvent(wife)).isInstanceOf(MarriageRegisteredEvent.class);
    }

    @Test
    void rejectsAMarriageIdAlreadyUsed() {
        registry.when(marriage(marriageId, husband, wife, WED, null));
        registry.rejects(marriage(marriageId, secondHusband, secondWife, WED, null), "marriage.id-taken", "marriageId");
    }

    @Test
    void recordsTheDivorceInBothStreamsAndEndsTheMarriage() {
        registry.when(marriage(marriageId, husband, wife, WED, null));
        registry.when(divorce(marriageId, LocalDate.of(2023, 1, 1)));
        for (UUID spouse : new UUID[] {husband, wife}) {
            assertThat(registry.lastEvent(spouse)).isEqualTo(new DivorceRegisteredEvent(spouse, marriageId,
                    LocalDate.of(2023, 1, 1), "محكمة الأحوال الشخصية 2023/9", OFFICE, RECORDED_AT));
            assertThat(registry.state(spouse).activeMarriages()).isEmpty();
        }
        registry.when(marriage(UUID.randomUUID(), secondHusband, wife, LocalDate.of(2023, 6, 1), null));
    }

    @Test
    void rejectsADivorceOfAnUnknownMarriage() {
        registry.rejects(divorce(UUID.randomUUID(), LocalDate.of(2023, 1, 1)), "marriage.not-found", "marriageId");
    }

    @Test
    void rejectsADivorceDatedBeforeTheMarriage() {
        registry.when(marriage(marriageId, husband, wife, WED, null));
        registry.rejects(divorce(marriageId, WED.minusDays(1)), "divorce.before-marriage", "divorceDate");
    }

    @Test
    void rejectsASecondDivorceOfTheSameMarriage() {
        registry.when(marriage(marriageId, husband, wife, WED, null));
        registry.when(divorce(marriageId, LocalDate.of(2023, 1, 1)));
        registry.rejects(divorce(marriageId, LocalDate.of(2023, 2, 1)), "marriage.not-active", "marriageId");
    }
}
