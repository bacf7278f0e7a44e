package org.sijil.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The one shape of every refusal: an RFC 7807 body with a stable {@code code}, the {@code field} at
 * fault, every error, and a message in the caller's language. Used by the MVC advice and by what runs
 * outside Spring MVC (filters, the security entry point, the error page, Tomcat's error report).
 */
@Component
public class ProblemWriter {

    /** Seconds a client is asked to wait while the database is unreachable. */
    static final String RETRY_AFTER_SECONDS = "5";

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final ObjectMapper json;

    /** {@code json} must be Spring's, which writes a ProblemDetail's properties at the top level. */
    ProblemWriter(MessageSource messages, LocaleResolver locales, ObjectMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    /** The code of a refusal known only by its status (an unknown path, a request Tomcat refused). */
    public static String codeFor(int status) {
        return switch (status) {
            case 400 -> "request.malformed";
            case 401 -> "token.missing";
            case 403 -> "access.denied";
            case 404 -> "path.not-found";
            case 405 -> "method.not-allowed";
            case 406 -> "media-type.not-acceptable";
            case 413 -> "body.too-large";
            case 415 -> "media-type.unsupported";
            case 503 -> "service.unavailable";
            default -> status < 500 ? "request.refused" : "internal.error";
        };
    }

    /**
     * Whether {@code failure} comes from the database being unreachable or refusing work for now:
     * no connection within the pool's timeout, a connection lost or refused (SQLSTATE class 08),
     * the server shutting down or starting (57P), out of resources (53), or a statement or lock
     * timeout (57014, 55P03).
     */
    public static boolean isStoreOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")
                        || state.equals("57014") || state.equals("55P03")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The body of a refusal whose first error is {@code errors[0]}. */
    ProblemDetail body(HttpStatus status, List<FieldError> errors, Locale locale) {
        ProblemDetail body = ProblemDetail.forStatus(status);
        FieldError first = errors.isEmpty() ? null : errors.get(0);
        body.setType(URI.create("https://sijil.example/problems/" + (first == null ? "invalid" : first.code())));
        body.setTitle(messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(), locale));
        body.setDetail(first == null ? null : first.message());
        if (first != null) {
            body.setProperty("code", first.code());
            body.setProperty("field", first.field());
        }
        body.setProperty("errors", errors);
        body.setProperty("language", locale.getLanguage());
        return body;
    }

    /** One error: {@code code}'s message in {@code locale}, with {@code args} in its placeholders. */
    FieldError error(String field, String code, Locale locale, Object... args) {
        return new FieldError(field, code, messages.getMessage(code, args, code, locale));
    }

    /** Headers of every refusal: its type, language, and when to try again if the store is down. */
    static HttpHeaders headers(HttpStatus status, String code, Locale locale) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.setContentLanguage(locale);
        if (status == HttpStatus.SERVICE_UNAVAILABLE && "storage.unavailable".equals(code)) {
            headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return headers;
    }

    /**
     * Writes the refusal {@code code} as the whole response, in the language {@code request} asks
     * for; headers already set (a {@code WWW-Authenticate} challenge, say) are kept.
     */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
                      Object... args) throws IOException {
        Locale locale = locales.resolveLocale(request);
        ProblemDetail body = body(status, List.of(error(null, code, locale, args)), locale);
        response.setStatus(status.value());
        headers(status, code, locale).forEach((name, values) -> values.forEach(v -> response.setHeader(name, v)));
        // JSON is UTF-8 by definition (RFC 8259), so no charset parameter: the bytes are written as such
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }
}
