package org.sijil.api.access;

import org.sijil.api.consent.Refusal;
import org.springframework.http.HttpStatus;

/**
 * A read's access record could not be stored, so the read fails: whoever catches this must not
 * return the data. Answered as 503 {@code access.not-recorded}.
 */
public class AccessNotRecordedException extends Refusal {
    private static final long serialVersionUID = 1L;

    public AccessNotRecordedException(Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, null, "access.not-recorded", cause);
    }
}
