package org.sijil.api.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page, in place of Spring Boot's: what failed outside Spring MVC (a filter, the
 * firewall's {@link RequestRejectedException}, a {@code sendError}) is answered as problem+json too,
 * with the code its status or cause names.
 */
@RestController
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final ProblemWriter writer;

    ProblemErrorController(ProblemWriter writer) {
        this.writer = writer;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        if (failure != null && ProblemWriter.isStoreOutage(failure)) {
            writer.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "storage.unavailable");
            return;
        }
        if (status.is5xxServerError() && failure != null) {
            log.error("Request failed outside Spring MVC", failure);
        }
        String problem = failure instanceof RequestRejectedException ? "request.malformed"
                : ProblemWriter.codeFor(status.value());
        writer.write(request, response, status, problem);
    }
}
