package org.sijil.query.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.sijil.core.api.DataCategory;

/**
 * The data categories each ministry's legal bases open at an instant: the union of the categories of
 * its bases in force on that day (in Baghdad, as {@code AccessPolicy} counts days) and not repealed
 * by then. A feed is cut by the categories in force when the event was registered, so a redelivered
 * event is cut the same way as long as the bases on file have not changed meanwhile.
 */
public final class Entitlements {

    /** Days of a legal basis are counted in the registry's zone. */
    public static final ZoneId REGISTRY_ZONE = ZoneId.of("Asia/Baghdad");

    private final List<FeedStore.Basis> bases;

    public Entitlements(Collection<FeedStore.Basis> bases) {
        this.bases = List.copyOf(bases);
    }

    public Set<DataCategory> covered(String ministry, Instant at) {
        LocalDate day = LocalDate.ofInstant(at, REGISTRY_ZONE);
        EnumSet<DataCategory> covered = EnumSet.noneOf(DataCategory.class);
        for (FeedStore.Basis b : bases) {
            if (b.ministry().equals(ministry) && inForce(b, day, at)) {
                covered.addAll(b.categories());
            }
        }
        return covered;
    }

    /**
     * The ids of the ministry's legal bases in force at {@code at} that open at least one of
     * {@code opened}, sorted: the bases a delivery of those categories rests on.
     */
    public List<String> bases(String ministry, Instant at, Set<DataCategory> opened) {
        LocalDate day = LocalDate.ofInstant(at, REGISTRY_ZONE);
        return bases.stream()
                .filter(b -> b.ministry().equals(ministry) && inForce(b, day, at))
                .filter(b -> b.categories().stream().anyMatch(opened::contains))
                .map(FeedStore.Basis::id).distinct().sorted().toList();
    }

    static boolean inForce(FeedStore.Basis b, LocalDate day, Instant at) {
        return (b.repealedAt() == null || at.isBefore(b.repealedAt()))
                && !day.isBefore(b.validFrom())
                && (b.validUntil() == null || !day.isAfter(b.validUntil()));
    }
}
