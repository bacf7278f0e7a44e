package org.sijil.api.query;

import org.springframework.http.HttpStatus;

/** A refusal of the query side, answered as problem+json with a stable {@code code}. */
class QueryProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String code;
    private final String field;
    private final transient Object[] args;

    QueryProblem(HttpStatus status, String code, String field, Object... args) {
        super(code + (field == null ? "" : " (" + field + ")"));
        this.status = status;
        this.code = code;
        this.field = field;
        this.args = args.clone();
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }

    String field() {
        return field;
    }

    Object[] args() {
        return args.clone();
    }
}
