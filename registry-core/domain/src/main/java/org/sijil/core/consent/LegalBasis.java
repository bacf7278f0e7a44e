package org.sijil.core.consent;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.sijil.core.consent.Checks.categories;
import static org.sijil.core.consent.Checks.codes;
import static org.sijil.core.consent.Checks.recordedAt;
import static org.sijil.core.consent.Checks.required;
import static org.sijil.core.consent.Checks.violation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.sijil.core.api.consent.ConsentRule;
import org.sijil.core.api.DataCategory;
import org.sijil.core.api.consent.LegalBasisRecordedEvent;
import org.sijil.core.api.consent.LegalBasisRepealedEvent;
import org.sijil.core.api.consent.RecordLegalBasisCommand;
import org.sijil.core.api.consent.RepealLegalBasisCommand;

/**
 * A law and article under which a ministry reads categories of data for named purposes without the
 * citizen's consent. Rules: law, article, ministry, at least one purpose and one known category are
 * required; the validity ends on or after the day it starts; a legal basis is repealed once.
 */
@AggregateRoot
public class LegalBasis {

    @AggregateIdentifier
    private UUID legalBasisId;
    private String ministry;
    private boolean repealed;

    /** For event sourcing only. */
    public LegalBasis() {
    }

    @CommandHandler
    public LegalBasis(RecordLegalBasisCommand command) {
        Instant now = recordedAt(command.recordedAt());
        required(command.legalBasisId(), "legalBasisId");
        required(command.law(), "law");
        required(command.article(), "article");
        required(command.ministry(), "ministry");
        List<String> purposes = codes(command.purposes(), "purposes", ConsentRule.LEGAL_BASIS_PURPOSES_REQUIRED);
        List<DataCategory> categories = categories(command.categories(), "categories");
        required(command.validFrom(), "validFrom");
        if (command.validUntil() != null && command.validUntil().isBefore(command.validFrom())) {
            throw violation(ConsentRule.PERIOD_END_BEFORE_START, "validUntil",
                    "Validity ends " + command.validUntil() + ", before it starts " + command.validFrom());
        }
        apply(new LegalBasisRecordedEvent(command.legalBasisId(), command.law().strip(), command.article().strip(),
                command.ministry().strip(), purposes, categories, command.validFrom(), command.validUntil(), now));
    }

    @CommandHandler
    void handle(RepealLegalBasisCommand command) {
        Instant now = recordedAt(command.recordedAt());
        required(command.repealedBy(), "repealedBy");
        if (repealed) {
            throw violation(ConsentRule.LEGAL_BASIS_ALREADY_REPEALED, "legalBasisId", "Already repealed");
        }
        apply(new LegalBasisRepealedEvent(legalBasisId, ministry, command.repealedBy().strip(), now));
    }

    @EventSourcingHandler
    void on(LegalBasisRecordedEvent event) {
        legalBasisId = event.legalBasisId();
        ministry = event.ministry();
    }

    @EventSourcingHandler
    void on(LegalBasisRepealedEvent event) {
        repealed = true;
    }
}
