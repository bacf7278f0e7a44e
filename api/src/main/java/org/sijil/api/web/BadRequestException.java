package org.sijil.api.web;

import org.springframework.http.HttpStatus;

/** A request the API refuses before any command is sent: 400, with the field at fault. */
public class BadRequestException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public BadRequestException(String field, String code, Object... args) {
        super(HttpStatus.BAD_REQUEST, field, code, null, args);
    }
}
