package org.sijil.api.security;

import java.util.Set;

/**
 * The role names carried in a token's {@code roles} claim. Spring Security sees each as
 * the authority {@code ROLE_<name>}, so {@code hasRole('REGISTRAR')} works in
 * {@code @PreAuthorize}. Names outside this set are ignored.
 */
public final class Roles {

    public static final String REGISTRAR = "REGISTRAR";
    public static final String CLERK = "CLERK";
    public static final String AUDITOR = "AUDITOR";
    public static final String ADMIN = "ADMIN";
    public static final String CITIZEN = "CITIZEN";
    public static final String MINISTRY = "MINISTRY";

    /** Every role the application knows. */
    public static final Set<String> ALL = Set.of(REGISTRAR, CLERK, AUDITOR, ADMIN, CITIZEN, MINISTRY);

    static final String AUTHORITY_PREFIX = "ROLE_";

    private Roles() {}
}
