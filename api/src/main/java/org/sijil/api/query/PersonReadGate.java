package org.sijil.api.query;

import java.util.List;
import java.util.UUID;
import org.sijil.api.security.Caller;

/**
 * The one door every read of a person's data passes before the data leaves the API. The next step
 * (consent or legal basis, then an access event written before the response, failing closed) plugs
 * in here without touching the controllers.
 */
public interface PersonReadGate {

    /**
     * Admits or refuses {@code read} for {@code caller}. Called after the data has been found and
     * before it is returned.
     *
     * @throws org.springframework.security.access.AccessDeniedException to refuse (403)
     */
    void admit(Caller caller, PersonRead read);

    /**
     * Called instead of {@link #admit} when the read names no known person. A caller who may read
     * only some persons must get the refusal they would get for a person they may not read, so
     * that the answer does not tell whether the person exists: for them this throws it. For
     * others it returns, and the caller answers that the person is not found.
     *
     * @param read what would have been read, with no person ids
     */
    default void admitUnknown(Caller caller, PersonRead read) {
    }

    /**
     * What is about to be read.
     *
     * @param view      which view serves it ({@code person-view}, {@code search}, {@code as-of}, ...)
     * @param personIds the persons whose data would be returned, possibly none
     * @param purpose   the purpose the caller declared ({@code X-Purpose}), or {@code null}
     */
    record PersonRead(String view, List<UUID> personIds, String purpose) {
        public PersonRead {
            personIds = List.copyOf(personIds);
        }
    }
}
