package org.sijil.core.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sijil.core.api.access.AccessBasisKind;
import org.sijil.core.api.access.AccessOutcome;
import org.sijil.core.api.consent.ConsentRule;
import org.sijil.core.api.DataCategory;

/**
 * Decides whether a ministry may read a person's data for a declared purpose at an instant, given
 * the consents that person has granted and the legal bases on record.
 *
 * <p>The citizen's consent comes first: a consent to this ministry for this purpose that is in force,
 * not revoked and (if one-time) not yet used grants the categories it names. Among several, a
 * repeated consent is preferred to a one-time one (so a one-time consent is not used up needlessly),
 * then the one naming more categories, then the latest granted. Without a usable consent, a legal
 * basis of this ministry naming this purpose, in force on the day (in Baghdad) and not repealed,
 * grants its categories; among several, the one naming most categories. Otherwise the read is denied:
 * with the reason of the latest granted consent to this ministry for this purpose when there is one
 * (revoked, expired, not yet in force, used), else {@link ConsentRule#DENIED_NO_BASIS}.
 *
 * <p>Precondition: {@code consents} and {@code legalBases} reflect every event stored before the
 * decision; the caller reads them in the transaction that records the access, or accepts that a
 * consent revoked concurrently with the read may still authorise that one read.
 */
public final class AccessPolicy {

    /** A consent as the read model knows it. */
    public record ConsentOnFile(UUID consentId, String ministry, String purposeCode, Set<DataCategory> categories,
                                Instant validFrom, Instant validUntil, boolean oneTime, boolean used,
                                boolean revoked, Instant grantedAt) {
        public ConsentOnFile {
            categories = Set.copyOf(categories);
        }
    }

    /** A legal basis as the read model knows it; {@code validUntil} null means until repealed. */
    public record LegalBasisOnFile(UUID legalBasisId, String ministry, Set<String> purposes,
                                   Set<DataCategory> categories, LocalDate validFrom, LocalDate validUntil,
                                   boolean repealed) {
        public LegalBasisOnFile {
            purposes = Set.copyOf(purposes);
            categories = Set.copyOf(categories);
        }
    }

    /**
     * The outcome. Granted: the basis and its id, the categories it covers (declaration order) and
     * whether it is a one-time consent, which the read must use up. Denied: the reason code.
     */
    public record Decision(AccessOutcome outcome, AccessBasisKind basisKind, UUID basisId,
                           List<DataCategory> categories, boolean oneTimeConsent, String reason) {

        public Decision {
            categories = List.copyOf(categories);
        }

        static Decision granted(AccessBasisKind kind, UUID basisId, Set<DataCategory> categories, boolean oneTime) {
            EnumSet<DataCategory> ordered = EnumSet.noneOf(DataCategory.class);
            ordered.addAll(categories);
            return new Decision(AccessOutcome.GRANTED, kind, basisId, List.copyOf(ordered), oneTime, null);
        }

        static Decision denied(String reason) {
            return new Decision(AccessOutcome.DENIED, null, null, List.of(), false, reason);
        }

        public boolean granted() {
            return outcome == AccessOutcome.GRANTED;
        }
    }

    public Decision decide(String ministry, String purpose, Instant at, Collection<ConsentOnFile> consents,
                           Collection<LegalBasisOnFile> legalBases) {
        Objects.requireNonNull(ministry, "ministry");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(at, "at");
        List<ConsentOnFile> relevant = consents.stream()
                .filter(c -> c.ministry().equals(ministry) && c.purposeCode().equals(purpose))
                .toList();
        Optional<ConsentOnFile> consent = relevant.stream()
                .filter(c -> usable(c, at))
                .max(Comparator.<ConsentOnFile, Boolean>comparing(c -> !c.oneTime())
                        .thenComparing(c -> c.categories().size())
                        .thenComparing(ConsentOnFile::grantedAt));
        if (consent.isPresent()) {
            ConsentOnFile c = consent.get();
            return Decision.granted(AccessBasisKind.CONSENT, c.consentId(), c.categories(), c.oneTime());
        }
        LocalDate day = LocalDate.ofInstant(at, Checks.REGISTRY_ZONE);
        Optional<LegalBasisOnFile> basis = legalBases.stream()
                .filter(b -> b.ministry().equals(ministry) && b.purposes().contains(purpose) && inForce(b, day))
                .max(Comparator.comparing(b -> b.categories().size()));
        if (basis.isPresent()) {
            LegalBasisOnFile b = basis.get();
            return Decision.granted(AccessBasisKind.LEGAL_BASIS, b.legalBasisId(), b.categories(), false);
        }
        return Decision.denied(relevant.stream()
                .max(Comparator.comparing(ConsentOnFile::grantedAt))
                .map(latest -> why(latest, at))
                .orElse(ConsentRule.DENIED_NO_BASIS).code());
    }

    private static boolean usable(ConsentOnFile c, Instant at) {
        return !c.revoked() && !(c.oneTime() && c.used()) && !at.isBefore(c.validFrom()) && at.isBefore(c.validUntil());
    }

    private static boolean inForce(LegalBasisOnFile b, LocalDate day) {
        return !b.repealed() && !day.isBefore(b.validFrom()) && (b.validUntil() == null || !day.isAfter(b.validUntil()));
    }

    private static ConsentRule why(ConsentOnFile c, Instant at) {
        if (c.revoked()) {
            return ConsentRule.DENIED_CONSENT_REVOKED;
        }
        if (at.isBefore(c.validFrom())) {
            return ConsentRule.DENIED_CONSENT_NOT_YET_VALID;
        }
        if (!at.isBefore(c.validUntil())) {
            return ConsentRule.DENIED_CONSENT_EXPIRED;
        }
        return ConsentRule.DENIED_CONSENT_USED;
    }
}
