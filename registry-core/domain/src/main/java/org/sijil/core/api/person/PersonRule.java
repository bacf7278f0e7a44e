package org.sijil.core.api.person;

import org.sijil.core.api.Rule;

/**
 * The rules of persons' records that a command can break: each a stable code (it keys the
 * localised message in the API, so once published it keeps its meaning) and a one-line English
 * meaning, the reference for translators.
 */
public enum PersonRule implements Rule {

    /** A date is after the registration date (the day of {@code recordedAt} in Baghdad). */
    DATE_IN_FUTURE("date.in-future",
            "A date is after the registration date."),
    /** A life event would be dated before the person's date of birth. */
    DATE_BEFORE_BIRTH("date.before-birth",
            "A life event would be dated before the person's date of birth."),
    /** The national number is not 12 digits with a valid Damm check digit and non-zero first digit. */
    NATIONAL_NUMBER_INVALID("national-number.invalid",
            "The national number is not 12 digits with a valid check digit."),
    /** The national number already belongs to another person. */
    NATIONAL_NUMBER_TAKEN("national-number.taken",
            "The national number already belongs to another person."),
    /** A person with this id is already registered. */
    PERSON_ALREADY_REGISTERED("person.already-registered",
            "A person with this id is already registered."),
    /** No registered person has this id. */
    PERSON_NOT_FOUND("person.not-found",
            "No registered person has this id."),
    /** The person is deceased; only a correction of the death itself is accepted. */
    PERSON_DECEASED("person.deceased",
            "The person is deceased; only a correction of the death is accepted."),
    /** The person's data was erased; the record accepts no further commands. */
    PERSON_ERASED("person.erased",
            "The person's data was erased; the record accepts no further commands."),
    /** The Arabic lineage name lacks a required part (given, father, grandfather; at birth also the mother's names). */
    NAME_INCOMPLETE("name.incomplete",
            "The Arabic lineage name lacks a required part."),
    /** A place lacks its governorate. */
    PLACE_INCOMPLETE("place.incomplete",
            "The place lacks its governorate."),
    /** The named mother is not female, or the named father is not male. */
    PARENT_WRONG_SEX("parent.wrong-sex",
            "The mother is not female or the father is not male."),
    /** The named parent was not born before the child. */
    PARENT_BORN_AFTER_CHILD("parent.born-after-child",
            "The parent was not born before the child."),
    /** The mother died before the birth, or the father died more than a year before it. */
    PARENT_DECEASED_BEFORE_BIRTH("parent.deceased-before-birth",
            "The parent had died too long before the birth."),
    /** The date of death is before the date of birth. */
    DEATH_BEFORE_BIRTH("death.before-birth",
            "The date of death is before the date of birth."),
    /** The date of death is before a life event already recorded for the person. */
    DEATH_BEFORE_LAST_EVENT("death.before-last-event",
            "The date of death is before a life event already recorded."),
    /** A marriage with this id is already registered. */
    MARRIAGE_ID_TAKEN("marriage.id-taken",
            "A marriage with this id is already registered."),
    /** Husband and wife are the same person. */
    MARRIAGE_SAME_PERSON("marriage.same-person",
            "Husband and wife are the same person."),
    /** A spouse is under 18 on the marriage date (Iraqi Personal Status Law, art. 7). */
    MARRIAGE_UNDERAGE("marriage.underage",
            "A spouse is under 18 on the marriage date."),
    /** The husband is not male or the wife is not female. */
    MARRIAGE_WRONG_SEX("marriage.wrong-sex",
            "The husband is not male or the wife is not female."),
    /** The wife is in a marriage that had not ended by the marriage date. */
    MARRIAGE_CONFLICTING("marriage.conflicting",
            "The wife is already in a marriage that had not ended by the marriage date."),
    /** The husband is already married; a further marriage needs a court's authorisation (art. 3). */
    MARRIAGE_COURT_AUTHORISATION_REQUIRED("marriage.court-authorisation-required",
            "The husband is already married; a further marriage needs a court's authorisation."),
    /** The two persons are already married to each other. */
    MARRIAGE_ALREADY_MARRIED_TO_EACH_OTHER("marriage.already-married-to-each-other",
            "The two persons are already married to each other."),
    /** No marriage with this id is registered (for this person). */
    MARRIAGE_NOT_FOUND("marriage.not-found",
            "No such marriage is registered."),
    /** The marriage has already ended by divorce. */
    MARRIAGE_NOT_ACTIVE("marriage.not-active",
            "The marriage has already ended by divorce."),
    /** The divorce date is before the marriage date. */
    DIVORCE_BEFORE_MARRIAGE("divorce.before-marriage",
            "The divorce date is before the marriage date."),
    /** The corrected event id names no event of this person. */
    CORRECTION_UNKNOWN_EVENT("correction.unknown-event",
            "The corrected event is not an event of this person."),
    /** The correction carries no corrected value. */
    CORRECTION_EMPTY("correction.empty",
            "The correction carries no corrected value."),
    /** A corrected value is not part of the corrected event (e.g. a date of death on a birth). */
    CORRECTION_NOT_APPLICABLE("correction.not-applicable",
            "A corrected value is not part of the corrected event."),
    /** The person already holds a card with this number. */
    ID_CARD_DUPLICATE("id-card.duplicate",
            "The person already holds a card with this number."),
    /** Another person holds, or held, a card with this number. */
    ID_CARD_NUMBER_TAKEN("id-card.number-taken",
            "Another person holds, or held, a card with this number."),
    /** The card's expiry date is not after its issue date. */
    ID_CARD_EXPIRY_NOT_AFTER_ISSUE("id-card.expiry-not-after-issue",
            "The card's expiry date is not after its issue date."),
    /** The person holds no card with this number. */
    ID_CARD_NOT_HELD("id-card.not-held",
            "The person holds no card with this number."),
    /** The card is already revoked. */
    ID_CARD_ALREADY_REVOKED("id-card.already-revoked",
            "The card is already revoked."),
    /** The revocation date is before the card's issue date. */
    ID_CARD_REVOKED_BEFORE_ISSUE("id-card.revoked-before-issue",
            "The revocation date is before the card's issue date.");

    private final String code;
    private final String meaning;

    PersonRule(String code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String meaning() {
        return meaning;
    }
}
