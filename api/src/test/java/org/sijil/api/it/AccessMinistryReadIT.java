package org.sijil.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A ministry reads the demo citizen by national number: with the citizen's consent or a legal
 * basis it gets only the covered categories; without, 403 with the reason. Every read, granted or
 * denied, is recorded before the answer, and the citizen sees it in their access history.
 */
class AccessMinistryReadIT extends ConsentBaseIT {

    private Api.Response read(String ministry, String purpose) {
        return api.get("/api/v1/ministry/persons?nationalNumber=" + citizenNationalNumber + "&purpose=" + purpose,
                ministry);
    }

    private JsonNode latestAccess() {
        Api.Response history = api.get("/api/v1/citizens/me/accesses", "citizen-demo");
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        return reads(history.json().get("accesses")).get(0);
    }

    /** The history's entries but the feed's deliveries, which the feed may record at any time. */
    private static List<JsonNode> reads(JsonNode accesses) {
        List<JsonNode> reads = new ArrayList<>();
        accesses.forEach(a -> {
            if (!"kafka-feed".equals(a.get("subject").asText())) {
                reads.add(a);
            }
        });
        return reads;
    }

    @Test
    void withoutConsentOrLegalBasisTheReadIsDeniedAndTheDenialRecorded() {
        long accesses = accessesOfCitizen();
        String purpose = purpose("vaccination");
        Api.Response r = read("ministry-health", purpose);
        assertThat(r.status()).as(r.toString()).isEqualTo(403);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("code").asText()).isEqualTo("access.no-basis");
        assertThat(r.body()).doesNotContain("حيدر").doesNotContain(citizenNationalNumber);
        assertThat(accessesOfCitizen()).isEqualTo(accesses + 1);

