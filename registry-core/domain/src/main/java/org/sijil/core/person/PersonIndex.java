package org.sijil.core.person;

import java.util.UUID;

/**
 * The set-based rules that a national number belongs to one person and a person has one
 * registration. Implementations write to a lookup table in the same transaction as the person's
 * events, so a rolled-back registration releases its claim.
 */
public interface PersonIndex {

    /**
     * Claims {@code nationalNumber} for {@code personId}.
     *
     * @throws org.sijil.core.api.RegistryRuleViolation with code {@code person.already-registered}
     *         and field {@code personId} if the person already holds a number, or with code
     *         {@code national-number.taken} and field {@code nationalNumber} if another person holds it
     */
    void claimNationalNumber(String nationalNumber, UUID personId);
}
