package org.sijil.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.sijil.core.api.person.BirthRegisteredEvent;
import org.sijil.core.api.person.CorrectionRecordedEvent;
import org.sijil.core.api.person.DeathRegisteredEvent;
import org.sijil.core.api.person.DivorceRegisteredEvent;
import org.sijil.core.api.person.IdCardIssuedEvent;
import org.sijil.core.api.person.IdCardRevokedEvent;
import org.sijil.core.api.LineageName;
import org.sijil.core.api.person.MarriageRegisteredEvent;
import org.sijil.core.api.person.NameChangedEvent;
import org.sijil.core.api.person.PersonErasedEvent;
import org.sijil.core.api.person.PersonEvent;
import org.sijil.core.api.PersonName;
import org.sijil.core.api.Place;
import org.sijil.core.api.person.ResidenceChangedEvent;
import org.sijil.core.api.Sex;
import org.sijil.core.api.person.SpouseRole;

/** One fixed sample of every event type, with a real Arabic lineage name and Kurdish forms. */
final class SampleEvents {

    static final UUID PERSON = UUID.fromString("6f1c2b9e-0d2a-4c3e-9b8a-1f2e3d4c5b6a");
    static final UUID OTHER = UUID.fromString("0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d");
    static final UUID MARRIAGE = UUID.fromString("11111111-2222-4333-8444-555555555555");
    static final Instant AT = Instant.parse("2025-03-02T09:15:30Z");
    static final PersonName NAME = new PersonName(
            new LineageName("محمد", "علي", "حسين", "الجبوري", "فاطمة", "عباس"),
            new LineageName("محەممەد", "عەلی", "حوسێن", null, null, null),
            new LineageName("Mohammed", "Ali", "Hussein", "Al-Jubouri", "Fatima", "Abbas"));
    static final Place KARKH = new Place("BGD", "BGD-KARKH", "مستشفى اليرموك");

    private SampleEvents() {
    }

    static PersonEvent of(Class<?> type) {
        if (type == BirthRegisteredEvent.class) {
            return new BirthRegisteredEvent(PERSON, "572400000019", NAME, Sex.MALE, LocalDate.of(2025, 3, 1), KARKH,
                    OTHER, null, "BGD-KARKH-01", AT);
        } else if (type == DeathRegisteredEvent.class) {
            return new DeathRegisteredEvent(PERSON, LocalDate.of(2025, 3, 1), KARKH, "I21.9", "BGD-KARKH-01", AT);
        } else if (type == MarriageRegisteredEvent.class) {
            return new MarriageRegisteredEvent(PERSON, MARRIAGE, OTHER, SpouseRole.HUSBAND, LocalDate.of(2015, 6, 1),
                    KARKH, null, "BGD-KARKH-01", AT);
        } else if (type == DivorceRegisteredEvent.class) {
            return new DivorceRegisteredEvent(PERSON, MARRIAGE, LocalDate.of(2024, 9, 9), "2024/901", "BGD-KARKH-01",
                    AT);
        } else if (type == NameChangedEvent.class) {
            return new NameChangedEvent(PERSON, NAME, LocalDate.of(2022, 3, 1), "2022/118", "BGD-KARKH-01", AT);
        } else if (type == ResidenceChangedEvent.class) {
            return new ResidenceChangedEvent(PERSON, KARKH, LocalDate.of(2021, 2, 1), "BGD-KARKH-01", AT);
        } else if (type == IdCardIssuedEvent.class) {
            return new IdCardIssuedEvent(PERSON, "AB1234567", LocalDate.of(2023, 1, 10), LocalDate.of(2033, 1, 10),
                    "BGD-KARKH-01", AT);
        } else if (type == IdCardRevokedEvent.class) {
            return new IdCardRevokedEvent(PERSON, "AB1234567", LocalDate.of(2024, 5, 2), "lost", "BGD-KARKH-01", AT);
        } else if (type == CorrectionRecordedEvent.class) {
            return new CorrectionRecordedEvent(PERSON, "9d1c4e7a-0000-4000-8000-000000000001", "محكمة بداءة الكرخ",
                    "2024/77", LocalDate.of(2024, 6, 1), null, null, LocalDate.of(2020, 1, 4), null, null, null,
                    "BGD-KARKH-01", AT);
        } else if (type == PersonErasedEvent.class) {
            return new PersonErasedEvent(PERSON, "2025/14", AT);
        }
        throw new AssertionError("no sample for " + type + ": add one, and its approved JSON");
    }
}
