package org.sijil.api.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

/** A small HTTP client for integration tests: real HTTP against the running application. */
public final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final Map<String, String> tokens = new HashMap<>();

    Api(int port) {
        this.base = "http://localhost:" + port;
    }

    /** A bearer token for a seeded demo identity, from the development issuer. */
    String token(String identity) {
        return tokens.computeIfAbsent(identity, id -> {
            Response r = send(HttpRequest.newBuilder(URI.create(base + "/dev/token?as=" + id))
                    .POST(HttpRequest.BodyPublishers.noBody()));
            if (r.status() != 200) {
                throw new IllegalStateException("no token for " + id + ": " + r.body());
            }
            return r.json().get("access_token").asText();
        });
    }

    public Response get(String path, String identity, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        return send(auth(b, identity, headers));
    }

    public Response post(String path, String identity, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(auth(b, identity, headers));
    }

    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String base() {
        return base;
    }

    private HttpRequest.Builder auth(HttpRequest.Builder b, String identity, String... headers) {
        if (identity != null) {
            b.header("Authorization", "Bearer " + token(identity));
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b;
    }

    public record Response(int status, String body, HttpResponse<String> raw) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
