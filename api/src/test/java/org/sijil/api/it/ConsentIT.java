package org.sijil.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sijil.core.api.consent.GrantConsentCommand;

/** A citizen grants, lists and revokes their own consents, and only their own; bad input stores nothing. */
class ConsentIT extends ConsentBaseIT {

    @Test
    void citizenGrantsListsAndRevokesAConsentWithItsReceipt() {
        String purpose = purpose("vaccination");
        long events = storedEvents();
        Api.Response granted = api.post("/api/v1/citizens/me/consents", "citizen-demo",
                grantJson("health", purpose, "\"FAMILY\", \"IDENTITY\"", null, inDays(30), false));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
        assertThat(storedEvents()).isEqualTo(events + 1);
        JsonNode receipt = granted.json();
        String id = receipt.get("consentId").asText();
        assertThat(granted.header("Location")).endsWith("/api/v1/citizens/me/consents/" + id);
        assertThat(receipt.get("personId").asText()).isEqualTo(CITIZEN);
        assertThat(receipt.get("ministry").asText()).isEqualTo("health");
        assertThat(receipt.get("purposeCode").asText()).isEqualTo(purpose);
        assertThat(receipt.get("categories").toString()).isEqualTo("[\"IDENTITY\",\"FAMILY\"]");
        assertThat(receipt.get("collectionMethod").asText()).isEqualTo("online-portal");
        assertThat(receipt.get("jurisdiction").asText()).isEqualTo("IQ");
        assertThat(receipt.get("policyReference").asText()).isNotBlank();
        assertThat(receipt.get("receiptId").asText()).isNotBlank();
        assertThat(receipt.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(count("SELECT count(*) FROM domainevententry WHERE eventidentifier = ? "
                + "AND payloadtype = 'org.sijil.core.api.ConsentGrantedEvent'", receipt.get("eventId").asText()))
                .isEqualTo(1);

        Api.Response list = api.get("/api/v1/citizens/me/consents", "citizen-demo");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().findValuesAsText("consentId")).contains(id);

        Api.Response revoked = api.post("/api/v1/citizens/me/consents/" + id + "/revocation", "citizen-demo",
                "{\"collectionMethod\": \"service-centre\"}");
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.json().get("status").asText()).isEqualTo("REVOKED");
        assertThat(revoked.json().get("revokedAt").isNull()).isFalse();

