package org.sijil.api.registry;

import org.sijil.api.web.BadRequestException;
import org.sijil.api.web.ProblemException;
import org.springframework.http.HttpStatus;

/** Aggregate versions as strong ETags ({@code "7"}), and {@code If-Match} back to a version. */
final class ETags {

    private ETags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} header names, or null when the header is absent or {@code *}. */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            // If-Match compares strongly (RFC 9110 §13.1.1): a weak tag never matches
            throw new ProblemException(HttpStatus.PRECONDITION_FAILED, "If-Match", "if-match.weak", null, ifMatch);
        }
        tag = tag.replace("\"", "");
        try {
            long version = Long.parseLong(tag);
            if (version < 0) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw new BadRequestException("If-Match", "if-match.malformed", ifMatch);
        }
    }
}
