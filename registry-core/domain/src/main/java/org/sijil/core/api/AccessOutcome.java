package org.sijil.core.api;

/** Whether a read of a person's data was answered. */
public enum AccessOutcome {
    GRANTED,
    DENIED
}
