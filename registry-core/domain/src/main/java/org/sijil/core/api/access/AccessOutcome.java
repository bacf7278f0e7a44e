package org.sijil.core.api.access;

/** Whether a read of a person's data was answered. */
public enum AccessOutcome {
    GRANTED,
    DENIED
}
