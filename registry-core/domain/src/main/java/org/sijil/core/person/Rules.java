package org.sijil.core.person;

import org.sijil.core.api.FieldRule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.sijil.core.api.LineageName;
import org.sijil.core.api.PersonName;
import org.sijil.core.api.Place;
import org.sijil.core.api.RegistryRuleViolation;
import org.sijil.core.api.Rule;
import org.sijil.core.api.person.PersonRule;

/** Checks shared by every command: presence, dates against the registration date, names, places. */
final class Rules {

    /** Registration dates are the civil-registry day in Iraq, whatever the server's zone. */
    static final ZoneId REGISTRY_ZONE = ZoneId.of("Asia/Baghdad");

    private Rules() {
    }

    static RegistryRuleViolation violation(Rule rule, String field, String message) {
        return new RegistryRuleViolation(rule, field, message);
    }

    static void required(Object value, String field) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw violation(FieldRule.REQUIRED, field, field + " is required");
        }
    }

    /** The registration date: the day of {@code recordedAt} in Baghdad. */
    static LocalDate registrationDate(Instant recordedAt) {
        required(recordedAt, "recordedAt");
        return LocalDate.ofInstant(recordedAt, REGISTRY_ZONE);
    }

    /** Rejects {@code date} (when present) if it is after the registration date. */
    static void notInFuture(LocalDate date, String field, LocalDate registrationDate) {
        if (date != null && date.isAfter(registrationDate)) {
            throw violation(PersonRule.DATE_IN_FUTURE, field,
                    field + " " + date + " is after the registration date " + registrationDate);
        }
    }

    /**
     * Requires the Arabic lineage name's given, father's and grandfather's names, and with
     * {@code withMother} also the mother's given name and maternal grandfather's name.
     */
    static void completeName(PersonName name, String field, boolean withMother) {
        required(name, field);
        LineageName arabic = name.arabic();
        boolean complete = arabic != null
                && present(arabic.given()) && present(arabic.father()) && present(arabic.grandfather())
                && (!withMother || present(arabic.motherGiven()) && present(arabic.maternalGrandfather()));
        if (!complete) {
            throw violation(PersonRule.NAME_INCOMPLETE, field, field + " lacks a required part of the Arabic name");
        }
    }

    static void completePlace(Place place, String field) {
        required(place, field);
        if (!present(place.governorate())) {
            throw violation(PersonRule.PLACE_INCOMPLETE, field, field + " lacks its governorate");
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
