package org.sijil.api.consent;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.sijil.api.web.FieldError;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** {@link Refusal}s as problem+json, in the same shape as every other refusal of the API. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RefusalProblems {

    private final MessageSource messages;

    RefusalProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> refused(Refusal e) {
        Locale locale = LocaleContextHolder.getLocale();
        FieldError error = new FieldError(e.field(), e.code(), messages.getMessage(e.code(), e.args(), e.code(), locale));
        ProblemDetail body = ProblemDetail.forStatus(e.status());
        body.setType(URI.create("https://sijil.example/problems/" + e.code()));
        body.setTitle(messages.getMessage("problem.title." + e.status().value(), null, e.status().getReasonPhrase(),
                locale));
        body.setDetail(error.message());
        body.setProperty("code", error.code());
        body.setProperty("field", error.field());
        body.setProperty("errors", List.of(error));
        body.setProperty("language", locale.getLanguage());
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.setContentLanguage(locale);
        return new ResponseEntity<>(body, headers, e.status());
    }
}