        JsonNode access = latestAccess();
        assertThat(access.get("outcome").asText()).isEqualTo("DENIED");
        assertThat(access.get("reason").asText()).isEqualTo("access.no-basis");
        assertThat(access.get("organisation").asText()).isEqualTo("health");
        assertThat(access.get("subject").asText()).isEqualTo("ministry-health");
        assertThat(access.get("purpose").asText()).isEqualTo(purpose);
        assertThat(access.get("categories").size()).isZero();
    }

    @Test
    void withConsentOnlyTheConsentedCategoriesAreReturnedAndTheReadIsRecordedFirst() {
        String purpose = purpose("vaccination");
        String consentId = grant("health", purpose, "\"IDENTITY\", \"CIVIL_STATUS\"", false);
        Api.Response r = read("ministry-health", purpose);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode person = r.json();
        assertThat(person.get("basisKind").asText()).isEqualTo("CONSENT");
        assertThat(person.get("basisId").asText()).isEqualTo(consentId);
        assertThat(person.get("identity").get("nationalNumber").asText()).isEqualTo(citizenNationalNumber);
        assertThat(person.get("identity").get("name").get("arabic").get("given").asText()).isEqualTo("حيدر");
        assertThat(person.get("civilStatus").get("alive").asBoolean()).isTrue();
        assertThat(person.has("family")).isFalse();
        assertThat(person.has("residence")).isFalse();
        assertThat(person.has("idCards")).isFalse();

        JsonNode access = latestAccess();
        assertThat(access.get("accessId").asText()).isEqualTo(person.get("accessId").asText());
        assertThat(access.get("outcome").asText()).isEqualTo("GRANTED");
        assertThat(access.get("basisKind").asText()).isEqualTo("CONSENT");
        assertThat(access.get("basisId").asText()).isEqualTo(consentId);
        assertThat(access.get("categories").toString()).isEqualTo("[\"IDENTITY\",\"CIVIL_STATUS\"]");
        assertThat(access.get("role").asText()).isEqualTo("MINISTRY");
        // the access event, stored and signed, with its place in the log's order
        assertThat(access.get("globalIndex").asLong()).isPositive();
        assertThat(count("SELECT count(*) FROM domainevententry WHERE eventidentifier = ? AND globalindex = ? "
                        + "AND payloadtype = 'org.sijil.core.api.AccessRecordedEvent'",
                access.get("eventId").asText(), access.get("globalIndex").asLong())).isEqualTo(1);
        // and nothing personal in it
        String payload = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domainevententry "
                + "WHERE eventidentifier = ?", String.class, access.get("eventId").asText());
        assertThat(payload).doesNotContain("حيدر").doesNotContain(citizenNationalNumber);
    }

    @Test
    void aConsentToOneMinistryGivesAnotherNothing() {
        String purpose = purpose("vaccination");
        grant("health", purpose, "\"IDENTITY\"", false);
        Api.Response r = read("ministry-interior", purpose);
        assertThat(r.status()).isEqualTo(403);
        assertThat(latestAccess().get("organisation").asText()).isEqualTo("interior");
    }

    @Test
    void aRevokedConsentStopsAuthorisingAtOnce() {
        String purpose = purpose("vaccination");
        String consentId = grant("health", purpose, "\"RESIDENCE\"", false);
        assertThat(read("ministry-health", purpose).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/citizens/me/consents/" + consentId + "/revocation", "citizen-demo", "{}")
                .status()).isEqualTo(200);
        Api.Response r = read("ministry-health", purpose);
        assertThat(r.status()).as(r.toString()).isEqualTo(403);
        assertThat(r.json().get("code").asText()).isEqualTo("access.consent-revoked");
        assertThat(latestAccess().get("reason").asText()).isEqualTo("access.consent-revoked");
    }

    @Test
    void aOneTimeConsentAuthorisesOneRead() {
        String purpose = purpose("school-enrolment");
        String consentId = grant("health", purpose, "\"FAMILY\"", true);
        Api.Response first = read("ministry-health", purpose);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().has("family")).isTrue();
        Api.Response second = read("ministry-health", purpose);
        assertThat(second.status()).as(second.toString()).isEqualTo(403);
        assertThat(second.json().get("code").asText()).isEqualTo("access.consent-used");
        Api.Response mine = api.get("/api/v1/citizens/me/consents/" + consentId, "citizen-demo");
        assertThat(mine.json().get("status").asText()).isEqualTo("USED");
    }

    @Test
    void aLegalBasisAuthorisesWithoutConsentUntilRepealed() {
        String purpose = purpose("civil-status-check");
        Api.Response basis = api.post("/api/v1/admin/legal-bases", "admin", """
                {"law": "Civil Status Law No. 65 of 1972", "article": "3", "ministry": "interior",
                 "purposes": ["%s"], "categories": ["CIVIL_STATUS", "RESIDENCE"], "validFrom": "2020-01-01"}
                """.formatted(purpose));
        assertThat(basis.status()).as(basis.toString()).isEqualTo(201);
        String basisId = basis.json().get("legalBasisId").asText();

        Api.Response r = read("ministry-interior", purpose);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("basisKind").asText()).isEqualTo("LEGAL_BASIS");
        assertThat(r.json().get("basisId").asText()).isEqualTo(basisId);
        assertThat(r.json().has("identity")).isFalse();
        assertThat(r.json().has("civilStatus")).isTrue();
        assertThat(latestAccess().get("basisId").asText()).isEqualTo(basisId);
        // another ministry, same purpose: nothing
        assertThat(read("ministry-health", purpose).status()).isEqualTo(403);

        assertThat(api.post("/api/v1/admin/legal-bases/" + basisId + "/repeal", "admin",
                "{\"repealedBy\": \"Law No. 3 of 2025\"}").status()).isEqualTo(200);
        assertThat(read("ministry-interior", purpose).status()).isEqualTo(403);
    }

    @Test
    void theAccessHistoryIsNewestFirstAndFiltersByOrganisationAndPeriod() {
        String purpose = purpose("audit");
        read("ministry-interior", purpose);
        read("ministry-health", purpose);
        JsonNode all = api.get("/api/v1/citizens/me/accesses", "citizen-demo").json().get("accesses");
        List<JsonNode> reads = reads(all);
        assertThat(reads.get(0).get("organisation").asText()).isEqualTo("health");
        assertThat(reads.get(1).get("organisation").asText()).isEqualTo("interior");
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i - 1).get("recordedAt").asText().compareTo(all.get(i).get("recordedAt").asText()))
                    .isGreaterThanOrEqualTo(0);
        }
        JsonNode interior = api.get("/api/v1/citizens/me/accesses?organisation=interior", "citizen-demo").json()
                .get("accesses");
        assertThat(interior.findValuesAsText("organisation")).isNotEmpty().containsOnly("interior");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Baghdad"));
        assertThat(api.get("/api/v1/citizens/me/accesses?from=" + today + "&to=" + today, "citizen-demo").json()
                .get("accesses").size()).isPositive();
        assertThat(api.get("/api/v1/citizens/me/accesses?from=2000-01-01&to=2000-12-31", "citizen-demo").json()
                .get("accesses").size()).isZero();
        assertThat(api.get("/api/v1/citizens/me/accesses?from=2001-01-01&to=2000-12-31", "citizen-demo").status())
                .isEqualTo(400);
    }

    @Test
    void badReadsAreRefusedAndRecordNothing() {
        long accesses = count("SELECT count(*) FROM access_history WHERE subject <> 'kafka-feed'");
        assertThat(api.get("/api/v1/ministry/persons?nationalNumber=" + citizenNationalNumber, "ministry-health")
                .status()).isEqualTo(400);
        assertThat(api.get("/api/v1/ministry/persons?nationalNumber=12&purpose=x", "ministry-health").status())
                .isEqualTo(400);
        Api.Response unknown = api.get("/api/v1/ministry/persons?nationalNumber=100000000000&purpose=x",
                "ministry-health");
        assertThat(unknown.status()).as("as for a person nothing covers").isEqualTo(403);
        assertThat(read("registrar-baghdad", "x").status()).isEqualTo(403);
        assertThat(read("citizen-demo", "x").status()).isEqualTo(403);
        assertThat(read(null, "x").status()).isEqualTo(401);
        assertThat(count("SELECT count(*) FROM access_history WHERE subject <> 'kafka-feed'")).isEqualTo(accesses);
    }
}
