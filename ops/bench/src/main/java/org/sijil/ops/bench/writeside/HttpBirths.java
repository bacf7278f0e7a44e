package org.sijil.ops.bench.writeside;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Births through {@code POST /api/v1/births} with a development-issuer token, as a client sends them. */
final class HttpBirths {

    /** The body of the integration tests' births (api/src/test/.../People.java), national number allocated. */
    static final String BODY = """
            {"name": {"arabic": {"given": "كرار", "father": "علي", "grandfather": "حسين", "family": "الجبوري",
                                  "motherGiven": "فاطمة", "maternalGrandfather": "عباس"},
                      "kurdish": {"given": "كرار", "father": "عەلی", "grandfather": "حوسێن"},
                      "latin": {"given": "Given", "father": "Ali", "grandfather": "Hussein", "family": "Al-Jubouri"}},
             "sex": "FEMALE", "dateOfBirth": "2024-04-04",
             "placeOfBirth": {"governorate": "BGD", "locality": "مستشفى اليرموك"}}
            """;

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI births;
    private final String token;

    HttpBirths(int port) throws IOException, InterruptedException {
        this.births = URI.create("http://localhost:" + port + "/api/v1/births");
        HttpResponse<String> issued = client.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/dev/token?as=registrar-baghdad"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (issued.statusCode() != 200) {
            throw new IllegalStateException("no development token: " + issued.statusCode() + " " + issued.body());
        }
        this.token = new ObjectMapper().readTree(issued.body()).get("access_token").asText();
    }

    /** The same request through {@link HttpURLConnection}, to tell the client's cost from the server's. */
    void registerBirthUrlConnection() throws IOException {
        HttpURLConnection connection = (HttpURLConnection) births.toURL().openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("Authorization", "Bearer " + token);
        connection.setRequestProperty("Content-Type", "application/json");
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        connection.setFixedLengthStreamingMode(body.length);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body);
        }
        int status = connection.getResponseCode();
        try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            String response = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (status != 201) {
                throw new IllegalStateException("birth not registered: " + status + " " + response);
            }
        }
    }

    void registerBirth() throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(births)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BODY)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("birth not registered: " + response.statusCode() + " " + response.body());
        }
    }
}
