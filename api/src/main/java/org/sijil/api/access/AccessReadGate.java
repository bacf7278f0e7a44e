package org.sijil.api.access;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sijil.api.consent.ConsentDecisions;
import org.sijil.api.consent.Refusal;
import org.sijil.api.query.PersonReadGate;
import org.sijil.api.security.Caller;
import org.sijil.api.security.Roles;
import org.sijil.core.api.consent.ConsentRule;
import org.sijil.core.api.DataCategory;
import org.sijil.core.consent.AccessPolicy;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The {@link PersonReadGate} of the person view, search, as-of records and the ministries'
 * per-person views. Every admitted read is recorded as an access event, one per person returned,
 * all in one transaction, before anything is returned; if they cannot be stored the read fails
 * (503) and returns nothing.
 *
 * <ul>
 *   <li>A registrar reads on basis {@code OFFICIAL_DUTY}.</li>
 *   <li>A ministry reads its own per-person view only under a repeated consent of the person or a
 *       legal basis in force, for the declared purpose ({@code X-Purpose}), covering every data
 *       category the view holds; otherwise the denial is recorded and the read refused (403).
 *       One-time consents are honoured by the ministry read endpoint, which marks them used. A
 *       ministry naming no known person gets the same refusal, with nothing recorded.</li>
 *   <li>Administrators manage reference data and never read citizens' records: anyone else is
 *       refused (403) and, having read nothing, leaves no record.</li>
 * </ul>
 */
@Component
@Primary
class AccessReadGate implements PersonReadGate {

    /** What each ministry view holds of a person; views not named here are whole records. */
    private static final Map<String, List<DataCategory>> VIEW_CATEGORIES = Map.of(
            "interior-view", List.of(DataCategory.ID_CARD, DataCategory.RESIDENCE, DataCategory.CIVIL_STATUS));

    private final AccessRecorder recorder;
    private final ConsentDecisions consents;
    private final Clock clock;

    AccessReadGate(AccessRecorder recorder, ConsentDecisions consents, Clock clock) {
        this.recorder = recorder;
        this.consents = consents;
        this.clock = clock;
    }

    @Override
    public void admit(Caller caller, PersonRead read) {
        if (caller.hasRole(Roles.MINISTRY)) {
            admitMinistry(caller, read);
            return;
        }
        if (!caller.hasRole(Roles.REGISTRAR)) {
            throw new AccessDeniedException("only registrars read persons' records here");
        }
        if (read.personIds().isEmpty()) {
            return;
        }
        String purpose = AccessRecorder.purpose(read.purpose(), read.view());
        List<AccessRecorder.Entry> entries = read.personIds().stream().distinct()
                .map(id -> AccessRecorder.Entry.officialDuty(id, Roles.REGISTRAR, purpose, AccessRecorder.WHOLE_RECORD))
                .toList();
        recorder.recordAll(caller, entries);
    }

    /** A ministry is refused as when nothing covers the read; there is no person to record it for. */
    @Override
    public void admitUnknown(Caller caller, PersonRead read) {
        if (caller.hasRole(Roles.MINISTRY)) {
            AccessRecorder.purpose(read.purpose(), read.view());
            throw new Refusal(HttpStatus.FORBIDDEN, "X-Purpose", ConsentRule.DENIED_NO_BASIS.code());
        }
    }

    private void admitMinistry(Caller caller, PersonRead read) {
        List<DataCategory> needed = VIEW_CATEGORIES.getOrDefault(read.view(), AccessRecorder.WHOLE_RECORD);
        String purpose = AccessRecorder.purpose(read.purpose(), read.view());
        for (UUID personId : read.personIds().stream().distinct().toList()) {
            AccessPolicy.Decision decision = consents.decide(caller.ministry(), personId, purpose, clock.instant());
            if (!decision.granted() || decision.oneTimeConsent() || !decision.categories().containsAll(needed)) {
                String reason = decision.granted() ? ConsentRule.DENIED_NO_BASIS.code() : decision.reason();
                recorder.record(caller, AccessRecorder.Entry.denied(personId, Roles.MINISTRY, purpose, null, reason));
                throw new Refusal(HttpStatus.FORBIDDEN, "X-Purpose", reason);
            }
            recorder.record(caller, AccessRecorder.Entry.granted(personId, Roles.MINISTRY, purpose,
                    decision.basisKind(), decision.basisId().toString(), needed));
        }
    }
}
