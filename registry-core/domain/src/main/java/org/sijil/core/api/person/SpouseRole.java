package org.sijil.core.api.person;

/** The role a person takes in a marriage contract under Iraqi personal-status law. */
public enum SpouseRole { HUSBAND, WIFE }
