package org.sijil.store;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.sijil.core.api.RegistryRuleViolation;
import org.sijil.core.api.person.PersonRule;
import org.sijil.core.person.IdCardIndex;
import org.sijil.crypto.envelope.KeyedHash;
import org.sijil.crypto.envelope.MasterKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * ID card number uniqueness as a primary key written in the card's transaction, like the national
 * number's: two persons issued one number cannot both commit, whichever node they run on. The key
 * is the number's {@link KeyedHash} under the index key, so the table holds no card number; the
 * index key is made by the first node to start, wrapped by the master key, and read by the others.
 * In a group of commands sharing a transaction the claims are inserted with the group's events
 * ({@link GroupStatements}).
 */
@Component
class JdbcIdCardIndex implements IdCardIndex {

    private static final String KEY_NAME = "id-card-number";

    private final JdbcTemplate jdbc;
    private final KeyedHash hash;

    JdbcIdCardIndex(JdbcTemplate jdbc, MasterKey masterKey, SecureRandom random, Clock clock) {
        this.jdbc = jdbc;
        this.hash = IndexKeys.load(KEY_NAME, jdbc, masterKey, random, clock);
    }

    @Override
    public void claim(String cardNumber, UUID personId) {
        byte[] key = keyOf(cardNumber);
        GroupStatements group = GroupStatements.current();
        if (group != null) {
            // inserted with the group's events; a number taken or claimed twice fails the group, whose
            // commands then run alone and come here again, outside a group
            group.claimIdCardNumber(key, personId);
            return;
        }
        if (!claimed(key, personId)) {
            throw new RegistryRuleViolation(PersonRule.ID_CARD_NUMBER_TAKEN, "cardNumber",
                    "The card number is held by another person");
        }
    }

    /**
     * Claims the number's key for the person in the current transaction, if no one holds it.
     *
     * @return whether the person holds it now: false if another person does
     */
    boolean claimed(byte[] key, UUID personId) {
        List<UUID> holder = jdbc.queryForList("WITH claimed AS ("
                        + " INSERT INTO id_card_number (card_key, person_id) VALUES (?, ?)"
                        + " ON CONFLICT (card_key) DO NOTHING RETURNING person_id)"
                        + " SELECT person_id FROM claimed"
                        + " UNION ALL SELECT person_id FROM id_card_number"
                        + " WHERE card_key = ? AND NOT EXISTS (SELECT 1 FROM claimed)",
                UUID.class, key, personId, key);
        // empty only if a concurrent transaction claimed it after this statement's snapshot and then
        // committed: it holds the number
        return holder.size() == 1 && personId.equals(holder.get(0));
    }

    /** The lookup key of a card number: its keyed hash. */
    byte[] keyOf(String cardNumber) {
        return hash.hash(cardNumber.getBytes(UTF_8));
    }
}
