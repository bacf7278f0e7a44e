package org.sijil.core.person;

import java.util.UUID;

/**
 * The set-based rule that a national number belongs to one person. Implementations write to a
 * lookup table in the same transaction as the person's events, so a rolled-back registration
 * releases its claim.
 */
public interface PersonIndex {

    /**
     * Claims {@code nationalNumber} for {@code personId}.
     *
     * @throws org.sijil.core.api.RegistryRuleViolation with code {@code national-number.taken} and
     *         field {@code nationalNumber} if another person holds the number
     */
    void claimNationalNumber(String nationalNumber, UUID personId);
}
