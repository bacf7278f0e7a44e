package org.sijil.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.sijil.crypto.sign.KeyRing;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Erasure destroys one person's data key: their personal fields can no longer be read, while every
 * stored row stays byte for byte as it was and every signature still verifies.
 */
class ErasureIT extends IntegrationTest {

    @Autowired
    Supplier<KeyRing> keyRing;

    @Test
    void erasingAPersonMakesTheirEventsUnreadableAndChangesNothingElse() throws Exception {
        String erased = register("registrar-ninawa", People.adultWoman("NIN"));
        String kept = register("registrar-ninawa", People.adultMan("NIN"));
        assertThat(api.post("/api/v1/persons/" + erased + "/residence-changes", "registrar-ninawa",
                "{\"residence\": {\"governorate\": \"NIN\", \"locality\": \"الموصل، حي الزهور\"}, \"since\": \"2020-01-01\"}")
                .status()).isEqualTo(200);
        List<Map<String, Object>> rowsBefore = rows();

        assertThat(api.post("/api/v1/persons/" + erased + "/erasure", "registrar-ninawa",
                "{\"legalReference\": \"x\"}").status()).isEqualTo(403);
        Api.Response erasure = api.post("/api/v1/persons/" + erased + "/erasure", "admin",
                "{\"legalReference\": \"قرار محكمة 2025/14 بموجب قانون حماية البيانات\"}");
        assertThat(erasure.status()).as(erasure.toString()).isEqualTo(200);

        // every row stored before is unchanged, byte for byte; one erasure event was added (and the
        // feed may have recorded deliveries meanwhile)
        List<Map<String, Object>> rowsAfter = rows();
        assertThat(rowsAfter.subList(0, rowsBefore.size())).usingRecursiveComparison().isEqualTo(rowsBefore);
        assertThat(rowsAfter).hasSize(rowsBefore.size() + 1);
        assertThat(rowsAfter.get(rowsAfter.size() - 1).get("payloadtype").toString()).endsWith("PersonErasedEvent");
        assertThat(jdbc.queryForObject("SELECT wrapped_key IS NULL FROM person_data_key WHERE person_id = ?::uuid",
                Boolean.class, erased)).isTrue();

        // their personal fields no longer read back; the sealed bytes are still in the rows
        JsonNode history = api.get("/api/v1/persons/" + erased + "/events", "registrar-ninawa").json();
        assertThat(history.get(0).at("/payload/name").isMissingNode() || history.get(0).at("/payload/name").isNull())
                .isTrue();
        assertThat(history.get(0).at("/payload/sex").asText()).isEqualTo("FEMALE");
        assertThat(history.get(0).at("/storedPayload/name/enc").asText()).isNotBlank();
        Api.Response read = api.get("/api/v1/persons/" + erased, "registrar-ninawa");
        assertThat(read.status()).isEqualTo(410);
        assertThat(api.post("/api/v1/persons/" + erased + "/residence-changes", "registrar-ninawa",
                "{\"residence\": {\"governorate\": \"NIN\"}, \"since\": \"2024-01-01\"}").status()).isEqualTo(410);

        // someone else's record is untouched
        assertThat(api.get("/api/v1/persons/" + kept, "registrar-ninawa").json().at("/name/arabic/given").asText())
                .isEqualTo("محمد");

        // and every signature in the store still verifies
        KeyRing ring = keyRing.get();
        for (JsonNode event : history) {
            ring.verify(event.get("keyId").asText(),
                    java.util.Base64.getDecoder().decode(event.get("signedEntry").asText()),
                    java.util.Base64.getDecoder().decode(event.get("signature").asText()));
        }
    }

    /**
     * The stored rows, without the access records of feed deliveries: the feed may record one at
     * any time, for any ministry whose legal bases cover an event of this context.
     */
    private List<Map<String, Object>> rows() {
        return jdbc.queryForList("SELECT globalindex, eventidentifier, payloadtype, payload, metadata, signature "
                + "FROM domainevententry WHERE eventidentifier NOT IN "
                + "(SELECT event_id FROM access_history WHERE subject = 'kafka-feed') ORDER BY globalindex");
    }
}
