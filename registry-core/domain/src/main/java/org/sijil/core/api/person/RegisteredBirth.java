package org.sijil.core.api.person;

import java.util.UUID;

/** The answer to a {@link RegisterBirthCommand}: the new person and the national number they hold. */
public record RegisteredBirth(UUID personId, String nationalNumber) {
}
