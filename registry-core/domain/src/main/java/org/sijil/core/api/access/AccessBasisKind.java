package org.sijil.core.api.access;

/** On what ground a read of a person's data was allowed (or asked for). */
public enum AccessBasisKind {
    /** The citizen's consent; the basis id is the consent id. */
    CONSENT,
    /** A recorded legal basis; the basis id is the legal basis id. */
    LEGAL_BASIS,
    /** The citizen reading their own record. */
    OWN_RECORD,
    /** A registrar, auditor or administrator in the course of their duty. */
    OFFICIAL_DUTY
}
