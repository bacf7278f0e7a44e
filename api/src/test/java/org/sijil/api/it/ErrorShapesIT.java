package org.sijil.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every refusal, wherever it is made — Tomcat, the security filters, Spring MVC, a controller — is
 * RFC 7807 problem+json with a stable {@code code} and a message in the caller's language; and
 * request values have one shape only (dates {@code YYYY-MM-DD}, strong entity tags). Requests
 * HTTP clients refuse to send go out through a raw socket.
 */
class ErrorShapesIT extends IntegrationTest {

    private static final String BIRTH = People.birth("حسن", "MALE", LocalDate.of(2024, 2, 2), "BGD", null, null);

    @Test
    void aMissingTokenIs401ProblemWithTheBearerChallenge() {
        Api.Response response = api.get("/api/v1/persons/" + java.util.UUID.randomUUID(), null,
                "Accept-Language", "ar");
        assertProblem(response, 401, "token.missing", "ar");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void aBadTokenIs401ProblemWithTheBearerChallenge() {
        Api.Response response = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/persons/"
                        + java.util.UUID.randomUUID()))
                .header("Authorization", "Bearer eyJhbGciOiJFZERTQSJ9.e30.AAAA")
                .header("Accept-Language", "ar"));
        assertProblem(response, 401, "token.invalid", "ar");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer").contains("invalid_token");
    }

    @Test
    void anUnsupportedContentTypeIs415Problem() {
        Api.Response response = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/births"))
                .header("Authorization", "Bearer " + api.token("registrar-baghdad"))
                .header("Content-Type", "text/plain")
                .header("Accept-Language", "ar")
                .POST(HttpRequest.BodyPublishers.ofString(BIRTH)));
        assertProblem(response, 415, "media-type.unsupported", "ar");
    }

    @Test
    void anUnknownPathIs404Problem() {
        assertProblem(api.get("/api/v1/no-such-thing", "registrar-baghdad", "Accept-Language", "ar"), 404,
                "path.not-found", "ar");
    }

    @Test
    void anUnsupportedMethodIs405ProblemNamingTheAllowedOnes() {
        Api.Response response = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/births"))
                .header("Authorization", "Bearer " + api.token("registrar-baghdad"))
                .header("Accept-Language", "ar")
                .DELETE());
        assertProblem(response, 405, "method.not-allowed", "ar");
        assertThat(response.header("Allow")).contains("POST");
    }

    @Test
    void aMalformedAcceptLanguageIs400Problem() throws IOException {
        Raw response = raw("GET /api/v1/reference/governorates HTTP/1.1\r\nHost: localhost\r\n"
                + "Accept-Language: ar;q=x,,;;\r\nConnection: close\r\n\r\n");
        assertProblem(response, 400, "accept-language.malformed", "en");
    }

    @Test
    void anEncodedDotDotInThePathIs400Problem() throws IOException {
        Raw response = raw("GET /api/v1/%2e%2e/%2e%2e/actuator/env HTTP/1.1\r\nHost: localhost\r\n"
                + "Accept-Language: ar\r\nConnection: close\r\n\r\n");
        assertProblem(response, 400, "request.malformed", "ar");
    }

    @Test
    void anEncodedSlashInThePathIs400Problem() throws IOException {
        Raw response = raw("GET /api/v1/reference/..%2f..%2factuator HTTP/1.1\r\nHost: localhost\r\n"
                + "Accept-Language: ar\r\nConnection: close\r\n\r\n");
        assertProblem(response, 400, "request.malformed", "ar");
    }

    @Test
    void anOversizeUrlIs400Problem() throws IOException {
        // refused while reading the request line, before any header: so in English
        Raw response = raw("GET /api/v1/reference/governorates?q=" + "x".repeat(20_000) + " HTTP/1.1\r\n"
                + "Host: localhost\r\nAccept-Language: ar\r\nConnection: close\r\n\r\n");
        assertProblem(response, 400, "request.malformed", "en");
    }

    @Test
    void anOversizeHeaderIs400Problem() throws IOException {
        Raw response = raw("GET /api/v1/reference/governorates HTTP/1.1\r\nHost: localhost\r\n"
                + "Accept-Language: ar\r\nX-Padding: " + "x".repeat(20_000) + "\r\nConnection: close\r\n\r\n");
        assertProblem(response, 400, "request.malformed", "ar");
    }

    @Test
    void aDateIsYearMonthDayOnly() {
        for (String date : new String[] {"\"2024-02-02T00:00:00Z\"", "19755", "[2024, 2, 2]", "\"2024-2-2\""}) {
            Api.Response response = api.post("/api/v1/births", "registrar-baghdad",
                    BIRTH.replace("\"2024-02-02\"", date), "Accept-Language", "ar");
            assertProblem(response, 400, "value.malformed", "ar");
            assertThat(response.json().get("field").asText()).as(date).isEqualTo("dateOfBirth");
        }
    }

    @Test
    void aDateParameterIsYearMonthDayOnly() {
        // the short form of the caller's locale (M/d/yy in English), which Spring takes by default
        Api.Response response = api.get("/api/v1/citizens/me/accesses?from=2/1/24", "citizen-demo",
                "Accept-Language", "en");
        assertProblem(response, 400, "value.malformed", "en");
        assertThat(response.json().get("field").asText()).isEqualTo("from");
    }

    @Test
    void aDateBeforeTheRegistersEpochIsADateError() {
        Api.Response response = api.post("/api/v1/births", "registrar-baghdad",
                BIRTH.replace("\"2024-02-02\"", "\"1800-05-01\""), "Accept-Language", "ar");
        assertProblem(response, 422, "date.before-epoch", "ar");
        assertThat(response.json().get("field").asText()).isEqualTo("dateOfBirth");
    }

    @Test
    void aWeakEntityTagNeverMatches() {
        String person = register("registrar-baghdad", People.adultMan("BGD"));
        String etag = api.get("/api/v1/persons/" + person, "registrar-baghdad").header("ETag");
        long events = storedEvents();
        Api.Response response = api.post("/api/v1/persons/" + person + "/residence-changes", "registrar-baghdad",
                "{\"residence\": {\"governorate\": \"BGD\"}, \"since\": \"2020-01-01\"}",
                "If-Match", "W/" + etag, "Accept-Language", "ar");
        assertProblem(response, 412, "if-match.weak", "ar");
        assertThat(storedEvents()).isEqualTo(events);
    }

    private static void assertProblem(Api.Response response, int status, String code, String language) {
        assertProblem(new Raw(response.status(), Map.of("content-type", String.valueOf(response.header("Content-Type"))),
                response.body()), status, code, language);
    }

    private static void assertProblem(Raw response, int status, String code, String language) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.headers().get("content-type")).as(response.toString())
                .startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("code").asText()).as(response.toString()).isEqualTo(code);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        String detail = problem.get("detail").asText();
        if (language.equals("ar")) {
            assertThat(detail).as(response.toString()).containsPattern("\\p{IsArabic}");
        } else {
            assertThat(detail).as(response.toString()).isNotBlank().doesNotContainPattern("\\p{IsArabic}");
        }
    }

    /** Sends {@code request} as written, bytes and all, and reads the whole answer. */
    private Raw raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                in.transferTo(answer);
            } catch (java.net.SocketException reset) {
                // the server may close as soon as it has answered, before the rest of a long request
            }
            return Raw.parse(answer.toString(StandardCharsets.ISO_8859_1));
        }
    }

    record Raw(int status, Map<String, String> headers, String body) {

        /** Parses an answer read as ISO-8859-1, one char per byte, so chunk sizes count bytes. */
        static Raw parse(String answer) {
            int end = answer.indexOf("\r\n\r\n");
            if (end < 0) {
                throw new AssertionError("no HTTP answer: " + answer);
            }
            String[] lines = answer.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
            String body = answer.substring(end + 4);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                StringBuilder joined = new StringBuilder();
                int at = 0;
                int size;
                while ((size = Integer.parseInt(body.substring(at, body.indexOf("\r\n", at)).strip(), 16)) > 0) {
                    at = body.indexOf("\r\n", at) + 2;
                    joined.append(body, at, at + size);
                    at += size + 2;
                }
                body = joined.toString();
            }
            return new Raw(Integer.parseInt(lines[0].split(" ")[1]), headers,
                    new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        }

        JsonNode json() {
            try {
                return Api.JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + this, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + body;
        }
    }
}
