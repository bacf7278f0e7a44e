package org.sijil.store;

import java.util.UUID;

/** A write needed the data key of a person whose key has been destroyed. */
public class PersonErasedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public PersonErasedException(UUID personId) {
        super("The personal data of " + personId + " has been erased");
    }
}
