package org.sijil.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Fail closed: when the access event cannot be stored, the read fails and returns no data. The
 * store is made to refuse access events with a temporary trigger, removed afterwards.
 */
class AccessFailClosedIT extends ConsentBaseIT {

    @Test
    void aReadWhoseAccessCannotBeRecordedReturnsNoData() {
        String purpose = purpose("vaccination");
        String consentId = grant("health", purpose, "\"IDENTITY\", \"FAMILY\"", true);
        long accesses = accessesOfCitizen();
        long events = storedEvents();
        jdbc.execute("""
                CREATE FUNCTION sijil_test_refuse_access() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.payloadtype LIKE '%AccessRecordedEvent' THEN
                        RAISE EXCEPTION 'access events refused for this test';
                    END IF;
                    RETURN NEW;
                END;
                $$""");
        jdbc.execute("CREATE TRIGGER sijil_test_refuse_access BEFORE INSERT ON domainevententry "
                + "FOR EACH ROW EXECUTE FUNCTION sijil_test_refuse_access()");
        Api.Response r;
        try {
            r = api.get("/api/v1/ministry/persons?nationalNumber=" + citizenNationalNumber + "&purpose=" + purpose,
                    "ministry-health");
        } finally {
            jdbc.execute("DROP TRIGGER sijil_test_refuse_access ON domainevententry");
            jdbc.execute("DROP FUNCTION sijil_test_refuse_access()");
        }
        assertThat(r.status()).as(r.toString()).isEqualTo(503);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("code").asText()).isEqualTo("access.not-recorded");
        assertThat(r.body()).doesNotContain(citizenNationalNumber).doesNotContain("حيدر");
        assertThat(accessesOfCitizen()).isEqualTo(accesses);
        assertThat(storedEvents()).isEqualTo(events);
        // the one-time consent was not used up by the failed read: it rolled back with the access
        assertThat(api.get("/api/v1/citizens/me/consents/" + consentId, "citizen-demo").json().get("status").asText())
                .isEqualTo("ACTIVE");

        Api.Response retry = api.get("/api/v1/ministry/persons?nationalNumber=" + citizenNationalNumber
                + "&purpose=" + purpose, "ministry-health");
        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertThat(accessesOfCitizen()).isEqualTo(accesses + 1);
    }
}
