package org.sijil.core.consent;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.sijil.core.consent.Checks.recordedAt;
import static org.sijil.core.consent.Checks.required;
import static org.sijil.core.consent.Checks.violation;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.sijil.core.api.AccessBasisKind;
import org.sijil.core.api.AccessOutcome;
import org.sijil.core.api.AccessRecordedEvent;
import org.sijil.core.api.ConsentRuleCodes;
import org.sijil.core.api.DataCategory;
import org.sijil.core.api.RecordAccessCommand;

/**
 * One read of a person's data, recorded before the data is returned: an aggregate of one event, so
 * that reads never contend for a stream. Rules: the person, reader, organisation, role and outcome
 * are required; a granted read names its basis (with the consent or legal basis id where the basis
 * has one); a denied read carries a reason and no categories.
 */
@AggregateRoot
public class Access {

    @AggregateIdentifier
    private UUID accessId;

    /** For event sourcing only. */
    public Access() {
    }

    @CommandHandler
    public Access(RecordAccessCommand command) {
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
            throw violation(ConsentRuleCodes.ACCESS_RECORD_INCONSISTENT, "outcome",
                    command.outcome() + " with basis " + command.basisKind() + " and reason " + command.reason());
        }
        apply(new AccessRecordedEvent(command.accessId(), command.personId(), command.subject(),
                command.organisation(), command.role(), command.purpose(), command.basisKind(), command.basisId(),
                List.copyOf(categories), command.outcome(), command.reason(), now));
    }

    @EventSourcingHandler
    void on(AccessRecordedEvent event) {
        accessId = event.accessId();
    }
}
