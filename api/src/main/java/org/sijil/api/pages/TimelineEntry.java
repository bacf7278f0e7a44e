package org.sijil.api.pages;

import org.sijil.api.registry.EventHistoryController.SignedEvent;

/**
 * One life event on the person page, with what the browser needs to check its signature itself: the
 * signed entry's bytes, the signature and the id of the key that made it (published at
 * {@code /api/v1/keys}).
 */
public record TimelineEntry(String eventId, String kind, String recordedAt, String office, String keyId,
                            String signature, String signedEntry) {

    static TimelineEntry of(SignedEvent event) {
        String type = event.payloadType();
        String office = event.metadata() == null ? "" : event.metadata().path("office").asText("");
        return new TimelineEntry(event.eventId(), type.substring(type.lastIndexOf('.') + 1), event.timestamp(),
                office, event.keyId(), event.signature(), event.signedEntry());
    }
}
