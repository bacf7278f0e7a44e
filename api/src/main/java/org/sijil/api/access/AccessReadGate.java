package org.sijil.api.access;

import java.util.List;
import org.sijil.api.query.PersonReadGate;
import org.sijil.api.security.Caller;
import org.sijil.api.security.Roles;
import org.springframework.context.annotation.Primary;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The {@link PersonReadGate} of the person view, search and as-of records: a registrar's read is
 * recorded as an access event of basis {@code OFFICIAL_DUTY}, one per person returned, all in one
 * transaction, before anything is returned; if they cannot be stored the read fails (503) and
 * returns nothing. Administrators manage reference data and never read citizens' records, so a
 * caller who is not a registrar is refused (403) and, having read nothing, leaves no record.
 */
@Component
@Primary
class AccessReadGate implements PersonReadGate {

    private final AccessRecorder recorder;

    AccessReadGate(AccessRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void admit(Caller caller, PersonRead read) {
        if (!caller.hasRole(Roles.REGISTRAR)) {
            throw new AccessDeniedException("only registrars read persons' records here");
        }
        if (read.personIds().isEmpty()) {
            return;
        }
        String purpose = AccessRecorder.purpose(read.purpose(), read.view());
        List<AccessRecorder.Entry> entries = read.personIds().stream().distinct()
                .map(id -> AccessRecorder.Entry.officialDuty(id, Roles.REGISTRAR, purpose, AccessRecorder.WHOLE_RECORD))
                .toList();
        recorder.recordAll(caller, entries);
    }
}
