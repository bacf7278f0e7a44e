package org.sijil.api.consent;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.sijil.core.consent.AccessPolicy;
import org.sijil.query.consent.ConsentIndex;
import org.springframework.stereotype.Component;

/** Whether a ministry may read a person's data for a purpose: the policy applied to what is on file. */
@Component
public class ConsentDecisions {

    private final ConsentIndex index;
    private final AccessPolicy policy;

    ConsentDecisions(ConsentIndex index, AccessPolicy policy) {
        this.index = index;
        this.policy = policy;
    }

    /** By the person's consents and the ministry's legal bases in force at {@code at} (see {@link AccessPolicy}). */
    public AccessPolicy.Decision decide(String ministry, UUID personId, String purpose, Instant at) {
        ConsentIndex.OnFile onFile = index.onFile(ministry, personId, purpose, at);
        List<AccessPolicy.ConsentOnFile> consents = onFile.consents().stream()
                .map(c -> new AccessPolicy.ConsentOnFile(c.consentId(), c.ministry(), c.purposeCode(),
                        Set.copyOf(c.categories()), c.validFrom(), c.validUntil(), c.oneTime(),
                        c.usedAt() != null, c.revokedAt() != null, c.grantedAt()))
                .toList();
        List<AccessPolicy.LegalBasisOnFile> bases = onFile.legalBases().stream()
                .map(b -> new AccessPolicy.LegalBasisOnFile(b.legalBasisId(), b.ministry(),
                        new LinkedHashSet<>(b.purposes()), Set.copyOf(b.categories()), b.validFrom(),
                        b.validUntil(), b.repealedAt() != null))
                .toList();
        return policy.decide(ministry, purpose, at, consents, bases);
    }
}
