package org.sijil.core.person;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.sijil.core.api.person.BirthRegisteredEvent;
import org.sijil.core.api.LineageName;
import org.sijil.core.api.PersonName;
import org.sijil.core.api.Place;
import org.sijil.core.api.person.RegisterBirthCommand;
import org.sijil.core.api.person.RegisterMarriageCommand;
import org.sijil.core.api.Sex;
import org.sijil.core.nationalnumber.NationalNumber;

/**
 * Shared test data. Names are real Arabic given names common in Iraq (محمد, علي, حسين, فاطمة,
 * عباس, زينب, كريم, جاسم, مريم, صالح, حسن, أحمد) and real Iraqi tribal laqabs: الجبوري (the Jubur
 * tribe) and التميمي (Banu Tamim), as listed in the English Wikipedia articles "Jubur" and "Banu
 * Tamim". Geography uses Baghdad's governorate code BGD.
 */
final class TestData {

    /** 12:00 in Baghdad on 10 March 2024: the registration date of most commands. */
    static final Instant RECORDED_AT = Instant.parse("2024-03-10T09:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2024, 3, 10);
    static final String OFFICE = "BGD-KARKH-01";
    static final Place BAGHDAD = new Place("BGD", "KARKH", "مستشفى اليرموك");
    static final Place BASRA = new Place("BSR", null, "العشار");

    /** محمد علي حسين الجبوري, son of فاطمة عباس. */
    static final PersonName MUHAMMAD = name("محمد", "علي", "حسين", "الجبوري", "فاطمة", "عباس");
    /** زينب كريم جاسم التميمي, daughter of مريم صالح. */
    static final PersonName ZAINAB = name("زينب", "كريم", "جاسم", "التميمي", "مريم", "صالح");
    /** أحمد حسن علي الجبوري, son of زينب كريم. */
    static final PersonName AHMAD = name("أحمد", "حسن", "علي", "الجبوري", "زينب", "كريم");

    private TestData() {
    }

    static PersonName name(String given, String father, String grandfather, String family, String mother,
                           String maternalGrandfather) {
        return new PersonName(new LineageName(given, father, grandfather, family, mother, maternalGrandfather),
                null, null);
    }

    /** A valid national number built from eleven digits. */
    static String nationalNumber(String eleven) {
        return eleven + NationalNumber.checkDigit(eleven);
    }

    static String freshNationalNumber() {
        long n = 10_000_000_000L + (UUID.randomUUID().getMostSignificantBits() & 0xFFFFFFFFFL) % 89_999_999_999L;
        return nationalNumber(Long.toString(n));
    }

    static BirthRegisteredEvent born(UUID personId, PersonName name, Sex sex, LocalDate dateOfBirth) {
        return new BirthRegisteredEvent(personId, freshNationalNumber(), name, sex, dateOfBirth, BAGHDAD, null, null,
                OFFICE, RECORDED_AT);
    }

    static RegisterBirthCommand birth(UUID personId, Sex sex, LocalDate dateOfBirth, UUID motherId, UUID fatherId) {
        return new RegisterBirthCommand(personId, freshNationalNumber(), AHMAD, sex, dateOfBirth, BAGHDAD, motherId,
                fatherId, OFFICE, RECORDED_AT);
    }

    static RegisterMarriageCommand marriage(UUID marriageId, UUID husbandId, UUID wifeId, LocalDate date,
                                            String courtAuthorisation) {
        return new RegisterMarriageCommand(marriageId, husbandId, wifeId, date, BAGHDAD, courtAuthorisation, OFFICE,
                RECORDED_AT);
    }
}
