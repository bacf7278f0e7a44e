package org.sijil.api.it;

import java.time.LocalDate;

/**
 * Request bodies with real Iraqi lineage names. The Arabic names are common given names and
 * family names of Baghdad and Ninawa (as listed in Iraqi civil-status forms); the Kurdish forms
 * are their usual Sorani spellings.
 */
public final class People {

    private People() {
    }

    public static String birth(String given, String sex, LocalDate dateOfBirth, String governorate, String motherId,
                        String fatherId) {
        return """
                {"name": {"arabic": {"given": "%s", "father": "علي", "grandfather": "حسين", "family": "الجبوري",
                                      "motherGiven": "فاطمة", "maternalGrandfather": "عباس"},
                          "kurdish": {"given": "%s", "father": "عەلی", "grandfather": "حوسێن"},
                          "latin": {"given": "Given", "father": "Ali", "grandfather": "Hussein", "family": "Al-Jubouri"}},
                 "sex": "%s", "dateOfBirth": "%s",
                 "placeOfBirth": {"governorate": "%s", "locality": "مستشفى اليرموك"}%s%s}
                """.formatted(given, given, sex, dateOfBirth, governorate,
                motherId == null ? "" : ", \"motherId\": \"" + motherId + "\"",
                fatherId == null ? "" : ", \"fatherId\": \"" + fatherId + "\"");
    }

    public static String adultMan(String governorate) {
        return birth("محمد", "MALE", LocalDate.of(1990, 3, 14), governorate, null, null);
    }

    public static String adultWoman(String governorate) {
        return birth("زينب", "FEMALE", LocalDate.of(1993, 7, 2), governorate, null, null);
    }
}
