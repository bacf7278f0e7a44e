package org.sijil.api.pages;

import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.sijil.crypto.note.NoteSigner;
import org.sijil.query.log.IssuedCheckpoint;
import org.sijil.query.log.LeafPosition;
import org.sijil.query.log.LogProofs;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The auditor's page: the latest signed checkpoint and the verifier key, and an event looked up by id
 * with its inclusion proof, which the browser checks itself against the checkpoint
 * ({@code /js/verify.js}), as on the citizen's access history.
 */
@Controller
class AuditorPages {

    private final LogProofs log;
    private final NoteSigner checkpointKey;

    AuditorPages(LogProofs log, NoteSigner checkpointNoteSigner) {
        this.log = log;
        this.checkpointKey = checkpointNoteSigner;
    }

    /** An event's place in the log and its proof against the checkpoint shown; proof null while pending. */
    public record LoggedEvent(String eventId, long leafIndex, String leafHash, Long treeSize, List<String> proof) {
    }

    @GetMapping("/auditor")
    String auditor(@RequestParam(name = "event", required = false) String eventId, Model model) {
        Optional<IssuedCheckpoint> checkpoint = log.latestCheckpoint();
        model.addAttribute("checkpoint", checkpoint.map(IssuedCheckpoint::signedNote).orElse(""));
        model.addAttribute("verifierKey", checkpointKey.verifierKey());
        model.addAttribute("event", eventId == null ? "" : eventId.strip());
        if (eventId != null && !eventId.isBlank()) {
            Optional<LeafPosition> position = eventId.length() > 64 ? Optional.empty() : log.position(eventId.strip());
            model.addAttribute("found", position.isPresent());
            position.ifPresent(p -> model.addAttribute("logged", logged(p, checkpoint)));
        }
        return "auditor";
    }

    private LoggedEvent logged(LeafPosition position, Optional<IssuedCheckpoint> checkpoint) {
        Base64.Encoder base64 = Base64.getEncoder();
        if (checkpoint.isEmpty() || position.index() >= checkpoint.get().size()) {
            return new LoggedEvent(position.eventId(), position.index(), base64.encodeToString(position.leafHash()),
                    null, null);
        }
        long size = checkpoint.get().size();
        LogProofs.Inclusion inclusion = log.inclusion(position.index(), size);
        return new LoggedEvent(position.eventId(), position.index(), base64.encodeToString(inclusion.leafHash()),
                size, inclusion.proof().stream().map(base64::encodeToString).toList());
    }
}
