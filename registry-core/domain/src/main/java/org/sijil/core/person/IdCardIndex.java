package org.sijil.core.person;

import java.util.UUID;

/**
 * The set-based rule that an ID card number belongs to one person, for good: a number given to one
 * person is never given to another, even after its card is revoked or its holder erased.
 * Implementations write to a lookup table in the same transaction as the card's event, so a
 * rolled-back issue releases its claim. Card numbers are personal data: the table should not hold
 * them in the clear.
 */
public interface IdCardIndex {

    /**
     * Claims {@code cardNumber} for {@code personId}; claiming a number the same person already holds
     * changes nothing.
     *
     * @throws org.sijil.core.api.RegistryRuleViolation with code {@code id-card.number-taken} and field
     *         {@code cardNumber} if another person holds it
     */
    void claim(String cardNumber, UUID personId);
}