        long before = storedEvents();
        Api.Response again = api.post("/api/v1/citizens/me/consents/" + id + "/revocation", "citizen-demo", "{}");
        assertThat(again.status()).as(again.toString()).isEqualTo(422);
        assertThat(again.json().get("code").asText()).isEqualTo("consent.already-revoked");
        assertThat(storedEvents()).isEqualTo(before);
    }

    static Stream<Arguments> badGrants() {
        Instant soon = inDays(30);
        return Stream.of(
                Arguments.of("unknown ministry", grantJson("defence", "p", "\"IDENTITY\"", null, soon, false),
                        400, "ministry.unknown"),
                Arguments.of("unknown category", grantJson("health", "p", "\"IDENTITY\", \"MEDICAL\"", null, soon,
                        false), 422, "category.unknown"),
                Arguments.of("end before start", grantJson("health", "p", "\"IDENTITY\"", inDays(10), inDays(5),
                        false), 422, "period.end-before-start"),
                Arguments.of("expired validity", grantJson("health", "p", "\"IDENTITY\"", inDays(-10), inDays(-1),
                        false), 422, "period.expired"),
                Arguments.of("purpose missing", """
                        {"ministry": "health", "purposeText": "x", "categories": ["IDENTITY"], "validUntil": "%s"}
                        """.formatted(soon), 400, "constraint.NotBlank"),
                Arguments.of("no category", grantJson("health", "p", "", null, soon, false), 400,
                        "constraint.NotEmpty"),
                Arguments.of("unknown collection method", """
                        {"ministry": "health", "purposeCode": "p", "purposeText": "x", "categories": ["IDENTITY"],
                         "validUntil": "%s", "collectionMethod": "carrier-pigeon"}
                        """.formatted(soon), 400, "collection-method.unknown"));
    }

    @ParameterizedTest(name = "{0}: {2} {3}")
    @MethodSource("badGrants")
    void badGrantIsRefusedWithItsReasonAndStoresNothing(String what, String body, int status, String code) {
        long events = storedEvents();
        long consents = count("SELECT count(*) FROM consent_index");
        Api.Response r = api.post("/api/v1/citizens/me/consents", "citizen-demo", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("code").asText()).isEqualTo(code);
        assertThat(r.json().get("detail").asText()).isNotBlank();
        assertThat(storedEvents()).isEqualTo(events);
        assertThat(count("SELECT count(*) FROM consent_index")).isEqualTo(consents);
    }

    @Test
    void citizenCannotSeeOrRevokeAnotherPersonsConsent() {
        UUID other = UUID.randomUUID();
        UUID consentId = UUID.randomUUID();
        commands.sendAndWait(new GrantConsentCommand(consentId, other, "health", purpose("vaccination"),
                "Checking vaccination records", List.of("IDENTITY"), Instant.now(), inDays(30), false,
                "service-centre", UUID.randomUUID(), "IQ", "https://sijil.example/policy/consent/v1", Instant.now()));
        long events = storedEvents();

        assertThat(api.get("/api/v1/citizens/me/consents/" + consentId, "citizen-demo").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/citizens/me/consents", "citizen-demo").json().findValuesAsText("consentId"))
                .doesNotContain(consentId.toString());
        Api.Response revoke = api.post("/api/v1/citizens/me/consents/" + consentId + "/revocation", "citizen-demo",
                "{}");
        assertThat(revoke.status()).as(revoke.toString()).isEqualTo(404);
        assertThat(revoke.json().get("code").asText()).isEqualTo("consent.not-found");
        assertThat(storedEvents()).isEqualTo(events);
        assertThat(count("SELECT count(*) FROM consent_index WHERE consent_id = ?::uuid AND revoked_at IS NULL",
                consentId.toString())).isEqualTo(1);
    }

    @Test
    void onlyCitizensUseTheConsentEndpoints() {
        String body = grantJson("health", purpose("x"), "\"IDENTITY\"", null, inDays(30), false);
        long events = storedEvents();
        assertThat(api.post("/api/v1/citizens/me/consents", null, body).status()).isEqualTo(401);
        for (String who : List.of("ministry-health", "registrar-baghdad", "admin", "auditor", "clerk-baghdad")) {
            assertThat(api.post("/api/v1/citizens/me/consents", who, body).status()).as(who).isEqualTo(403);
            assertThat(api.get("/api/v1/citizens/me/consents", who).status()).as(who).isEqualTo(403);
            assertThat(api.get("/api/v1/citizens/me/accesses", who).status()).as(who).isEqualTo(403);
        }
        assertThat(storedEvents()).isEqualTo(events);
    }

    @Test
    void administratorsRecordListAndRepealLegalBases() {
        String purpose = purpose("disease-notification");
        String body = """
                {"law": "Public Health Law No. 89 of 1981", "article": "46", "ministry": "health",
                 "purposes": ["%s"], "categories": ["RESIDENCE", "IDENTITY"], "validFrom": "2020-01-01"}
                """.formatted(purpose);
        long events = storedEvents();
        assertThat(api.post("/api/v1/admin/legal-bases", "ministry-health", body).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/admin/legal-bases", "citizen-demo", body).status()).isEqualTo(403);
        Api.Response unknown = api.post("/api/v1/admin/legal-bases", "admin", body.replace("\"health\"", "\"army\""));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("code").asText()).isEqualTo("ministry.unknown");
        Api.Response badPeriod = api.post("/api/v1/admin/legal-bases", "admin",
                body.replace("\"validFrom\": \"2020-01-01\"", "\"validFrom\": \"2020-01-01\", \"validUntil\": \"2019-12-31\""));
        assertThat(badPeriod.status()).isEqualTo(422);
        assertThat(badPeriod.json().get("code").asText()).isEqualTo("period.end-before-start");
        assertThat(storedEvents()).isEqualTo(events);

        Api.Response recorded = api.post("/api/v1/admin/legal-bases", "admin", body);
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        String id = recorded.json().get("legalBasisId").asText();
        assertThat(recorded.json().get("categories").toString()).isEqualTo("[\"IDENTITY\",\"RESIDENCE\"]");
        assertThat(api.get("/api/v1/admin/legal-bases?ministry=health", "admin").json().findValuesAsText("legalBasisId"))
                .contains(id);
        assertThat(api.get("/api/v1/admin/legal-bases", "ministry-health").status()).isEqualTo(403);

        Api.Response repealed = api.post("/api/v1/admin/legal-bases/" + id + "/repeal", "admin",
                "{\"repealedBy\": \"Law No. 1 of 2025\"}");
        assertThat(repealed.status()).as(repealed.toString()).isEqualTo(200);
        assertThat(repealed.json().get("repealedAt").isNull()).isFalse();
        Api.Response twice = api.post("/api/v1/admin/legal-bases/" + id + "/repeal", "admin",
                "{\"repealedBy\": \"Law No. 1 of 2025\"}");
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.json().get("code").asText()).isEqualTo("legal-basis.already-repealed");
        assertThat(api.post("/api/v1/admin/legal-bases/" + UUID.randomUUID() + "/repeal", "admin",
                "{\"repealedBy\": \"x\"}").status()).isEqualTo(404);
    }
}
