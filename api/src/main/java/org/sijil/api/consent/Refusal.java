package org.sijil.api.consent;

import org.sijil.api.web.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A request refused with a status other than 400 and a stable code: a consent or legal basis that
 * is not the caller's to see (404), a read denied for want of consent or legal basis (403), a read
 * whose access record could not be stored (503).
 */
public class Refusal extends ProblemException {
    private static final long serialVersionUID = 1L;

    public Refusal(HttpStatus status, String field, String code, Object... args) {
        super(status, field, code, null, args);
    }

    public Refusal(HttpStatus status, String field, String code, Throwable cause, Object... args) {
        super(status, field, code, cause, args);
    }
}
