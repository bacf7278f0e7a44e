package org.sijil.api.query;

import org.sijil.api.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admits every read the controllers' role checks let through, and logs it. Stands in until consent
 * and legal-basis checks with recorded access events replace it.
 */
class PermissiveReadGate implements PersonReadGate {

    private static final Logger log = LoggerFactory.getLogger(PermissiveReadGate.class);

    @Override
    public void admit(Caller caller, PersonRead read) {
        log.debug("{} reads {} of {} person(s) for purpose {}", caller.subject(), read.view(),
                read.personIds().size(), read.purpose());
    }
}
