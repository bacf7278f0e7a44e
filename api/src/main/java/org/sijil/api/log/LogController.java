package org.sijil.api.log;

import org.sijil.query.log.LogProperties;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.sijil.api.security.Caller;
import org.sijil.api.security.Roles;
import org.sijil.api.web.BadRequestException;
import org.sijil.crypto.note.NoteSigner;
import org.sijil.query.log.IssuedCheckpoint;
import org.sijil.query.log.LeafPosition;
import org.sijil.query.log.LogProofs;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The transparency log over HTTP ({@code docs/transparency-log.md}, section 6). Every size is
 * checked against the latest checkpoint: a proof is only useful against a signed root, and a size
 * no checkpoint has reached is refused with 400 even if the sequencer has already passed it.
 * Checkpoint, verifier key and proofs are public; entries are for auditors; an event's position is
 * for any authenticated caller.
 */
@RestController
@RequestMapping("/api/v1/log")
class LogController {

    private static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8);
    /** A proof between two checkpointed sizes never changes. */
    private static final CacheControl IMMUTABLE = CacheControl.maxAge(365, TimeUnit.DAYS).cachePublic().immutable();

    private final LogProofs log;
    private final NoteSigner checkpointKey;
    private final int maxEntries;

    LogController(LogProofs log, NoteSigner checkpointNoteSigner, LogProperties properties) {
        this.log = log;
        this.checkpointKey = checkpointNoteSigner;
        this.maxEntries = properties.maxEntries();
    }

    record InclusionResponse(long index, long size, String leafHash, List<String> proof) {
    }

    record ConsistencyResponse(long from, long to, List<String> proof) {
    }

    record EntryResponse(long index, String leaf, String eventId) {
    }

    record PositionResponse(String eventId, long index, String leafHash) {
    }

    @GetMapping("/checkpoint")
    @Operation(summary = "The latest signed checkpoint (C2SP tlog-checkpoint in a C2SP signed note)")
    ResponseEntity<String> checkpoint() {
        IssuedCheckpoint latest = log.latestCheckpoint()
                .orElseThrow(() -> notFound("log.checkpoint.none", "No checkpoint has been issued yet."));
        return ResponseEntity.ok().contentType(TEXT).cacheControl(CacheControl.noCache()).body(latest.signedNote());
    }

    @GetMapping("/verifier-key")
    @Operation(summary = "The checkpoint key in signed-note verifier-key form (<name>+<hash>+<key>)")
    ResponseEntity<String> verifierKey() {
        return ResponseEntity.ok().contentType(TEXT).body(checkpointKey.verifierKey() + "\n");
    }

    @GetMapping("/proof/inclusion")
    @Operation(summary = "RFC 9162 inclusion proof of leaf index in the tree of size (a checkpointed size)")
    ResponseEntity<InclusionResponse> inclusion(@RequestParam long index, @RequestParam long size) {
        requireCheckpointed("size", size);
        if (index < 0 || index >= size) {
            throw new BadRequestException("index", "log.index.out-of-range", size);
        }
        LogProofs.Inclusion proof = log.inclusion(index, size);
        return ResponseEntity.ok().cacheControl(IMMUTABLE)
                .body(new InclusionResponse(index, size, base64(proof.leafHash()), base64(proof.proof())));
    }

    @GetMapping("/proof/consistency")
    @Operation(summary = "RFC 9162 consistency proof from the tree of size from to the tree of size to")
    ResponseEntity<ConsistencyResponse> consistency(@RequestParam long from, @RequestParam long to) {
        requireCheckpointed("to", to);
        if (from < 1 || from > to) {
            throw new BadRequestException("from", "log.from.out-of-range", to);
        }
        return ResponseEntity.ok().cacheControl(IMMUTABLE)
                .body(new ConsistencyResponse(from, to, base64(log.consistency(from, to))));
    }

    @GetMapping("/entries")
    @Operation(summary = "Leaves [start, start+count) of the checkpointed log, as signed-entry bytes (auditors only)")
    List<EntryResponse> entries(@RequestParam long start, @RequestParam long count, Authentication authentication) {
        if (!Caller.of(authentication).hasRole(Roles.AUDITOR)) {
            throw new AccessDeniedException("the log's entries are for auditors");
        }
        if (count < 1 || count > maxEntries) {
            throw new BadRequestException("count", "log.count.out-of-range", maxEntries);
        }
        long size = log.checkpointedSize();
        if (start < 0 || start > size) {
            throw new BadRequestException("start", "log.start.out-of-range", size);
        }
        return log.leaves(start, Math.min(size, start + count)).stream()
                .map(l -> new EntryResponse(l.index(), base64(l.leaf()), l.eventId()))
                .toList();
    }

    @GetMapping("/events/{eventId}")
    @Operation(summary = "Where an event sits in the log: its leaf index and leaf hash")
    PositionResponse event(@PathVariable String eventId, Authentication authentication) {
        Caller.of(authentication);
        LeafPosition position = log.position(eventId)
                .orElseThrow(() -> notFound("log.event.not-sequenced", "This event is not in the log (yet)."));
        return new PositionResponse(position.eventId(), position.index(), base64(position.leafHash()));
    }

    private void requireCheckpointed(String field, long size) {
        if (size < 1 || !log.isCheckpointed(size)) {
            throw new BadRequestException(field, "log.size.out-of-range", log.checkpointedSize());
        }
    }

    private static ErrorResponseException notFound(String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setType(URI.create("https://sijil.example/problems/" + code));
        problem.setProperty("code", code);
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static List<String> base64(List<byte[]> hashes) {
        return hashes.stream().map(LogController::base64).toList();
    }
}
