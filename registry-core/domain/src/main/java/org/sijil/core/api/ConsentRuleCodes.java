package org.sijil.core.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stable codes of consents, legal bases and access records: the rules their commands break
 * ({@link RegistryRuleViolation#code()}) and the reasons a read is denied (stored in
 * {@link AccessRecordedEvent#reason()}, so once published a code keeps its meaning). Each keys a
 * localised message in the API; {@link #englishMeanings()} is the reference for translators.
 * Required fields use {@link RuleCodes#FIELD_REQUIRED}.
 */
public final class ConsentRuleCodes {

    /** No data category is named. */
    public static final String CATEGORIES_REQUIRED = "categories.required";
    /** A data category is not a {@link DataCategory}. */
    public static final String CATEGORY_UNKNOWN = "category.unknown";
    /** A validity period ends before it starts (or, for a consent, when it starts). */
    public static final String PERIOD_END_BEFORE_START = "period.end-before-start";
    /** A consent's validity period has already ended when it is granted. */
    public static final String PERIOD_EXPIRED = "period.expired";
    /** The consent was granted by another person. */
    public static final String CONSENT_NOT_YOURS = "consent.not-yours";
    /** The consent is already revoked. */
    public static final String CONSENT_ALREADY_REVOKED = "consent.already-revoked";
    /** The consent was not granted to this ministry for this purpose. */
    public static final String CONSENT_NOT_COVERING = "consent.not-covering";
    /** A read relied on a revoked consent. */
    public static final String CONSENT_REVOKED = "consent.revoked";
    /** A read relied on a consent outside its validity period. */
    public static final String CONSENT_NOT_IN_FORCE = "consent.not-in-force";
    /** A read relied on a one-time consent that was already used. */
    public static final String CONSENT_ALREADY_USED = "consent.already-used";
    /** A legal basis names no purpose. */
    public static final String LEGAL_BASIS_PURPOSES_REQUIRED = "legal-basis.purposes-required";
    /** The legal basis is already repealed. */
    public static final String LEGAL_BASIS_ALREADY_REPEALED = "legal-basis.already-repealed";
    /** A granted access lacks its basis, or a denied one its reason or has categories. */
    public static final String ACCESS_RECORD_INCONSISTENT = "access.record-inconsistent";

    /** Denied: no consent and no legal basis covers this ministry and purpose. */
    public static final String DENIED_NO_BASIS = "access.no-basis";
    /** Denied: the citizen revoked the consent for this ministry and purpose. */
    public static final String DENIED_CONSENT_REVOKED = "access.consent-revoked";
    /** Denied: the consent for this ministry and purpose has expired. */
    public static final String DENIED_CONSENT_EXPIRED = "access.consent-expired";
    /** Denied: the consent for this ministry and purpose is not yet in force. */
    public static final String DENIED_CONSENT_NOT_YET_VALID = "access.consent-not-yet-valid";
    /** Denied: the one-time consent for this ministry and purpose was already used. */
    public static final String DENIED_CONSENT_USED = "access.consent-used";

    private static final Map<String, String> MEANINGS = meanings();

    private ConsentRuleCodes() {
    }

    /** Every code, in declaration order, with its English meaning. */
    public static Map<String, String> englishMeanings() {
        return MEANINGS;
    }

    private static Map<String, String> meanings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(CATEGORIES_REQUIRED, "Name at least one data category.");
        m.put(CATEGORY_UNKNOWN,
                "Unknown data category; the categories are IDENTITY, CIVIL_STATUS, FAMILY, RESIDENCE and ID_CARD.");
        m.put(PERIOD_END_BEFORE_START, "The validity period ends before it starts.");
        m.put(PERIOD_EXPIRED, "The validity period has already ended.");
        m.put(CONSENT_NOT_YOURS, "This consent was granted by another person.");
        m.put(CONSENT_ALREADY_REVOKED, "This consent is already revoked.");
        m.put(CONSENT_NOT_COVERING, "The consent was not granted to this ministry for this purpose.");
        m.put(CONSENT_REVOKED, "The consent was revoked.");
        m.put(CONSENT_NOT_IN_FORCE, "The consent is not in force at this time.");
        m.put(CONSENT_ALREADY_USED, "The one-time consent has already been used.");
        m.put(LEGAL_BASIS_PURPOSES_REQUIRED, "Name at least one purpose the legal basis covers.");
        m.put(LEGAL_BASIS_ALREADY_REPEALED, "This legal basis is already repealed.");
        m.put(ACCESS_RECORD_INCONSISTENT,
                "A granted access needs its basis; a denied access needs a reason and returns no data.");
        m.put(DENIED_NO_BASIS, "No consent of the citizen and no legal basis covers this ministry and purpose.");
        m.put(DENIED_CONSENT_REVOKED, "The citizen revoked the consent for this purpose.");
        m.put(DENIED_CONSENT_EXPIRED, "The citizen's consent for this purpose has expired.");
        m.put(DENIED_CONSENT_NOT_YET_VALID, "The citizen's consent for this purpose is not yet in force.");
        m.put(DENIED_CONSENT_USED, "The citizen's one-time consent for this purpose has already been used.");
        return Collections.unmodifiableMap(m);
    }
}
