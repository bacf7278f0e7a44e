package org.sijil.query.view.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sijil.core.api.person.BirthRegisteredEvent;
import org.sijil.core.api.person.CorrectionRecordedEvent;
import org.sijil.core.api.person.DivorceRegisteredEvent;
import org.sijil.core.api.LineageName;
import org.sijil.core.api.person.MarriageRegisteredEvent;
import org.sijil.core.api.person.PersonErasedEvent;
import org.sijil.core.api.PersonName;
import org.sijil.core.api.Place;
import org.sijil.core.api.person.ResidenceChangedEvent;
import org.sijil.core.api.Sex;
import org.sijil.core.api.person.SpouseRole;
import org.sijil.query.view.person.PersonHistory.By;
import org.sijil.query.view.person.PersonHistory.Entry;

/**
 * The fold behind the person view and the as-of view. Names are common Iraqi lineage names
 * (Ninawa), as in the API's integration tests.
 */
class PersonHistoryTest {

    static final UUID ID = UUID.fromString("5c2e8f3e-1d7a-4a51-9d6f-0b8f4f0b2c11");
    static final UUID SPOUSE = UUID.fromString("7a0d9b1e-3c55-4d0e-8a3b-2e6f1c9d4a22");
    static final UUID MARRIAGE = UUID.fromString("0e4b6c2a-9f13-4b7d-a6c8-5d1e3f7a9b33");
    static final PersonName NAME = new PersonName(
            new LineageName("مصطفى", "علي", "حسين", "الجبوري", "فاطمة", "عباس"), null, null);
    static final PersonName CORRECTED = new PersonName(
            new LineageName("مصطفى", "علي", "حسن", "الجبوري", "فاطمة", "عباس"), null, null);

    static final List<Entry> STREAM = List.of(
            new Entry("e0", 0, new BirthRegisteredEvent(ID, "100000000009", NAME, Sex.MALE, LocalDate.of(1990, 3, 14),
                    new Place("NIN", null, null), null, null, "NIN-MOSUL-01", Instant.parse("1990-04-01T08:00:00Z"))),
            new Entry("e1", 1, new MarriageRegisteredEvent(ID, MARRIAGE, SPOUSE, SpouseRole.HUSBAND,
                    LocalDate.of(2015, 6, 1), new Place("NIN", null, null), null, "NIN-MOSUL-01",
                    Instant.parse("2015-06-10T08:00:00Z"))),
            // registered late: the move happened in 2018, recorded in 2021
            new Entry("e2", 2, new ResidenceChangedEvent(ID, new Place("BGD", "BGD-KARKH", "حي المنصور"),
                    LocalDate.of(2018, 1, 1), "BGD-KARKH-01", Instant.parse("2021-02-01T08:00:00Z"))),
            new Entry("e3", 3, new DivorceRegisteredEvent(ID, MARRIAGE, LocalDate.of(2020, 5, 1), "محكمة الكرخ 2020/77",
                    "BGD-KARKH-01", Instant.parse("2020-05-20T08:00:00Z"))),
            new Entry("e4", 4, new CorrectionRecordedEvent(ID, "e0", "محكمة بداءة الموصل", "2022/5",
                    LocalDate.of(2022, 3, 1), CORRECTED, null, null, null, null, "خطأ في اسم الجد", "NIN-MOSUL-01",
                    Instant.parse("2022-03-05T08:00:00Z"))));

    @Test
    void foldingTheWholeStreamGivesTheCurrentRecord() {
        PersonRecord now = PersonFold.fold(STREAM.stream().map(Entry::event).toList());
        assertThat(now.version()).isEqualTo(4);
        assertThat(now.name()).isEqualTo(CORRECTED);
        assertThat(now.civilStatus()).isEqualTo(PersonRecord.CivilStatus.DIVORCED);
        assertThat(now.spouses()).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(PersonRecord.MarriageStatus.DIVORCED);
            assertThat(s.divorceDate()).isEqualTo(LocalDate.of(2020, 5, 1));
        });
        assertThat(now.residence().governorate()).isEqualTo("BGD");
    }

    @Test
    void byRegistrationShowsWhatTheRegisterSaidThen() {
        PersonRecord in2019 = PersonHistory.asOf(STREAM, Instant.parse("2019-01-01T00:00:00Z"), By.REGISTRATION);
        assertThat(in2019.civilStatus()).isEqualTo(PersonRecord.CivilStatus.MARRIED);
        assertThat(in2019.residence()).as("the move was not yet registered").isNull();
        assertThat(in2019.name()).isEqualTo(NAME);
    }

    @Test
    void byEventTimeShowsWhatWasTrueThenAsKnownNow() {
        PersonRecord in2019 = PersonHistory.asOf(STREAM, Instant.parse("2019-01-01T00:00:00Z"), By.EVENT);
        assertThat(in2019.residence().governorate()).as("the move happened in 2018").isEqualTo("BGD");
        assertThat(in2019.civilStatus()).isEqualTo(PersonRecord.CivilStatus.MARRIED);
        assertThat(in2019.name()).as("a correction holds from the corrected birth on").isEqualTo(CORRECTED);
    }

    @Test
    void beforeBirthThereIsNoRecord() {
        assertThat(PersonHistory.asOf(STREAM, Instant.parse("1990-01-01T00:00:00Z"), By.EVENT)).isNull();
        assertThat(PersonHistory.asOf(STREAM, Instant.parse("1990-03-31T00:00:00Z"), By.REGISTRATION)).isNull();
    }

    @Test
    void anErasedPersonHasNoRecordAtAnyTime() {
        List<Entry> erased = new java.util.ArrayList<>(STREAM);
        erased.add(new Entry("e5", 5, new PersonErasedEvent(ID, "قرار 2025/14", Instant.parse("2025-01-01T00:00:00Z"))));
        assertThat(PersonHistory.asOf(erased, Instant.parse("2019-01-01T00:00:00Z"), By.REGISTRATION)).isNull();
        // on replay the birth reads with its personal fields null
        BirthRegisteredEvent unreadable = new BirthRegisteredEvent(ID, null, null, Sex.MALE, null, null, null, null,
                "NIN-MOSUL-01", Instant.parse("1990-04-01T08:00:00Z"));
        assertThat(PersonFold.apply(null, unreadable, 0)).isNull();
    }
}
