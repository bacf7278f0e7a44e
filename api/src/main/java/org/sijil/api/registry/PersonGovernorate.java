package org.sijil.api.registry;

import org.sijil.core.api.person.PersonState;

/**
 * The governorate whose registrars keep a person's record for events that happen nowhere in
 * particular (name changes, ID cards, corrections, divorces): where the person lives, or failing
 * that where they were born.
 */
final class PersonGovernorate {

    private PersonGovernorate() {
    }

    static String of(PersonState person) {
        if (person.residence() != null && person.residence().governorate() != null) {
            return person.residence().governorate();
        }
        return person.placeOfBirth() == null ? null : person.placeOfBirth().governorate();
    }
}
