package org.sijil.api.query;

import org.sijil.api.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A refusal of the query side, answered as problem+json with a stable {@code code}. */
class QueryProblem extends ProblemException {
    private static final long serialVersionUID = 1L;

    QueryProblem(HttpStatus status, String code, String field, Object... args) {
        super(status, field, code, null, args);
    }
}
