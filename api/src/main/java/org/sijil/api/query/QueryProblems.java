package org.sijil.api.query;

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

/** Answers {@link QueryProblem} in the same problem+json shape as the rest of the API. */
@RestControllerAdvice(basePackageClasses = QueryProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class QueryProblems {

    private final MessageSource messages;

    QueryProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(QueryProblem.class)
    ResponseEntity<ProblemDetail> problem(QueryProblem e) {
        Locale locale = LocaleContextHolder.getLocale();
        String message = messages.getMessage(e.code(), e.args(), e.code(), locale);
        ProblemDetail body = ProblemDetail.forStatus(e.status());
        body.setType(URI.create("https://sijil.example/problems/" + e.code()));
        body.setTitle(messages.getMessage("problem.title." + e.status().value(), null,
                e.status().getReasonPhrase(), locale));
        body.setDetail(message);
        body.setProperty("code", e.code());
        body.setProperty("field", e.field());
        body.setProperty("errors", List.of(new FieldError(e.field(), e.code(), message)));
        body.setProperty("language", locale.getLanguage());
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.setContentLanguage(locale);
        return new ResponseEntity<>(body, headers, e.status());
    }
}
