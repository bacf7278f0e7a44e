package org.sijil.api.keys;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.function.Supplier;
import org.sijil.crypto.sign.KeyDirectory;
import org.sijil.crypto.sign.SigningKey;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/keys}: every Ed25519 public key that has signed events, oldest first, with its
 * key id and PEM. Keys are never removed, so events signed before a rotation still verify.
 */
@RestController
@Tag(name = "Keys")
class KeysController {

    private final KeyDirectory keys;
    private final Supplier<SigningKey> activeKey;

    KeysController(KeyDirectory keys, Supplier<SigningKey> activeSigningKey) {
        this.keys = keys;
        this.activeKey = activeSigningKey;
    }

    record PublicKey(String keyId, String algorithm, String pem, boolean active) {
    }

    @GetMapping("/api/v1/keys")
    @Operation(summary = "The public keys that sign events (public)")
    List<PublicKey> keys() {
        String active = activeKey.get().keyId();
        return keys.verificationKeys().stream()
                .map(k -> new PublicKey(k.keyId(), "Ed25519", k.toSpkiPem(), k.keyId().equals(active)))
                .toList();
    }
}
