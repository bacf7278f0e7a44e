package org.sijil.core.person;

import java.util.UUID;

/** The two persons of a registered marriage. */
public record Spouses(UUID husbandId, UUID wifeId) {
}
