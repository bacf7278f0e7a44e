package org.sijil.core.person;

import java.util.Optional;
import java.util.UUID;

/**
 * Finds a marriage's two spouses by marriage id, so a divorce can reach both streams. Written in
 * the same transaction as the marriage events.
 */
public interface MarriageIndex {

    /** Records a newly registered marriage; the id is not yet recorded. */
    void record(UUID marriageId, UUID husbandId, UUID wifeId);

    /** The spouses of the marriage, or empty when no marriage has this id. */
    Optional<Spouses> find(UUID marriageId);
}
