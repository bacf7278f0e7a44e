package org.sijil.ops.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Rebuilds one view through the authenticated admin endpoint and prints its progress until done.
 *
 * <pre>
 * SIJIL_TOKEN=$ADMIN_TOKEN java ... org.sijil.ops.replay.ReplayCli [--url http://localhost:8080] VIEW
 * </pre>
 *
 * <p>The token is an administrator's bearer token, read from {@code SIJIL_TOKEN} so it never shows in
 * the process list. The application logs the replay with the administrator's identity. Exit status:
 * 0 when the view has caught up, 1 on a refusal or error, 2 on bad usage.
 */
public final class ReplayCli {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofSeconds(1);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String token;
    private final PrintStream out;

    ReplayCli(String base, String token, PrintStream out) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.token = token;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        String url = "http://localhost:8080";
        String view = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--url") && i + 1 < args.length) {
                url = args[++i];
            } else if (!args[i].startsWith("--") && view == null) {
                view = args[i];
            } else {
                usage();
                return;
            }
        }
        String token = System.getenv("SIJIL_TOKEN");
        if (view == null || token == null || token.isBlank()) {
            usage();
            return;
        }
        System.exit(new ReplayCli(url, token, System.out).replay(view));
    }

    /** Starts the replay of {@code view} and follows it; returns the exit status. */
    int replay(String view) throws IOException, InterruptedException {
        HttpResponse<String> started = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/projections/"
                + view + "/replay")).POST(HttpRequest.BodyPublishers.noBody()));
        if (started.statusCode() != 202) {
            out.println("replay refused: HTTP " + started.statusCode() + " " + started.body());
            return 1;
        }
        out.println("replay of " + view + " started");
        while (true) {
            Thread.sleep(POLL.toMillis());
            HttpResponse<String> list = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/projections"))
                    .GET());
            if (list.statusCode() != 200) {
                out.println("status unavailable: HTTP " + list.statusCode() + " " + list.body());
                return 1;
            }
            for (JsonNode p : JSON.readTree(list.body())) {
                if (!p.path("name").asText().equals(view)) {
                    continue;
                }
                double progress = p.path("progress").asDouble();
                out.printf("%s: position %s of %d (%.1f%%)%s%n", view, p.path("position").asText("-"),
                        p.path("head").asLong(), progress * 100, p.path("replaying").asBoolean() ? ", replaying" : "");
                for (JsonNode s : p.path("segments")) {
                    if (s.path("error").asBoolean()) {
                        out.println("segment " + s.path("segment").asInt() + " in error: "
                                + s.path("errorMessage").asText());
                        return 1;
                    }
                }
                // progress, not "replaying": the processor clears that flag only on its next batch
                if (progress >= 1.0) {
                    out.println(view + " rebuilt");
                    return 0;
                }
            }
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void usage() {
        System.err.println("usage: SIJIL_TOKEN=<administrator's bearer token> ReplayCli [--url BASE] VIEW");
        System.err.println("views: person-view, health-view, planning-view, interior-view, education-view");
        System.exit(2);
    }
}
