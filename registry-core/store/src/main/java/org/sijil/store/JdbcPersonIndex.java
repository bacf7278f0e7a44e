package org.sijil.store;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sijil.core.api.RegistryRuleViolation;
import org.sijil.core.api.person.PersonRule;
import org.sijil.core.person.PersonIndex;
import org.sijil.crypto.envelope.KeyedHash;
import org.sijil.crypto.envelope.MasterKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * National-number uniqueness as a unique key written in the command's transaction: two births
 * claiming one number (or one person id) cannot both commit, whichever node they run on. The key is
 * the number's {@link KeyedHash} under the index key {@value #KEY_NAME} (as for ID card numbers), so
 * the table holds no number; an erased person's row keeps the claim, so the number is never issued
 * again, and loses the person id, so it leads nowhere. In a group of commands sharing a transaction
 * the claims are inserted together just before the commit ({@link GroupStatements}).
 *
 * <p>Rows stored with the number in clear (before migration V11) are converted at start-up, before
 * the application serves requests, in one transaction.
 */
@Component
public class JdbcPersonIndex implements PersonIndex, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(JdbcPersonIndex.class);
    private static final String KEY_NAME = "national-number";

    private final JdbcTemplate jdbc;
    private final KeyedHash hash;
    private final TransactionTemplate transactions;

    JdbcPersonIndex(JdbcTemplate jdbc, MasterKey masterKey, SecureRandom random, Clock clock,
                    PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.hash = IndexKeys.load(KEY_NAME, jdbc, masterKey, random, clock);
        this.transactions = new TransactionTemplate(transactions);
    }

    @Override
    public void claimNationalNumber(String nationalNumber, UUID personId) {
        byte[] key = keyOf(nationalNumber);
        GroupStatements group = GroupStatements.current();
        if (group != null) {
            // inserted with the group's other claims before it commits; a conflict fails the group,
            // whose commands then run alone and come here again, outside a group
            group.claimNationalNumber(key, personId);
            return;
        }
        int inserted = jdbc.update("INSERT INTO national_number (number_key, person_id) VALUES (?, ?) "
                + "ON CONFLICT DO NOTHING", key, personId);
        if (inserted == 0) {
            Boolean registered = jdbc.queryForObject(
                    "SELECT EXISTS (SELECT 1 FROM national_number WHERE person_id = ?)", Boolean.class, personId);
            if (Boolean.TRUE.equals(registered)) {
                throw new RegistryRuleViolation(PersonRule.PERSON_ALREADY_REGISTERED, "personId",
                        "Person " + personId + " is already registered");
            }
            throw new RegistryRuleViolation(PersonRule.NATIONAL_NUMBER_TAKEN, "nationalNumber",
                    "National number " + nationalNumber + " is already assigned");
        }
    }

    /** The living or dead person who holds the number; empty if none does, or they were erased. */
    public Optional<UUID> personWith(String nationalNumber) {
        List<UUID> ids = jdbc.queryForList("SELECT person_id FROM national_number WHERE number_key = ? "
                + "AND person_id IS NOT NULL", UUID.class, (Object) keyOf(nationalNumber));
        return ids.stream().findFirst();
    }

    /** Unlinks the person's number from them, in the caller's transaction; the number stays claimed. */
    public void erase(UUID personId) {
        jdbc.update("UPDATE national_number SET person_id = NULL WHERE person_id = ?", personId);
    }

    /** The index's key for a number: its keyed hash under the index key. */
    public byte[] keyOf(String nationalNumber) {
        return hash.hash(nationalNumber.getBytes(UTF_8));
    }

    /** Converts the rows still holding a number in clear; erased persons' rows lose their person id. */
    @Override
    public void afterSingletonsInstantiated() {
        Integer converted = transactions.execute(status -> {
            List<String> numbers = jdbc.queryForList(
                    "SELECT national_number FROM national_number WHERE national_number IS NOT NULL FOR UPDATE",
                    String.class);
            for (String number : numbers) {
                jdbc.update("UPDATE national_number n SET number_key = ?, national_number = NULL, person_id = "
                        + "CASE WHEN EXISTS (SELECT 1 FROM person_data_key k WHERE k.person_id = n.person_id"
                        + " AND k.wrapped_key IS NULL) THEN NULL ELSE n.person_id END"
                        + " WHERE national_number = ?", keyOf(number.strip()), number);
            }
            return numbers.size();
        });
        if (converted != null && converted > 0) {
            log.info("National-number index: {} numbers stored in clear replaced by their keyed hashes", converted);
        }
    }
}
