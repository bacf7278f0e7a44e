package org.sijil.core.api.consent;

import org.sijil.core.api.access.AccessRecordedEvent;
import org.sijil.core.api.DataCategory;
import org.sijil.core.api.person.PersonRule;
import org.sijil.core.api.RegistryRuleViolation;
import org.sijil.core.api.Rule;

/**
 * The rules of consents, legal bases and access records that a command can break, and the reasons
 * a read is denied (stored in an access event's {@code reason}): each a stable code (it keys the
 * localised message in the API, so once published it keeps its meaning) and a one-line English
 * meaning, the reference for translators.
 */
public enum ConsentRule implements Rule {

    /** The stable codes of consents, legal bases and access records: the rules their commands break ({@link RegistryRuleViolation#code()}) and the reasons a read is denied (stored in {@link AccessRecordedEvent#reason()}, so once published a code keeps its meaning). Each keys a localised message in the API; {@link #englishMeanings()} is the reference for translators. Required fields use {@link PersonRule#FIELD_REQUIRED}. / public final class ConsentRule {  /** No data category is named. */
    CATEGORIES_REQUIRED("categories.required",
            "Name at least one data category."),
    /** A data category is not a {@link DataCategory}. */
    CATEGORY_UNKNOWN("category.unknown",
            "Unknown data category; the categories are IDENTITY, CIVIL_STATUS, FAMILY, RESIDENCE and ID_CARD."),
    /** A validity period ends before it starts (or, for a consent, when it starts). */
    PERIOD_END_BEFORE_START("period.end-before-start",
            "The validity period ends before it starts."),
    /** A consent's validity period has already ended when it is granted. */
    PERIOD_EXPIRED("period.expired",
            "The validity period has already ended."),
    /** The consent was granted by another person. */
    CONSENT_NOT_YOURS("consent.not-yours",
            "This consent was granted by another person."),
    /** The consent is already revoked. */
    CONSENT_ALREADY_REVOKED("consent.already-revoked",
            "This consent is already revoked."),
    /** The consent was not granted to this ministry for this purpose. */
    CONSENT_NOT_COVERING("consent.not-covering",
            "The consent was not granted to this ministry for this purpose."),
    /** A read relied on a revoked consent. */
    CONSENT_REVOKED("consent.revoked",
            "The consent was revoked."),
    /** A read relied on a consent outside its validity period. */
    CONSENT_NOT_IN_FORCE("consent.not-in-force",
            "The consent is not in force at this time."),
    /** A read relied on a one-time consent that was already used. */
    CONSENT_ALREADY_USED("consent.already-used",
            "The one-time consent has already been used."),
    /** A legal basis names no purpose. */
    LEGAL_BASIS_PURPOSES_REQUIRED("legal-basis.purposes-required",
            "Name at least one purpose the legal basis covers."),
    /** The legal basis is already repealed. */
    LEGAL_BASIS_ALREADY_REPEALED("legal-basis.already-repealed",
            "This legal basis is already repealed."),
    /** A granted access lacks its basis, or a denied one its reason or has categories. */
    ACCESS_RECORD_INCONSISTENT("access.record-inconsistent",
            "A granted access needs its basis; a denied access needs a reason and returns no data."),
    /** Denied: no consent and no legal basis covers this ministry and purpose. */
    DENIED_NO_BASIS("access.no-basis",
            "No consent of the citizen and no legal basis covers this ministry and purpose."),
    /** Denied: the citizen revoked the consent for this ministry and purpose. */
    DENIED_CONSENT_REVOKED("access.consent-revoked",
            "The citizen revoked the consent for this purpose."),
    /** Denied: the consent for this ministry and purpose has expired. */
    DENIED_CONSENT_EXPIRED("access.consent-expired",
            "The citizen's consent for this purpose has expired."),
    /** Denied: the consent for this ministry and purpose is not yet in force. */
    DENIED_CONSENT_NOT_YET_VALID("access.consent-not-yet-valid",
            "The citizen's consent for this purpose is not yet in force."),
    /** Denied: the one-time consent for this ministry and purpose was already used. */
    DENIED_CONSENT_USED("access.consent-used",
            "The citizen's one-time consent for this purpose has already been used.");

    private final String code;
    private final String meaning;

    ConsentRule(String code, String meaning) {
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
