package org.sijil.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rotation adds a signing key; events signed before it still verify against the published keys. */
class KeyRotationIT extends IntegrationTest {

    @Test
    void eventsSignedBeforeARotationStillVerifyAndNewOnesUseTheNewKey() throws Exception {
        String before = register("registrar-baghdad", People.adultMan("BGD"));
        assertThat(api.post("/api/v1/admin/keys/rotation", "registrar-baghdad", "").status()).isEqualTo(403);
        Api.Response rotation = api.post("/api/v1/admin/keys/rotation", "admin", "");
        assertThat(rotation.status()).as(rotation.toString()).isEqualTo(200);
        String newKey = rotation.json().get("keyId").asText();
        String after = register("registrar-baghdad", People.adultWoman("BGD"));

        Map<String, PublicKey> published = new HashMap<>();
        for (JsonNode key : api.get("/api/v1/keys", null).json()) {
            byte[] der = Base64.getMimeDecoder().decode(key.get("pem").asText()
                    .replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", ""));
            published.put(key.get("keyId").asText(),
                    KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der)));
            assertThat(key.get("active").asBoolean()).isEqualTo(key.get("keyId").asText().equals(newKey));
        }
        JsonNode old = api.get("/api/v1/persons/" + before + "/events", "auditor").json().get(0);
        JsonNode recent = api.get("/api/v1/persons/" + after + "/events", "auditor").json().get(0);
        assertThat(old.get("keyId").asText()).isNotEqualTo(newKey);
        assertThat(recent.get("keyId").asText()).isEqualTo(newKey);
        assertThat(verifies(published, old)).isTrue();
        assertThat(verifies(published, recent)).isTrue();
    }

    private static boolean verifies(Map<String, PublicKey> keys, JsonNode event) throws Exception {
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initVerify(keys.get(event.get("keyId").asText()));
        ed25519.update(Base64.getDecoder().decode(event.get("signedEntry").asText()));
        return ed25519.verify(Base64.getDecoder().decode(event.get("signature").asText()));
    }
}
