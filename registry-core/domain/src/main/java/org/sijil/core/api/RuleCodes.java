package org.sijil.core.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stable codes of {@link RegistryRuleViolation}: each keys a localised message in the API, so
 * a code, once published, keeps its meaning. {@link #englishMeanings()} lists every code with a
 * one-line English meaning, the reference for translators.
 */
public final class RuleCodes {

    /** A required field is missing or blank. */
    public static final String FIELD_REQUIRED = "field.required";
    /** A date is after the registration date (the day of {@code recordedAt} in Baghdad). */
    public static final String DATE_IN_FUTURE = "date.in-future";
    /** A life event would be dated before the person's date of birth. */
    public static final String DATE_BEFORE_BIRTH = "date.before-birth";
    /** The national number is not 12 digits with a valid Damm check digit and non-zero first digit. */
    public static final String NATIONAL_NUMBER_INVALID = "national-number.invalid";
    /** The national number already belongs to another person. */
    public static final String NATIONAL_NUMBER_TAKEN = "national-number.taken";
    /** A person with this id is already registered. */
    public static final String PERSON_ALREADY_REGISTERED = "person.already-registered";
    /** No registered person has this id. */
    public static final String PERSON_NOT_FOUND = "person.not-found";
    /** The person is deceased; only a correction of the death itself is accepted. */
    public static final String PERSON_DECEASED = "person.deceased";
    /** The person's data was erased; the record accepts no further commands. */
    public static final String PERSON_ERASED = "person.erased";
    /** The Arabic lineage name lacks a required part (given, father, grandfather; at birth also the mother's names). */
    public static final String NAME_INCOMPLETE = "name.incomplete";
    /** A place lacks its governorate. */
    public static final String PLACE_INCOMPLETE = "place.incomplete";
    /** The named mother is not female, or the named father is not male. */
    public static final String PARENT_WRONG_SEX = "parent.wrong-sex";
    /** The named parent was not born before the child. */
    public static final String PARENT_BORN_AFTER_CHILD = "parent.born-after-child";
    /** The mother died before the birth, or the father died more than a year before it. */
    public static final String PARENT_DECEASED_BEFORE_BIRTH = "parent.deceased-before-birth";
    /** The date of death is before the date of birth. */
    public static final String DEATH_BEFORE_BIRTH = "death.before-birth";
    /** The date of death is before a life event already recorded for the person. */
    public static final String DEATH_BEFORE_LAST_EVENT = "death.before-last-event";
    /** A marriage with this id is already registered. */
    public static final String MARRIAGE_ID_TAKEN = "marriage.id-taken";
    /** Husband and wife are the same person. */
    public static final String MARRIAGE_SAME_PERSON = "marriage.same-person";
    /** A spouse is under 18 on the marriage date (Iraqi Personal Status Law, art. 7). */
    public static final String MARRIAGE_UNDERAGE = "marriage.underage";
    /** The husband is not male or the wife is not female. */
    public static final String MARRIAGE_WRONG_SEX = "marriage.wrong-sex";
    /** The wife is in a marriage that had not ended by the marriage date. */
    public static final String MARRIAGE_CONFLICTING = "marriage.conflicting";
    /** The husband is already married; a further marriage needs a court's authorisation (art. 3). */
    public static final String MARRIAGE_COURT_AUTHORISATION_REQUIRED = "marriage.court-authorisation-required";
    /** The two persons are already married to each other. */
    public static final String MARRIAGE_ALREADY_MARRIED_TO_EACH_OTHER = "marriage.already-married-to-each-other";
    /** No marriage with this id is registered (for this person). */
    public static final String MARRIAGE_NOT_FOUND = "marriage.not-found";
    /** The marriage has already ended by divorce. */
    public static final String MARRIAGE_NOT_ACTIVE = "marriage.not-active";
    /** The divorce date is before the marriage date. */
    public static final String DIVORCE_BEFORE_MARRIAGE = "divorce.before-marriage";
    /** The corrected event id names no event of this person. */
    public static final String CORRECTION_UNKNOWN_EVENT = "correction.unknown-event";
    /** The correction carries no corrected value. */
    public static final String CORRECTION_EMPTY = "correction.empty";
    /** A corrected value is not part of the corrected event (e.g. a date of death on a birth). */
    public static final String CORRECTION_NOT_APPLICABLE = "correction.not-applicable";
    /** The person already holds a card with this number. */
    public static final String ID_CARD_DUPLICATE = "id-card.duplicate";
    /** Another person holds, or held, a card with this number. */
    public static final String ID_CARD_NUMBER_TAKEN = "id-card.number-taken";
    /** The card's expiry date is not after its issue date. */
    public static final String ID_CARD_EXPIRY_NOT_AFTER_ISSUE = "id-card.expiry-not-after-issue";
    /** The person holds no card with this number. */
    public static final String ID_CARD_NOT_HELD = "id-card.not-held";
    /** The card is already revoked. */
    public static final String ID_CARD_ALREADY_REVOKED = "id-card.already-revoked";
    /** The revocation date is before the card's issue date. */
    public static final String ID_CARD_REVOKED_BEFORE_ISSUE = "id-card.revoked-before-issue";

    private static final Map<String, String> MEANINGS = meanings();

    private RuleCodes() {
    }

    /** Every code, in declaration order, with its English meaning. */
    public static Map<String, String> englishMeanings() {
        return MEANINGS;
    }

    private static Map<String, String> meanings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(FIELD_REQUIRED, "A required field is missing or blank.");
        m.put(DATE_IN_FUTURE, "A date is after the registration date.");
        m.put(DATE_BEFORE_BIRTH, "A life event would be dated before the person's date of birth.");
        m.put(NATIONAL_NUMBER_INVALID, "The national number is not 12 digits with a valid check digit.");
        m.put(NATIONAL_NUMBER_TAKEN, "The national number already belongs to another person.");
        m.put(PERSON_ALREADY_REGISTERED, "A person with this id is already registered.");
        m.put(PERSON_NOT_FOUND, "No registered person has this id.");
        m.put(PERSON_DECEASED, "The person is deceased; only a correction of the death is accepted.");
        m.put(PERSON_ERASED, "The person's data was erased; the record accepts no further commands.");
        m.put(NAME_INCOMPLETE, "The Arabic lineage name lacks a required part.");
        m.put(PLACE_INCOMPLETE, "The place lacks its governorate.");
        m.put(PARENT_WRONG_SEX, "The mother is not female or the father is not male.");
        m.put(PARENT_BORN_AFTER_CHILD, "The parent was not born before the child.");
        m.put(PARENT_DECEASED_BEFORE_BIRTH, "The parent had died too long before the birth.");
        m.put(DEATH_BEFORE_BIRTH, "The date of death is before the date of birth.");
        m.put(DEATH_BEFORE_LAST_EVENT, "The date of death is before a life event already recorded.");
        m.put(MARRIAGE_ID_TAKEN, "A marriage with this id is already registered.");
        m.put(MARRIAGE_SAME_PERSON, "Husband and wife are the same person.");
        m.put(MARRIAGE_UNDERAGE, "A spouse is under 18 on the marriage date.");
        m.put(MARRIAGE_WRONG_SEX, "The husband is not male or the wife is not female.");
        m.put(MARRIAGE_CONFLICTING, "The wife is already in a marriage that had not ended by the marriage date.");
        m.put(MARRIAGE_COURT_AUTHORISATION_REQUIRED,
                "The husband is already married; a further marriage needs a court's authorisation.");
        m.put(MARRIAGE_ALREADY_MARRIED_TO_EACH_OTHER, "The two persons are already married to each other.");
        m.put(MARRIAGE_NOT_FOUND, "No such marriage is registered.");
        m.put(MARRIAGE_NOT_ACTIVE, "The marriage has already ended by divorce.");
        m.put(DIVORCE_BEFORE_MARRIAGE, "The divorce date is before the marriage date.");
        m.put(CORRECTION_UNKNOWN_EVENT, "The corrected event is not an event of this person.");
        m.put(CORRECTION_EMPTY, "The correction carries no corrected value.");
        m.put(CORRECTION_NOT_APPLICABLE, "A corrected value is not part of the corrected event.");
        m.put(ID_CARD_DUPLICATE, "The person already holds a card with this number.");
        m.put(ID_CARD_NUMBER_TAKEN, "Another person holds, or held, a card with this number.");
        m.put(ID_CARD_EXPIRY_NOT_AFTER_ISSUE, "The card's expiry date is not after its issue date.");
        m.put(ID_CARD_NOT_HELD, "The person holds no card with this number.");
        m.put(ID_CARD_ALREADY_REVOKED, "The card is already revoked.");
        m.put(ID_CARD_REVOKED_BEFORE_ISSUE, "The revocation date is before the card's issue date.");
        return Collections.unmodifiableMap(m);
    }
}
