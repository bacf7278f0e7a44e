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
