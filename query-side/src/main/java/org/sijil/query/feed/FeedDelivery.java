package org.sijil.query.feed;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.sijil.core.api.DataCategory;

/**
 * One event delivered to one ministry's topic: a read of the person's data by that ministry, which
 * is recorded as an access before the message is sent.
 *
 * @param eventId        the delivered event
 * @param personId       whose data the message carries
 * @param ministry       the receiving ministry
 * @param topic          the ministry's topic
 * @param legalBasisIds  the ids of the legal bases in force that open the categories sent, sorted
 * @param categories     the categories the message carries
 */
public record FeedDelivery(String eventId, UUID personId, String ministry, String topic, List<String> legalBasisIds,
                           Set<DataCategory> categories) {

    public FeedDelivery {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(ministry, "ministry");
        Objects.requireNonNull(topic, "topic");
        legalBasisIds = List.copyOf(legalBasisIds);
        categories = categories.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(categories));
    }

    /**
     * The access id of this delivery: a name-based UUID of the event id and the ministry, so that a
     * batch sent again records nothing new for a delivery already recorded.
     */
    public UUID accessId() {
        return UUID.nameUUIDFromBytes(("sijil-feed-delivery\n" + eventId + "\n" + ministry)
                .getBytes(StandardCharsets.UTF_8));
    }
}
