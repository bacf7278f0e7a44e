package org.sijil.api.security;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** A seeded demo identity of the development issuer, with the claims its tokens carry. */
record DevIdentity(
        String subject,
        List<String> roles,
        String office,
        String governorate,
        String ministry,
        UUID personId,
        String displayName) {

    DevIdentity {
        Objects.requireNonNull(subject, "subject");
        roles = List.copyOf(roles);
    }

    /** The demo identities by name, in a stable order (the name is also the token subject). */
    static Map<String, DevIdentity> seeded(UUID citizenPersonId) {
        Objects.requireNonNull(citizenPersonId, "citizenPersonId");
        Map<String, DevIdentity> identities = new LinkedHashMap<>();
        add(identities, new DevIdentity("registrar-baghdad", List.of(Roles.REGISTRAR), "BGD-KARKH-01", "BGD", null, null,
                "Demo registrar, Karkh office, Baghdad"));
        add(identities, new DevIdentity("registrar-ninawa", List.of(Roles.REGISTRAR), "NIN-MOSUL-01", "NIN", null, null,
                "Demo registrar, Mosul office, Ninawa"));
        add(identities, new DevIdentity("clerk-baghdad", List.of(Roles.CLERK), "BGD-KARKH-01", "BGD", null, null,
                "Demo service-centre clerk, Baghdad"));
        add(identities, new DevIdentity("auditor", List.of(Roles.AUDITOR), null, null, null, null, "Demo auditor"));
        add(identities, new DevIdentity("admin", List.of(Roles.ADMIN), null, null, null, null, "Demo administrator"));
        add(identities, new DevIdentity("citizen-demo", List.of(Roles.CITIZEN), null, null, null, citizenPersonId,
                "Demo citizen"));
        add(identities, new DevIdentity("ministry-health", List.of(Roles.MINISTRY), null, null, "health", null,
                "Ministry of Health (demo client)"));
        add(identities, new DevIdentity("ministry-interior", List.of(Roles.MINISTRY), null, null, "interior", null,
                "Ministry of Interior (demo client)"));
        add(identities, new DevIdentity("ministry-planning", List.of(Roles.MINISTRY), null, null, "planning", null,
                "Ministry of Planning (demo client)"));
        add(identities, new DevIdentity("ministry-education", List.of(Roles.MINISTRY), null, null, "education", null,
                "Ministry of Education (demo client)"));
        return Collections.unmodifiableMap(identities);
    }

    private static void add(Map<String, DevIdentity> identities, DevIdentity identity) {
        identities.put(identity.subject(), identity);
    }
}
