package org.sijil.api.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.sijil.query.processing.ViewProblem;
import org.sijil.core.api.person.PersonRule;
import org.sijil.core.api.person.PersonNotFoundException;
import org.sijil.core.api.RegistryRuleViolation;
import org.sijil.store.PersonErasedException;
import org.sijil.core.text.TextRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every refusal into an RFC 7807 {@code application/problem+json} body with a stable
 * {@code code}, the {@code field} at fault and a message in the caller's language (Arabic, Central
 * Kurdish or English, from {@code Accept-Language}). Nothing is stored when any of these is returned.
 */
@RestControllerAdvice
class Problems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    private final MessageSource messages;
    private final ProblemWriter writer;

    Problems(MessageSource messages, ProblemWriter writer) {
        this.messages = messages;
        this.writer = writer;
        setMessageSource(messages);
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> refused(ProblemException e, WebRequest request) {
        return problem(e.status(), List.of(error(e.field(), e.code(), e.args())), request);
    }

    @ExceptionHandler(ViewProblem.class)
    ResponseEntity<Object> viewProblem(ViewProblem e, WebRequest request) {
        HttpStatus status = e.kind() == ViewProblem.Kind.BEHIND ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.NOT_FOUND;
        return problem(status, List.of(error(e.kind().field(), e.kind().code(), e.args())), request);
    }

    @ExceptionHandler(PersonNotFoundException.class)
    ResponseEntity<Object> personNotFound(PersonNotFoundException e, WebRequest request) {
        HttpStatus status = "personId".equals(e.field()) ? HttpStatus.NOT_FOUND : HttpStatus.UNPROCESSABLE_ENTITY;
        return problem(status, List.of(error(e.field(), e.code())), request);
    }

    @ExceptionHandler(RegistryRuleViolation.class)
    ResponseEntity<Object> ruleViolation(RegistryRuleViolation e, WebRequest request) {
        HttpStatus status = !(e.rule() instanceof PersonRule rule) ? HttpStatus.UNPROCESSABLE_ENTITY : switch (rule) {
            case NATIONAL_NUMBER_TAKEN, ID_CARD_NUMBER_TAKEN -> HttpStatus.CONFLICT;
            case MARRIAGE_NOT_FOUND -> HttpStatus.NOT_FOUND;
            case PERSON_ERASED -> HttpStatus.GONE;
            default -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
        return problem(status, List.of(error(e.field(), e.code())), request);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> aggregateNotFound(AggregateNotFoundException e, WebRequest request) {
        return problem(HttpStatus.NOT_FOUND, List.of(error("personId", PersonRule.PERSON_NOT_FOUND.code())), request);
    }

    @ExceptionHandler(PersonErasedException.class)
    ResponseEntity<Object> erased(PersonErasedException e, WebRequest request) {
        return problem(HttpStatus.GONE, List.of(error("personId", PersonRule.PERSON_ERASED.code())), request);
    }

    @ExceptionHandler({ConflictingModificationException.class, ConcurrencyException.class})
    ResponseEntity<Object> conflict(RuntimeException e, WebRequest request) {
        return problem(HttpStatus.CONFLICT, List.of(error(null, "version.conflict")), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> forbidden(AccessDeniedException e, WebRequest request) {
        return problem(HttpStatus.FORBIDDEN, List.of(error(null, "access.denied")), request);
    }

    @ExceptionHandler(JurisdictionException.class)
    ResponseEntity<Object> outsideJurisdiction(JurisdictionException e, WebRequest request) {
        return problem(HttpStatus.FORBIDDEN, List.of(error(e.field(), "access.outside-jurisdiction", e.governorate())),
                request);
    }

    @ExceptionHandler(JSR303ViolationException.class)
    ResponseEntity<Object> commandInvalid(JSR303ViolationException e, WebRequest request) {
        List<FieldError> errors = e.getViolations().stream()
                .map(v -> new FieldError(v.getPropertyPath().toString(), "invalid", v.getMessage()))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, errors, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException e, WebRequest request) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(v.getPropertyPath().toString(), "invalid", v.getMessage()))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, errors, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, WebRequest request) {
        String code = e.getCause() instanceof TextRefusedException refused ? refused.code() : "value.malformed";
        return problem(HttpStatus.BAD_REQUEST, List.of(error(e.getName(), code)), request);
    }

    /** Text an event was about to store that a request would have refused: the event store's own check. */
    @ExceptionHandler(TextRefusedException.class)
    ResponseEntity<Object> textRefused(TextRefusedException e, WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, List.of(error(e.field(), e.code())), request);
    }

    @ExceptionHandler({DataAccessException.class, EventStoreException.class, TransactionException.class})
    ResponseEntity<Object> storageFailure(RuntimeException e, WebRequest request) {
        if (ProblemWriter.isStoreOutage(e)) {
            // the connection pool's circuit logs the outage once; each refused request only at debug
            log.debug("The database is unreachable; answered 503", e);
        } else {
            log.error("Storage refused a write; nothing was recorded", e);
        }
        return problem(HttpStatus.SERVICE_UNAVAILABLE, List.of(error(null, "storage.unavailable")), request);
    }

    /**
     * Anything no other handler names: 503 when it comes from the database being unreachable (through
     * Axon's command bus or event store, say), else 500; both problem+json, never a stack trace.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) throws Exception {
        if (e instanceof AuthenticationException) {
            throw e;
        }
        if (ProblemWriter.isStoreOutage(e)) {
            log.debug("The database is unreachable; answered 503", e);
            return problem(HttpStatus.SERVICE_UNAVAILABLE, List.of(error(null, "storage.unavailable")), request);
        }
        log.error("Request failed", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, List.of(error(null, "internal.error")), request);
    }

    /** Spring MVC's own refusals (unknown path, method, media type, a missing parameter) in the same shape. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        HttpStatus status = HttpStatus.valueOf(statusCode.value());
        ProblemDetail coded = body instanceof ProblemDetail detail ? detail
                : e instanceof ErrorResponse response ? response.getBody() : null;
        if (coded != null && coded.getProperties() != null && coded.getProperties().containsKey("code")) {
            // a controller's own ErrorResponseException, which names its code already (in English)
            return new ResponseEntity<>(coded, ProblemWriter.headers(status, null, Locale.ENGLISH), status);
        }
        FieldError error;
        if (e instanceof MissingServletRequestParameterException missing) {
            error = error(missing.getParameterName(), "parameter.missing");
        } else if (e instanceof MissingRequestHeaderException missing) {
            error = error(missing.getHeaderName(), "header.missing");
        } else if (e instanceof TypeMismatchException mismatch) {
            error = error(mismatch.getPropertyName(), "value.malformed");
        } else {
            error = error(null, ProblemWriter.codeFor(status.value()));
        }
        ResponseEntity<Object> problem = problem(status, List.of(error), request);
        HttpHeaders merged = new HttpHeaders();
        if (headers != null) {
            // Allow on a 405, Accept on a 415
            merged.putAll(headers);
        }
        merged.putAll(problem.getHeaders());
        return new ResponseEntity<>(problem.getBody(), merged, status);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        List<FieldError> errors = new ArrayList<>();
        for (org.springframework.validation.FieldError fe : e.getBindingResult().getFieldErrors()) {
            String code = "constraint." + fe.getCode();
            errors.add(new FieldError(fe.getField(), code, messages.getMessage(fe, locale)));
        }
        e.getBindingResult().getGlobalErrors().forEach(ge ->
                errors.add(new FieldError(null, "constraint." + ge.getCode(), messages.getMessage(ge, locale))));
        // a stable order (by field path) so clients and tests see the same first error every time
        errors.sort(java.util.Comparator.comparing(FieldError::field,
                java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
        return problem(HttpStatus.BAD_REQUEST, errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> new FieldError(r.getMethodParameter().getParameterName(),
                                "constraint." + (err.getCodes() == null ? "invalid" : lastCode(err.getCodes())),
                                messages.getMessage(err, locale))))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        FieldError error;
        if (hasCause(e, RequestSizeLimitFilter.BodyTooLargeException.class)) {
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, List.of(error(null, "body.too-large")), request);
        }
        if (e.getCause() instanceof RequestText.RefusedJsonText refused) {
            String field = path(refused);
            error = error(field.isEmpty() ? null : field, refused.refusal().code());
        } else if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
            error = error(path(unknown), "field.unknown");
        } else if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            error = error(path(mapping), "value.malformed");
        } else {
            error = error(null, "body.malformed");
        }
        return problem(HttpStatus.BAD_REQUEST, List.of(error), request);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String lastCode(String[] codes) {
        return codes[codes.length - 1];
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private FieldError error(String field, String code, Object... args) {
        return writer.error(field, code, LocaleContextHolder.getLocale(), args);
    }

    private ResponseEntity<Object> problem(HttpStatus status, List<FieldError> errors, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        String code = errors.isEmpty() ? null : errors.get(0).code();
        return new ResponseEntity<>(writer.body(status, errors, locale), ProblemWriter.headers(status, code, locale),
                status);
    }
}
