package org.sijil.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sijil.store.IdCardNumberBackfill;
import org.sijil.crypto.envelope.KeyedHash;
import org.sijil.crypto.envelope.MasterKey;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An ID card number belongs to one person, for good, through the API on the real database: the
 * index holds each number's keyed hash, not the number, and cards issued before the index existed are claimed
 * by the start-up backfill. Card numbers here are used by no other test (all share one database).
 */
class IdCardNumberIT extends IntegrationTest {

    @Autowired
    IdCardNumberBackfill backfill;

    @Autowired
    MasterKey masterKey;

    @Test
    void aNumberHeldByAnotherPersonIsRefusedInTheirLanguageAndNothingIsStoredEvenAfterRevocation() {
        String holder = register("registrar-baghdad", People.adultMan("BGD"));
        String other = register("registrar-baghdad", People.adultWoman("BGD"));
        assertThat(issue(holder, "UQ2000001").status()).isEqualTo(200);
        long stored = storedEvents();

        Api.Response refused = issue(other, "UQ2000001", "Accept-Language", "ar");
        assertTaken(refused);
        assertThat(refused.json().get("detail").asText()).contains("لشخص آخر");
        assertThat(storedEvents()).isEqualTo(stored);

        // a revoked card's number is not given to anyone else either
        assertThat(api.post("/api/v1/persons/" + holder + "/id-cards/UQ2000001/revocation", "registrar-baghdad",
                "{\"revokedOn\": \"2024-02-01\", \"reason\": \"بطاقة مفقودة\"}").status()).isEqualTo(200);
        stored = storedEvents();
        assertTaken(issue(other, "UQ2000001", "Accept-Language", "en"));
        assertThat(storedEvents()).isEqualTo(stored);
        assertThat(issue(other, "UQ2000002").status()).isEqualTo(200);
    }

    @Test
    void theIndexHoldsTheNumbersKeyedHashUnderTheWrappedIndexKeyNotTheNumberOrItsPlainHash() throws Exception {
        String person = register("registrar-baghdad", People.adultMan("BGD"));
        assertThat(issue(person, "UQ3000001").status()).isEqualTo(200);

        byte[] stored = jdbc.queryForObject("SELECT card_key FROM id_card_number WHERE person_id = ?", byte[].class,
                UUID.fromString(person));
        byte[] wrapped = jdbc.queryForObject("SELECT wrapped_key FROM index_key WHERE name = 'id-card-number'",
                byte[].class);
        byte[] indexKey = masterKey.unwrap(wrapped, "sijil-index-key/id-card-number".getBytes(StandardCharsets.UTF_8));
        byte[] number = "UQ3000001".getBytes(StandardCharsets.UTF_8);
        assertThat(stored).isEqualTo(new KeyedHash(indexKey).hash(number))
                .isNotEqualTo(MessageDigest.getInstance("SHA-256").digest(number));
    }

    @Test
    void theBackfillClaimsCardsIssuedBeforeTheIndexAndGivesANumberHeldByTwoToTheOneWithTheOlderCard() {
        String early = register("registrar-baghdad", People.adultMan("BGD"));
        String first = register("registrar-baghdad", People.adultMan("BGD"));
        String second = register("registrar-baghdad", People.adultWoman("BGD"));
        assertThat(issue(early, "UQ4000001").status()).isEqualTo(200);
        // two persons given one number, as could happen before the index existed
        assertThat(issue(first, "UQ4000002").status()).isEqualTo(200);
        forgetClaimsOf(first);
        assertThat(issue(second, "UQ4000002").status()).isEqualTo(200);
        // as if every card above had been issued before the index existed
        forgetClaimsOf(early, first, second);
        jdbc.update("UPDATE id_card_number_backfill SET through_global_index = "
                + "(SELECT max(globalindex) FROM domainevententry), done = false");
        long stored = storedEvents();

        assertThat(backfill.run()).isPositive();

        assertThat(claimsOf(early)).isEqualTo(1);
        assertThat(claimsOf(first)).as("the holder of the older card").isEqualTo(1);
        assertThat(claimsOf(second)).isZero();
        assertThat(backfill.run()).as("done once").isEqualTo(-1);
        String newcomer = register("registrar-baghdad", People.adultMan("BGD"));
        assertTaken(issue(newcomer, "UQ4000001"));
        assertTaken(issue(newcomer, "UQ4000002"));
        assertThat(storedEvents()).as("the newcomer's birth only").isEqualTo(stored + 1);
    }

    private Api.Response issue(String person, String cardNumber, String... headers) {
        return api.post("/api/v1/persons/" + person + "/id-cards", "registrar-baghdad",
                "{\"cardNumber\": \"" + cardNumber + "\", \"issuedOn\": \"2024-01-10\", \"expiresOn\": \"2034-01-10\"}",
                headers);
    }

    private static void assertTaken(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("code").asText()).isEqualTo("id-card.number-taken");
        assertThat(problem.get("field").asText()).isEqualTo("cardNumber");
    }

    private void forgetClaimsOf(String... persons) {
        for (String person : persons) {
            jdbc.update("DELETE FROM id_card_number WHERE person_id = ?", UUID.fromString(person));
        }
    }

    private long claimsOf(String person) {
        return jdbc.queryForObject("SELECT count(*) FROM id_card_number WHERE person_id = ?", Long.class,
                UUID.fromString(person));
    }
}
