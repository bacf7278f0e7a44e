package org.sijil.api.web;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's error report as problem+json instead of its HTML page. Tomcat answers some requests itself,
 * before any filter or servlet sees them (an encoded {@code /} in the path, a request line or header
 * over the size limits); this valve, in place of the host's {@link ErrorReportValve}, writes their
 * refusals in the API's one shape.
 */
final class ProblemReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ProblemReportValve.class);

    private final ObjectProvider<ProblemWriter> writer;

    /** {@code writer} is looked up at the first report, not while the web server is being built. */
    private ProblemReportValve(ObjectProvider<ProblemWriter> writer) {
        this.writer = writer;
    }

    /** Replaces the host's error report valve; to be called before the host's pipeline starts. */
    static void install(StandardHost host, ObjectProvider<ProblemWriter> writer) {
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve) {
                host.getPipeline().removeValve(valve);
            }
        }
        host.setErrorReportValveClass(ProblemReportValve.class.getName());
        host.getPipeline().addValve(new ProblemReportValve(writer));
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        // as Tomcat's own: only an error not yet reported, with nothing written and I/O still possible
        if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(response.getStatus());
        if (status == null) {
            status = HttpStatus.BAD_REQUEST;
        }
        try {
            response.setSuspended(false);
            writer.getObject().write(request, response, status, ProblemWriter.codeFor(status.value()));
            response.finishResponse();
        } catch (IOException | RuntimeException e) {
            log.debug("Could not write the error report for a refused request", e);
        }
    }
}
