package org.sijil.api.consent;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A request refused with a status other than 400 and a stable code: a consent or legal basis that
 * is not the caller's to see (404), a read denied for want of consent or legal basis (403), a read
 * whose access record could not be stored (503). Answered as problem+json by {@link RefusalProblems}.
 */
public class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String field;
    private final String code;
    private final transient List<Object> args;

    public Refusal(HttpStatus status, String field, String code, Object... args) {
        this(status, field, code, null, args);
    }

    public Refusal(HttpStatus status, String field, String code, Throwable cause, Object... args) {
        super(code + (field == null ? "" : " (" + field + ")"), cause);
        this.status = status;
        this.field = field;
        this.code = code;
        this.args = List.of(args);
    }

    public HttpStatus status() {
        return status;
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.toArray();
    }
}
