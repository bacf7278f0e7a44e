package org.sijil.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A failure half-way — the database refusing the event insert — leaves no partial state. */
class AtomicityIT extends IntegrationTest {

    @Test
    void aRefusedEventInsertLeavesNoNationalNumberNoDataKeyAndNoEvent() {
        long events = storedEvents();
        long numbers = count("national_number");
        long keys = count("person_data_key");
        jdbc.execute("""
                CREATE FUNCTION refuse_births() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.payloadtype LIKE '%BirthRegisteredEvent' THEN
                        RAISE EXCEPTION 'disk full (simulated)';
                    END IF;
                    RETURN NEW;
                END $$""");
        jdbc.execute("CREATE TRIGGER refuse_births BEFORE INSERT ON domainevententry "
                + "FOR EACH ROW EXECUTE FUNCTION refuse_births()");
        try {
            Api.Response response = api.post("/api/v1/births", "registrar-baghdad",
                    People.birth("كرار", "MALE", LocalDate.of(2024, 4, 4), "BGD", null, null));
            assertThat(response.status()).as(response.toString()).isEqualTo(503);
            assertThat(response.json().get("code").asText()).isEqualTo("storage.unavailable");
        } finally {
            jdbc.execute("DROP TRIGGER refuse_births ON domainevententry");
            jdbc.execute("DROP FUNCTION refuse_births()");
        }
        assertThat(storedEvents()).isEqualTo(events);
        assertThat(count("national_number")).isEqualTo(numbers);
        assertThat(count("person_data_key")).isEqualTo(keys);
        // and the register works again once the database accepts writes
        assertThat(api.post("/api/v1/births", "registrar-baghdad",
                People.birth("كرار", "MALE", LocalDate.of(2024, 4, 4), "BGD", null, null)).status()).isEqualTo(201);
    }

    @Test
    void theEventStoreRefusesUpdatesAndDeletes() {
        register("registrar-baghdad", People.adultMan("BGD"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("UPDATE domainevententry SET payload = ''"))
                .rootCause().hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("DELETE FROM domainevententry"))
                .rootCause().hasMessageContaining("append-only");
    }

    private long count(String table) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
        return n == null ? 0 : n;
    }
}
