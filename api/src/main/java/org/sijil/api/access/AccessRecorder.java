package org.sijil.api.access;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.sijil.store.AccessEventWriter;
import org.sijil.store.EventLedger;
import org.sijil.api.security.Caller;
import org.sijil.api.security.Roles;
import org.sijil.api.web.BadRequestException;
import org.sijil.core.api.access.AccessBasisKind;
import org.sijil.core.api.access.AccessOutcome;
import org.sijil.core.api.DataCategory;
import org.sijil.core.api.access.RecordAccessCommand;
import org.sijil.core.consent.Access;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records reads of persons' data as access events, and waits until each is stored. Call it
 * <em>before</em> returning data: when it throws, the read must fail and return nothing (fail
 * closed). Any failure to store — the database refusing, a lost connection, a rule broken — comes
 * out as {@link AccessNotRecordedException}.
 *
 * <p>Who read is the caller: their token subject, and as organisation their ministry, else their
 * office, else {@code citizen} for citizens, else their role in lower case. Search results count as
 * reads of every person returned: {@link #recordAll} records them together, all or none.
 * Deliveries to ministries' feed topics are reads too: {@link #recordOnce} records them, before they
 * are sent, under access ids derived from what was delivered to whom, so a retry records none twice.
 */
@Component
public class AccessRecorder {

    /**
     * One read to record.
     *
     * @param role       the role the caller read in (one of {@link Roles})
     * @param purpose    the declared purpose code, or null where the role declares none
     * @param basisId    the consent or legal basis id, null for other bases
     * @param categories the categories returned; empty when denied
     * @param reason     the denial's reason code; null when granted
     */
    public record Entry(UUID personId, String role, String purpose, AccessBasisKind basisKind, String basisId,
                       Collection<DataCategory> categories, AccessOutcome outcome, String reason) {

        public Entry {
            Objects.requireNonNull(personId, "personId");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(outcome, "outcome");
            categories = List.copyOf(categories);
        }

        public static Entry granted(UUID personId, String role, String purpose, AccessBasisKind basisKind,
                                    String basisId, Collection<DataCategory> categories) {
            return new Entry(personId, role, purpose, basisKind, basisId, categories, AccessOutcome.GRANTED, null);
        }

        /** @param sought the basis the read would have needed, or null */
        public static Entry denied(UUID personId, String role, String purpose, AccessBasisKind sought, String reason) {
            return new Entry(personId, role, purpose, sought, null, List.of(), AccessOutcome.DENIED, reason);
        }

        /** A citizen reading their own record. */
        public static Entry ownRecord(UUID personId, Collection<DataCategory> categories) {
            return granted(personId, Roles.CITIZEN, null, AccessBasisKind.OWN_RECORD, null, categories);
        }

        /** A registrar, auditor or administrator reading in the course of their duty. */
        public static Entry officialDuty(UUID personId, String role, String purpose,
                                         Collection<DataCategory> categories) {
            return granted(personId, role, purpose, AccessBasisKind.OFFICIAL_DUTY, null, categories);
        }
    }

    /** A read to record under an access id its caller derived, so that it is never recorded twice. */
    public record Identified(Caller caller, UUID accessId, Entry entry) {
        public Identified {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(accessId, "accessId");
            Objects.requireNonNull(entry, "entry");
        }
    }

    /** Every category: what a registrar's view and a citizen's own record hold. */
    public static final List<DataCategory> WHOLE_RECORD = List.of(DataCategory.values());

    /** A declared purpose: a code or a short reference, printable, at most 120 characters. */
    private static final Pattern PURPOSE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._:/#-]{0,119}");

    private final AccessEventWriter events;
    private final TransactionTemplate transaction;
    private final EventLedger ledger;
    private final Clock clock;

    AccessRecorder(AccessEventWriter events, PlatformTransactionManager transactions, EventLedger ledger, Clock clock) {
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * Records one read under a new access id and returns that id once the record is stored.
     *
     * @throws AccessNotRecordedException if it is not stored; return no data then
     */
    public UUID record(Caller caller, Entry entry) {
        UUID accessId = UUID.randomUUID();
        record(caller, accessId, entry);
        return accessId;
    }

    /**
     * Records one read under {@code accessId}. Called inside a transaction, the record is stored
     * when that transaction commits, together with whatever else it writes.
     *
     * @throws AccessNotRecordedException if it is not stored; return no data then
     */
    public void record(Caller caller, UUID accessId, Entry entry) {
        Objects.requireNonNull(accessId, "accessId");
        store(List.of(written(caller, accessId, entry)));
    }

    /**
     * Records several reads, all or none, and returns their access ids in order.
     *
     * @throws AccessNotRecordedException if they are not stored; return no data then
     */
    public List<UUID> recordAll(Caller caller, List<Entry> entries) {
        List<UUID> ids = new ArrayList<>(entries.size());
        List<AccessEventWriter.Written> written = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            UUID accessId = UUID.randomUUID();
            ids.add(accessId);
            written.add(written(caller, accessId, entry));
        }
        store(written);
        return ids;
    }

    /**
     * Records reads under access ids their callers derived (from what was read and by whom), in one
     * transaction of their own, all or none, and returns once it has committed. An access id already
     * stored counts as recorded and is not recorded again, so retrying after a failure — even one
     * that came after this commit — never records a read twice.
     *
     * <p>Precondition: the calling thread has no transaction and no unit of work open (the records
     * must commit on their own, not with the caller's work).
     *
     * @throws IllegalStateException      if the thread has a transaction or unit of work open
     * @throws AccessNotRecordedException if they are not stored; return or send no data then
     */
    public void recordOnce(List<Identified> reads) {
        if (TransactionSynchronizationManager.isActualTransactionActive() || CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException("access records to commit on their own, sent from inside a transaction");
        }
        if (reads.isEmpty()) {
            return;
        }
        try {
            transaction.executeWithoutResult(status -> {
                Set<UUID> stored = stored(reads.stream().map(Identified::accessId).toList());
                Set<UUID> sent = new HashSet<>();
                List<AccessEventWriter.Written> written = new ArrayList<>();
                for (Identified read : reads) {
                    if (!stored.contains(read.accessId()) && sent.add(read.accessId())) {
                        written.add(written(read.caller(), read.accessId(), read.entry()));
                    }
                }
                store(written);
            });
        } catch (AccessNotRecordedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new AccessNotRecordedException(e);
        }
    }

    /**
     * The access event of one read, by the rules of {@link Access}.
     *
     * @throws AccessNotRecordedException if the entry breaks one
     */
    private AccessEventWriter.Written written(Caller caller, UUID accessId, Entry entry) {
        Objects.requireNonNull(caller, "caller");
        RecordAccessCommand command = new RecordAccessCommand(accessId, entry.personId(), caller.subject(),
                organisation(caller), entry.role(), entry.purpose(), entry.basisKind(), entry.basisId(),
                List.copyOf(entry.categories()), entry.outcome(), entry.reason(), clock.instant());
        try {
            return new AccessEventWriter.Written(Access.recorded(command), caller.subject(), entry.role());
        } catch (RuntimeException e) {
            throw new AccessNotRecordedException(e);
        }
    }

    private void store(List<AccessEventWriter.Written> written) {
        try {
            events.store(written);
        } catch (RuntimeException e) {
            throw new AccessNotRecordedException(e);
        }
    }

    /** Which of these access ids are already stored (each access is a stream of its own, under its id). */
    private Set<UUID> stored(List<UUID> accessIds) {
        Set<UUID> stored = new HashSet<>();
        ledger.withEvents(accessIds.stream().map(UUID::toString).toList())
                .forEach(id -> stored.add(UUID.fromString(id)));
        return stored;
    }

    /**
     * The purpose to record for a read by an official: the one declared (the {@code X-Purpose}
     * header), else {@code otherwise}, which names how the record was read.
     *
     * @throws BadRequestException if the declared purpose is malformed (400, nothing read)
     */
    public static String purpose(String declared, String otherwise) {
        String stripped = declared == null ? "" : declared.strip();
        if (stripped.isEmpty()) {
            return otherwise;
        }
        if (!PURPOSE.matcher(stripped).matches()) {
            throw new BadRequestException("X-Purpose", "value.malformed");
        }
        return stripped;
    }

    /** The organisation a caller reads for. */
    public static String organisation(Caller caller) {
        if (caller.ministry() != null) {
            return caller.ministry();
        }
        if (caller.office() != null) {
            return caller.office();
        }
        if (caller.hasRole(Roles.CITIZEN)) {
            return "citizen";
        }
        return caller.roles().stream().sorted().findFirst().map(r -> r.toLowerCase(java.util.Locale.ROOT))
                .orElse("unknown");
    }
}
