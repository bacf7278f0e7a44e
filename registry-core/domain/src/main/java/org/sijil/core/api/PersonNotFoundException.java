package org.sijil.core.api;

import java.util.UUID;

/** A command named a person who is not registered. */
public class PersonNotFoundException extends RegistryRuleViolation {
    private static final long serialVersionUID = 1L;

    public PersonNotFoundException(String field, UUID personId) {
        super("person.not-found", field, "No registered person " + personId);
    }
}
