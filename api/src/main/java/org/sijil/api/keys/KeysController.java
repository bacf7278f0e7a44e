package org.sijil.api.keys;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.function.Supplier;
import org.sijil.crypto.sign.KeyDirectory;
import org.sijil.crypto.sign.SigningKey;
import org.sijil.api.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/keys}: every Ed25519 public key that has signed events, oldest first, with its
 * key id and PEM. Keys are never removed, so events signed before a rotation still verify.
 */
@RestController
@Tag(name = "Keys")
class KeysController {

    private static final Logger log = LoggerFactory.getLogger(KeysController.class);

    private final KeyDirectory keys;
    private final Supplier<SigningKey> activeKey;

    KeysController(KeyDirectory keys, Supplier<SigningKey> activeSigningKey) {
        this.keys = keys;
        this.activeKey = activeSigningKey;
    }

    record PublicKey(String keyId, String algorithm, String pem, boolean active) {
    }

    /**
     * Rotation: a new signing key is generated and signs every event from now on; the old keys stay
     * published and stored, so every earlier signature still verifies.
     */
    @PostMapping("/api/v1/admin/keys/rotation")
    @Operation(summary = "Rotate the event-signing key (administrators)")
    PublicKey rotate(Authentication authentication) {
        Caller caller = Caller.of(authentication);
        if (!caller.hasRole("ADMIN")) {
            throw new AccessDeniedException("administrators only");
        }
        SigningKey key = keys.rotate();
        log.info("Signing key rotated by {}: new key {}", caller.subject(), key.keyId());
        return new PublicKey(key.keyId(), "Ed25519", key.verificationKey().toSpkiPem(), true);
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
