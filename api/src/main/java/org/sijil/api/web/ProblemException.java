package org.sijil.api.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A refusal with an HTTP status and a stable {@code code}: answered by {@link Problems} as
 * problem+json, with the message for {@code code} in the caller's language ({@code args} fill its
 * placeholders) and {@code field} naming the request field at fault, where there is one.
 */
public class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String field;
    private final String code;
    private final transient List<Object> args;

    public ProblemException(HttpStatus status, String field, String code, Throwable cause, Object... args) {
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
