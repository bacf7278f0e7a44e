package org.sijil.core.consent;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.sijil.core.consent.Checks.categories;
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
import org.sijil.core.api.consent.ConsentGrantedEvent;
import org.sijil.core.api.consent.ConsentRevokedEvent;
import org.sijil.core.api.consent.ConsentRule;
import org.sijil.core.api.consent.ConsentUsedEvent;
import org.sijil.core.api.DataCategory;
import org.sijil.core.api.consent.GrantConsentCommand;
import org.sijil.core.api.consent.RecordConsentUseCommand;
import org.sijil.core.api.consent.RevokeConsentCommand;

/**
 * One citizen's consent to one ministry for one purpose: granted, possibly used (a one-time
 * consent once), and revoked at any time by the citizen who granted it.
 *
 * <p>Rules (codes in {@link ConsentRule}):
 * <ul>
 *   <li>a grant names the citizen, the ministry, a purpose code and text, at least one known data
 *       category, a validity period that ends after it starts and after the grant is recorded,
 *       how it was collected, a receipt id, the jurisdiction and the policy it was given under;</li>
 *   <li>only the citizen who granted a consent revokes it, and only once;</li>
 *   <li>a use names the consent's ministry and purpose, falls within the validity period, and
 *       comes before any revocation; a one-time consent is used at most once.</li>
 * </ul>
 * Whether the ministry exists is checked by the API, which holds the list of ministries.
 */
@AggregateRoot
public class Consent {

    @AggregateIdentifier
    private UUID consentId;
    private UUID personId;
    private String ministry;
    private String purposeCode;
    private Instant validFrom;
    private Instant validUntil;
    private boolean oneTime;
    private boolean used;
    private boolean revoked;

    /** For event sourcing only. */
    public Consent() {
    }

    @CommandHandler
    public Consent(GrantConsentCommand command) {
        Instant now = recordedAt(command.recordedAt());
        required(command.consentId(), "consentId");
        required(command.personId(), "personId");
        required(command.ministry(), "ministry");
        required(command.purposeCode(), "purposeCode");
        required(command.purposeText(), "purposeText");
        List<DataCategory> granted = categories(command.categories(), "categories");
        required(command.validFrom(), "validFrom");
        required(command.validUntil(), "validUntil");
        required(command.collectionMethod(), "collectionMethod");
        required(command.receiptId(), "receiptId");
        required(command.jurisdiction(), "jurisdiction");
        required(command.policyReference(), "policyReference");
        if (!command.validUntil().isAfter(command.validFrom())) {
            throw violation(ConsentRule.PERIOD_END_BEFORE_START, "validUntil",
                    "Validity ends " + command.validUntil() + ", not after its start " + command.validFrom());
        }
        if (!command.validUntil().isAfter(now)) {
            throw violation(ConsentRule.PERIOD_EXPIRED, "validUntil",
                    "Validity ended " + command.validUntil() + ", before the grant " + now);
        }
        apply(new ConsentGrantedEvent(command.consentId(), command.personId(), command.ministry().strip(),
                command.purposeCode().strip(), command.purposeText().strip(), granted, command.validFrom(),
                command.validUntil(), command.oneTime(), command.collectionMethod().strip(), command.receiptId(),
                command.jurisdiction().strip(), command.policyReference().strip(), now));
    }

    @CommandHandler
    void handle(RevokeConsentCommand command) {
        Instant now = recordedAt(command.recordedAt());
        required(command.personId(), "personId");
        required(command.collectionMethod(), "collectionMethod");
        if (!personId.equals(command.personId())) {
            throw violation(ConsentRule.CONSENT_NOT_YOURS, "consentId", "The consent is another person's");
        }
        if (revoked) {
            throw violation(ConsentRule.CONSENT_ALREADY_REVOKED, "consentId", "Already revoked");
        }
        apply(new ConsentRevokedEvent(consentId, personId, ministry, command.collectionMethod().strip(), now));
    }

    @CommandHandler
    void handle(RecordConsentUseCommand command) {
        Instant now = recordedAt(command.recordedAt());
        required(command.accessId(), "accessId");
        if (!ministry.equals(command.ministry()) || !purposeCode.equals(command.purposeCode())) {
            throw violation(ConsentRule.CONSENT_NOT_COVERING, "consentId",
                    "Granted to " + ministry + " for " + purposeCode);
        }
        if (revoked) {
            throw violation(ConsentRule.CONSENT_REVOKED, "consentId", "The consent was revoked");
        }
        if (!inForceAt(now)) {
            throw violation(ConsentRule.CONSENT_NOT_IN_FORCE, "consentId",
                    "Valid from " + validFrom + " until " + validUntil + ", used " + now);
        }
        if (oneTime && used) {
            throw violation(ConsentRule.CONSENT_ALREADY_USED, "consentId", "The one-time consent was used");
        }
        apply(new ConsentUsedEvent(consentId, personId, ministry, command.accessId(), now));
    }

    /** Whether the consent, as things stand, authorises a read at {@code at}. */
    public boolean authorises(Instant at) {
        return !revoked && !(oneTime && used) && inForceAt(at);
    }

    private boolean inForceAt(Instant at) {
        return !at.isBefore(validFrom) && at.isBefore(validUntil);
    }

    @EventSourcingHandler
    void on(ConsentGrantedEvent event) {
        consentId = event.consentId();
        personId = event.personId();
        ministry = event.ministry();
        purposeCode = event.purposeCode();
        validFrom = event.validFrom();
        validUntil = event.validUntil();
        oneTime = event.oneTime();
    }

    @EventSourcingHandler
    void on(ConsentRevokedEvent event) {
        revoked = true;
    }

    @EventSourcingHandler
    void on(ConsentUsedEvent event) {
        used = true;
    }
}
