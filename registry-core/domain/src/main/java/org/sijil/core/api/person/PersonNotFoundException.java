package org.sijil.core.api.person;

import org.sijil.core.api.RegistryRuleViolation;
import java.util.UUID;

/** A command named a person who is not registered. */
public class PersonNotFoundException extends RegistryRuleViolation {
    private static final long serialVersionUID = 1L;

    public PersonNotFoundException(String field, UUID personId) {
        super(PersonRule.PERSON_NOT_FOUND, field, "No registered person " + personId);
    }
}
