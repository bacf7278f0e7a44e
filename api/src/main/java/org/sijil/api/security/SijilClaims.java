package org.sijil.api.security;

/** Names of the claims Sijil reads from an access token, besides the registered ones. */
final class SijilClaims {

    static final String ROLES = "roles";
    static final String OFFICE = "office";
    static final String GOVERNORATE = "governorate";
    static final String MINISTRY = "ministry";
    static final String PERSON_ID = "person_id";
    static final String NAME = "name";

    private SijilClaims() {}
}
