package org.sijil.ops.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The replay command against a stand-in of the admin endpoints (the real ones are tested in the api module). */
class ReplayCliTest {

    @Test
    void startsTheReplayWithTheTokenAndFollowsProgressToTheEnd() throws Exception {
        List<String> seen = new ArrayList<>();
        AtomicInteger polls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            String body;
            int status;
            if (exchange.getRequestMethod().equals("POST")) {
                status = 202;
                body = "{}";
            } else {
                status = 200;
                double progress = Math.min(1.0, polls.incrementAndGet() / 2.0);
                body = "[{\"name\":\"health-view\",\"position\":9,\"head\":10,\"progress\":1.0,\"segments\":[]},"
                        + "{\"name\":\"person-view\",\"position\":" + (int) (progress * 10) + ",\"head\":10,"
                        + "\"progress\":" + progress + ",\"replaying\":true,\"segments\":[]}]";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = new ReplayCli("http://127.0.0.1:" + server.getAddress().getPort(), "t0ken",
                    new PrintStream(out, true, StandardCharsets.UTF_8)).replay("person-view");
            assertThat(exit).isZero();
            assertThat(seen.get(0)).isEqualTo("POST /api/v1/admin/projections/person-view/replay Bearer t0ken");
            assertThat(seen).hasSize(3);
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .contains("person-view: position 5 of 10 (50.0%), replaying")
                    .endsWith("person-view rebuilt\n");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aRefusedReplayExitsWithOne() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(403, -1);
            exchange.close();
        });
        server.start();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = new ReplayCli("http://127.0.0.1:" + server.getAddress().getPort(), "registrar",
                    new PrintStream(out, true, StandardCharsets.UTF_8)).replay("person-view");
            assertThat(exit).isEqualTo(1);
            assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("replay refused: HTTP 403");
        } finally {
            server.stop(0);
        }
    }
}
