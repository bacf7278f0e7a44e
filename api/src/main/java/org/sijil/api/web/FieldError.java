package org.sijil.api.web;

/** One reason a request was refused: the request field at fault, a stable code and its message. */
public record FieldError(String field, String code, String message) {
}
