package org.sijil.api.access;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.sijil.core.api.access.AccessBasisKind;
import org.sijil.core.api.DataCategory;
import org.sijil.core.api.PersonName;
import org.sijil.core.api.person.PersonState;
import org.sijil.core.api.Place;
import org.sijil.core.api.Sex;

/**
 * What a ministry gets of a person: only the categories its consent or legal basis covers; the
 * others are absent, not empty. {@code accessId} names the access record of this read.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record MinistryPersonView(
        UUID accessId,
        AccessBasisKind basisKind,
        String basisId,
        List<DataCategory> categories,
        Identity identity,
        CivilStatus civilStatus,
        Family family,
        Place residence,
        List<PersonState.IdCard> idCards) {

    record Identity(String nationalNumber, PersonName name, Sex sex, LocalDate dateOfBirth, Place placeOfBirth) {
    }

    record CivilStatus(boolean alive, LocalDate dateOfDeath, boolean married) {
    }

    record Family(UUID motherId, UUID fatherId, List<PersonState.Marriage> marriages) {
    }

    /** The covered categories of {@code person}, and nothing else. */
    static MinistryPersonView of(UUID accessId, AccessBasisKind basisKind, String basisId,
                                 List<DataCategory> categories, PersonState person) {
        return new MinistryPersonView(accessId, basisKind, basisId, categories,
                categories.contains(DataCategory.IDENTITY)
                        ? new Identity(person.nationalNumber(), person.name(), person.sex(), person.dateOfBirth(),
                                person.placeOfBirth())
                        : null,
                categories.contains(DataCategory.CIVIL_STATUS)
                        ? new CivilStatus(person.alive(), person.dateOfDeath(), !person.activeMarriages().isEmpty())
                        : null,
                categories.contains(DataCategory.FAMILY)
                        ? new Family(person.motherId(), person.fatherId(), person.activeMarriages())
                        : null,
                categories.contains(DataCategory.RESIDENCE) ? person.residence() : null,
                categories.contains(DataCategory.ID_CARD) ? person.idCards() : null);
    }
}
