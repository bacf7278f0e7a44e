package org.sijil.api.feed;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Base64;
import java.util.UUID;
import org.sijil.query.feed.JdbcFeedKeys;
import org.sijil.api.consent.ConsentProperties;
import org.sijil.api.consent.Refusal;
import org.sijil.api.security.Caller;
import org.sijil.api.security.Roles;
import org.sijil.api.web.BadRequestException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A ministry system fetches the feed key a message on its topic names, to open the message's sealed
 * part. Only the key's own ministry gets it: another ministry's key reads as unknown (404), and a key
 * destroyed by the person's erasure is gone (410).
 *
 * <p>The fetch is not an access event: the key opens only messages already delivered to this
 * ministry about this person, and each of those deliveries was recorded as the ministry's access
 * before it was sent.
 */
@RestController
@Tag(name = "Ministries")
class FeedKeyController {

    private final JdbcFeedKeys keys;
    private final ConsentProperties ministries;

    FeedKeyController(JdbcFeedKeys keys, ConsentProperties ministries) {
        this.keys = keys;
        this.ministries = ministries;
    }

    /** A feed key; {@code key} is the base64 of its 32 bytes (AES-256-GCM, see docs/feeds.md). */
    record FeedKeyView(String keyId, String ministry, String personId, String algorithm, String key) {
    }

    @GetMapping("/api/v1/ministry/feed-keys/{keyId}")
    @Operation(summary = "The feed key that opens this ministry's messages about one person (ministry systems)",
            description = "404 if the key is unknown or another ministry's; 410 once the person was erased.")
    ResponseEntity<FeedKeyView> key(@PathVariable String keyId, Authentication auth) {
        Caller caller = Caller.of(auth);
        if (!caller.hasRole(Roles.MINISTRY) || !ministries.knowsMinistry(caller.ministry())) {
            throw new AccessDeniedException("ministry systems only");
        }
        UUID id;
        try {
            id = UUID.fromString(keyId);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("keyId", "value.malformed");
        }
        JdbcFeedKeys.Stored stored = keys.ofMinistry(id, caller.ministry())
                .orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, "keyId", "feed-key.not-found"));
        if (stored.wrapped() == null) {
            throw new Refusal(HttpStatus.GONE, "keyId", "feed-key.destroyed");
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new FeedKeyView(stored.keyId().toString(), stored.ministry(), stored.personId().toString(),
                        "AES-256-GCM", Base64.getEncoder().encodeToString(keys.unwrap(stored))));
    }
}
