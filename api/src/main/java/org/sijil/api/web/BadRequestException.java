package org.sijil.api.web;

import java.util.List;

/**
 * A request the API refuses before any command is sent. Messages are resolved from {@code code}
 * in the caller's language; {@code args} fill the message's placeholders.
 */
public class BadRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String code;
    private final transient List<Object> args;

    public BadRequestException(String field, String code, Object... args) {
        super(code + (field == null ? "" : " (" + field + ")"));
        this.field = field;
        this.code = code;
        this.args = List.of(args);
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
