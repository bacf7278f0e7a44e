package org.sijil.api.store;

import java.util.UUID;
import org.sijil.core.api.RegistryRuleViolation;
import org.sijil.core.api.RuleCodes;
import org.sijil.core.person.PersonIndex;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * National-number uniqueness as a primary key written in the command's transaction: two births
 * claiming one number (or one person id) cannot both commit, whichever node they run on. In a
 * group of commands sharing a transaction the claims are inserted together just before the commit
 * ({@link GroupStatements}).
 */
@Component
class JdbcPersonIndex implements PersonIndex {

    private final JdbcTemplate jdbc;

    JdbcPersonIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void claimNationalNumber(String nationalNumber, UUID personId) {
        GroupStatements group = GroupStatements.current();
        if (group != null) {
            // inserted with the group's other claims before it commits; a conflict fails the group,
            // whose commands then run alone and come here again, outside a group
            group.claimNationalNumber(nationalNumber, personId);
            return;
        }
        int inserted = jdbc.update("INSERT INTO national_number (national_number, person_id) VALUES (?, ?) "
                + "ON CONFLICT DO NOTHING", nationalNumber, personId);
        if (inserted == 0) {
            Boolean registered = jdbc.queryForObject(
                    "SELECT EXISTS (SELECT 1 FROM national_number WHERE person_id = ?)", Boolean.class, personId);
            if (Boolean.TRUE.equals(registered)) {
                throw new RegistryRuleViolation(RuleCodes.PERSON_ALREADY_REGISTERED, "personId",
                        "Person " + personId + " is already registered");
            }
            throw new RegistryRuleViolation(RuleCodes.NATIONAL_NUMBER_TAKEN, "nationalNumber",
                    "National number " + nationalNumber + " is already assigned");
        }
    }
}
