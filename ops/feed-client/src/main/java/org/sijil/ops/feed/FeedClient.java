package org.sijil.ops.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.sijil.crypto.sign.KeyRing;
import org.sijil.crypto.sign.VerificationKey;

/**
 * Tails one Sijil feed topic: fetches the registry's public keys ({@code GET /api/v1/keys}), opens
 * each ministry message's sealed part with the feed key it names (fetched once per key from
 * {@code GET /api/v1/ministry/feed-keys/{id}} with the ministry's token), verifies every message's
 * signature, drops copies of events already seen (the feed is at least once) and prints one JSON
 * line per event on standard output. Exit status: 0, or 2 if a message failed verification or did
 * not open, 64 on bad usage.
 *
 * <pre>
 * java -jar ops/feed-client/target/sijil-feed-client.jar --topic sijil.ministry.health \
 *      [--bootstrap localhost:9092] [--registry http://localhost:8080] [--token BEARER] [--group my-ministry] \
 *      [--from-beginning] [--max-messages N] [--idle-seconds S] [--require-verified]
 * </pre>
 * The token may also come from the environment variable {@code SIJIL_TOKEN}.
 */
public final class FeedClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> options;
    private final PrintStream out;
    private final PrintStream err;
    private final MessageVerifier verifier = new MessageVerifier(JSON);
    private final HttpClient http = HttpClient.newHttpClient();
    /** Feed keys fetched so far; an empty one was destroyed. */
    private final Map<String, Optional<byte[]>> feedKeys = new HashMap<>();
    private final MessageOpener opener = new MessageOpener(JSON, this::feedKey);
    private KeyRing keys;

    FeedClient(Map<String, String> options, PrintStream out, PrintStream err) {
        this.options = options;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        Map<String, String> options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: --topic T [--bootstrap host:port] [--registry URL] [--token T] [--group G] "
                    + "[--from-beginning] [--max-messages N] [--idle-seconds S] [--require-verified]");
            System.exit(64);
            return;
        }
        System.exit(new FeedClient(options, System.out, System.err).run());
    }

    static Map<String, String> parse(String[] args) {
        Set<String> flags = Set.of("--from-beginning", "--require-verified");
        Set<String> valued = Set.of("--topic", "--bootstrap", "--registry", "--token", "--group", "--max-messages",
                "--idle-seconds");
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (flags.contains(args[i])) {
                o.put(args[i], "true");
            } else if (valued.contains(args[i]) && i + 1 < args.length) {
                o.put(args[i], args[++i]);
            } else {
                throw new IllegalArgumentException("unknown or incomplete option: " + args[i]);
            }
        }
        if (!o.containsKey("--topic")) {
            throw new IllegalArgumentException("--topic is required");
        }
        return o;
    }

    int run() {
        String topic = options.get("--topic");
        long max = Long.parseLong(options.getOrDefault("--max-messages", "-1"));
        long idleSeconds = Long.parseLong(options.getOrDefault("--idle-seconds", "-1"));
        boolean requireVerified = options.containsKey("--require-verified");
        keys = fetchKeys();
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.getOrDefault("--bootstrap", "localhost:9092"));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, options.getOrDefault("--group", "sijil-feed-client-" + topic));
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, options.containsKey("--from-beginning") ? "earliest" : "latest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        // de-duplication by event id; a production consumer keeps this set with its own data
        Set<String> seen = new LinkedHashSet<>();
        int status = 0;
        long printed = 0;
        long lastMessage = System.nanoTime();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            while (max < 0 || printed < max) {
                var records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    if (idleSeconds >= 0 && System.nanoTime() - lastMessage > idleSeconds * 1_000_000_000L) {
                        break;
                    }
                    continue;
                }
                lastMessage = System.nanoTime();
                for (ConsumerRecord<String, byte[]> r : records) {
                    String eventId = header(r, "event-id");
                    if (eventId != null && !seen.add(eventId)) {
                        err.println("duplicate of " + eventId + " skipped (offset " + r.offset() + ")");
                        continue;
                    }
                    int outcome = print(r, eventId, requireVerified);
                    status = Math.max(status, outcome);
                    printed++;
                    if (max >= 0 && printed >= max) {
                        break;
                    }
                }
                consumer.commitSync();
            }
        }
        return status;
    }

    private int print(ConsumerRecord<String, byte[]> r, String eventId, boolean requireVerified) {
        JsonNode message;
        try {
            message = JSON.readTree(r.value());
        } catch (IOException e) {
            err.println("not JSON at offset " + r.offset() + " of partition " + r.partition());
            return 2;
        }
        MessageOpener.Opened opened = opener.open(message);
        message = opened.message();
        MessageVerifier.Result result = verifier.verify(message, eventId, keys);
        if (result.status() == MessageVerifier.Status.BAD && result.detail().contains("no verification key")) {
            keys = fetchKeys(); // a key rotated since start: fetch the list again, once
            result = verifier.verify(message, eventId, keys);
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("sealed", opened.outcome().name());
        line.put("verification", result.status().name());
        line.put("detail", opened.detail() != null ? opened.detail() : result.detail());
        line.put("clearFieldsChecked", result.clearFieldsChecked());
        line.put("sealedFieldsTrusted", result.sealedFields());
        line.put("partition", r.partition());
        line.put("offset", r.offset());
        line.put("message", message);
        try {
            out.println(JSON.writeValueAsString(line));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (result.status() == MessageVerifier.Status.BAD || opened.outcome() == MessageOpener.Outcome.BAD
                || (requireVerified && result.status() != MessageVerifier.Status.VERIFIED)) {
            return 2;
        }
        return 0;
    }

    private KeyRing fetchKeys() {
        String registry = options.getOrDefault("--registry", "http://localhost:8080");
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(registry + "/api/v1/keys"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /api/v1/keys answered " + response.statusCode());
            }
            List<VerificationKey> keys = new ArrayList<>();
            for (JsonNode k : JSON.readTree(response.body())) {
                VerificationKey key = VerificationKey.fromSpkiPem(k.get("pem").asText());
                if (!key.keyId().equals(k.get("keyId").asText())) {
                    throw new IllegalStateException("key id " + k.get("keyId") + " does not match its key");
                }
                keys.add(key);
            }
            return new KeyRing(keys);
        } catch (IOException e) {
            throw new IllegalStateException("cannot fetch the registry's keys from " + registry + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A feed key of this ministry's, fetched once: empty if destroyed (410). */
    private Optional<byte[]> feedKey(String keyId) throws IOException {
        Optional<byte[]> known = feedKeys.get(keyId);
        if (known != null) {
            return known;
        }
        String registry = options.getOrDefault("--registry", "http://localhost:8080");
        String token = options.getOrDefault("--token", System.getenv().getOrDefault("SIJIL_TOKEN", ""));
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(registry + "/api/v1/ministry/feed-keys/"
                            + URLEncoder.encode(keyId, StandardCharsets.UTF_8)))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        Optional<byte[]> key;
        if (response.statusCode() == 200) {
            key = Optional.of(Base64.getDecoder().decode(JSON.readTree(response.body()).get("key").asText()));
        } else if (response.statusCode() == 410) {
            key = Optional.empty();
        } else {
            throw new IOException("GET /api/v1/ministry/feed-keys/" + keyId + " answered " + response.statusCode());
        }
        feedKeys.put(keyId, key);
        return key;
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
