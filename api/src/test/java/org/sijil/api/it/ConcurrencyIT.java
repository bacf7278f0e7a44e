package org.sijil.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.RepeatedTest;

/** Optimistic concurrency: two updates made from the same version — one wins, one gets 409. */
class ConcurrencyIT extends IntegrationTest {

    @RepeatedTest(3)
    void twoConcurrentUpdatesOfOnePersonGiveOneConflictAndNoLostUpdate() throws Exception {
        String person = register("registrar-baghdad", People.adultMan("BGD"));
        String etag = api.get("/api/v1/persons/" + person, "registrar-baghdad").header("ETag");
        api.token("registrar-baghdad");
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Api.Response>> updates = new ArrayList<>();
        for (String locality : new String[] {"حي الجامعة", "حي العدل"}) {
            updates.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return api.post("/api/v1/persons/" + person + "/residence-changes", "registrar-baghdad",
                        "{\"residence\": {\"governorate\": \"BGD\", \"locality\": \"" + locality
                                + "\"}, \"since\": \"2024-01-01\"}", "If-Match", etag);
            }));
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Api.Response> update : updates) {
            statuses.add(update.get().status());
        }
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        Long events = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, person);
        assertThat(events).isEqualTo(2);
        Api.Response conflict = updates.get(0).get().status() == 409 ? updates.get(0).get() : updates.get(1).get();
        assertThat(conflict.json().get("code").asText()).isEqualTo("version.conflict");
        assertThat(api.get("/api/v1/persons/" + person, "registrar-baghdad").header("ETag")).isEqualTo("\"1\"");
    }
}
