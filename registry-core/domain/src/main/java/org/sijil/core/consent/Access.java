package org.sijil.core.consent;

import static org.sijil.core.consent.Checks.recordedAt;
import static org.sijil.core.consent.Checks.required;
import static org.sijil.core.consent.Checks.violation;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.sijil.core.api.access.AccessBasisKind;
import org.sijil.core.api.access.AccessOutcome;
import org.sijil.core.api.access.AccessRecordedEvent;
import org.sijil.core.api.consent.ConsentRule;
import org.sijil.core.api.DataCategory;
import org.sijil.core.api.access.RecordAccessCommand;

/**
 * One read of a person's data, recorded before the data is returned: a stream of one event of its
 * own ({@link #AGGREGATE_TYPE}, the access id, sequence number 0), so that reads never contend for
 * a stream. Nothing is ever decided on an access's earlier state, so no aggregate is loaded or kept:
 * the application stores the event that {@link #recorded} returns, signed like every other event,
 * in the statement that lists it in the access history.
 *
 * <p>Rules: the person, reader, organisation, role and outcome are required; a granted read names
 * its basis (with the consent or legal basis id where the basis has one); a denied read carries a
 * reason and no categories.
 */
public final class Access {

    /** The aggregate type stored with access events. */
    public static final String AGGREGATE_TYPE = "Access";

    private Access() {
    }

    /**
     * The event that records this read.
     *
     * @throws org.sijil.core.api.RegistryRuleViolation if a rule above is broken
     */
    public static AccessRecordedEvent recorded(RecordAccessCommand command) {
        Instant now = recordedAt(command.recordedAt());
        required(command.accessId(), "accessId");
        required(command.personId(), "personId");
        required(command.subject(), "subject");
        required(command.organisation(), "organisation");
        required(command.role(), "role");
        required(command.outcome(), "outcome");
        Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
        if (command.categories() != null) {
            categories.addAll(command.categories());
        }
        boolean granted = command.outcome() == AccessOutcome.GRANTED;
        boolean needsBasisId = command.basisKind() == AccessBasisKind.CONSENT
                || command.basisKind() == AccessBasisKind.LEGAL_BASIS;
        boolean consistent = granted
                ? command.basisKind() != null && command.reason() == null
                        && (!needsBasisId || command.basisId() != null)
                : command.reason() != null && !command.reason().isBlank() && categories.isEmpty();
        if (!consistent) {
            throw violation(ConsentRule.ACCESS_RECORD_INCONSISTENT, "outcome",
                    command.outcome() + " with basis " + command.basisKind() + " and reason " + command.reason());
        }
        return new AccessRecordedEvent(command.accessId(), command.personId(), command.subject(),
                command.organisation(), command.role(), command.purpose(), command.basisKind(), command.basisId(),
                List.copyOf(categories), command.outcome(), command.reason(), now);
    }
}
