package org.sijil.api.query;

import org.sijil.query.processing.QueryProperties;
import org.sijil.query.processing.ViewPositions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.sijil.api.security.Caller;
import org.sijil.api.security.Roles;
import org.sijil.api.web.BadRequestException;
import org.sijil.core.api.person.PersonErasedEvent;
import org.sijil.core.api.person.PersonEvent;
import org.sijil.query.view.person.PersonHistory;
import org.sijil.query.view.person.PersonRecord;
import org.sijil.query.view.person.PersonViewProjection;
import org.sijil.query.view.person.PersonViewQueries;
import org.sijil.query.view.person.PersonViewQueries.SearchHit;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The person view, search and as-of records, for registrars only (administrators never read
 * persons' records). Views are eventually consistent (normally within a second of a write); pass
 * the {@code position} of a write as {@code minPosition} to read it back. Every answer passes the
 * {@link PersonReadGate} first.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Person view and search")
public class PersonViewController {

    private final PersonViewQueries queries;
    private final ViewPositions positions;
    private final PersonReadGate gate;
    private final EventStore eventStore;
    private final QueryProperties properties;

    PersonViewController(PersonViewQueries queries, ViewPositions positions, PersonReadGate gate,
                         EventStore eventStore, QueryProperties properties) {
        this.queries = queries;
        this.positions = positions;
        this.gate = gate;
        this.eventStore = eventStore;
        this.properties = properties;
    }

    public record SearchResult(String query, List<SearchHit> hits) {
    }

    @GetMapping("/person-view/{personId}")
    @Operation(summary = "A person's record from the person view (registrars)")
    public PersonRecord person(@PathVariable UUID personId,
                        @Parameter(description = "wait until the view has processed this store position")
                        @RequestParam(required = false) Long minPosition,
                        @RequestHeader(name = "X-Purpose", required = false) String purpose,
                        Authentication auth) {
        Caller caller = registrar(auth);
        positions.await(PersonViewProjection.NAME, minPosition);
        PersonRecord record = queries.find(personId)
                .orElseThrow(() -> new QueryProblem(HttpStatus.NOT_FOUND, "person.not-found", "personId"));
        gate.admit(caller, new PersonReadGate.PersonRead(PersonViewProjection.NAME, List.of(personId), purpose));
        return record;
    }

    @GetMapping("/search")
    @Operation(summary = "Find persons by national number (exact) or by lineage name (registrars)",
            description = "Names in Arabic, Kurdish or Latin script; hamza and alef forms, taa marbuta, alef "
                    + "maqsura, tatweel and diacritics are ignored. Full lineage matches (given, father, "
                    + "grandfather, in order) come first.")
    public SearchResult search(@RequestParam(required = false) String nationalNumber,
                        @RequestParam(required = false) String name,
                        @RequestParam(required = false) Integer limit,
                        @RequestParam(required = false) Long minPosition,
                        @RequestHeader(name = "X-Purpose", required = false) String purpose,
                        Authentication auth) {
        Caller caller = registrar(auth);
        if ((nationalNumber == null) == (name == null)) {
            throw new BadRequestException(null, "search.one-criterion");
        }
        int max = limit == null ? properties.searchLimit() : limit;
        if (max < 1 || max > properties.maxSearchLimit()) {
            throw new BadRequestException("limit", "search.limit-out-of-range", properties.maxSearchLimit());
        }
        positions.await(PersonViewProjection.NAME, minPosition);
        List<SearchHit> hits;
        if (nationalNumber != null) {
            if (!nationalNumber.matches("[0-9]{12}")) {
                throw new BadRequestException("nationalNumber", "national-number.invalid");
            }
            hits = queries.findByNationalNumber(nationalNumber)
                    .map(r -> List.of(new SearchHit(r.personId(), r.nationalNumber(), r.name(), r.sex(),
                            r.dateOfBirth(), r.alive(), PersonViewQueries.Match.FULL_LINEAGE, 1.0)))
                    .orElse(List.of());
        } else {
            if (name.length() > 200) {
                throw new BadRequestException("name", "search.name-too-long", 200);
            }
            hits = queries.search(name, max);
        }
        gate.admit(caller, new PersonReadGate.PersonRead("search", hits.stream().map(SearchHit::personId).toList(),
                purpose));
        return new SearchResult(nationalNumber != null ? nationalNumber : name, hits);
    }

    @GetMapping("/persons/{personId}/as-of")
    @Operation(summary = "A person's record as it stood at a past instant, folded from the event store",
            description = "by=registration: what the register said at that instant; by=event: what was true "
                    + "then (events dated on or before that day in Baghdad), as known now.")
    PersonRecord asOf(@PathVariable UUID personId,
                      @Parameter(description = "an ISO-8601 instant, or a date meaning the end of that day in Baghdad")
                      @RequestParam String at,
                      @RequestParam(defaultValue = "registration") String by,
                      @RequestHeader(name = "X-Purpose", required = false) String purpose,
                      Authentication auth) {
        Caller caller = registrar(auth);
        Instant instant = instant(at);
        PersonHistory.By clock = switch (by.toLowerCase(Locale.ROOT)) {
            case "registration" -> PersonHistory.By.REGISTRATION;
            case "event" -> PersonHistory.By.EVENT;
            default -> throw new BadRequestException("by", "value.malformed");
        };
        List<PersonHistory.Entry> entries = eventStore.readEvents(personId.toString()).asStream()
                .filter(m -> m.getPayload() instanceof PersonEvent)
                .map(PersonViewController::entry)
                .toList();
        if (entries.isEmpty()) {
            throw new QueryProblem(HttpStatus.NOT_FOUND, "person.not-found", "personId");
        }
        if (entries.stream().anyMatch(e -> e.event() instanceof PersonErasedEvent)) {
            throw new QueryProblem(HttpStatus.GONE, "person.erased", "personId");
        }
        PersonRecord record = PersonHistory.asOf(entries, instant, clock);
        if (record == null) {
            throw new QueryProblem(HttpStatus.NOT_FOUND, "person.not-yet-registered", "at", at);
        }
        gate.admit(caller, new PersonReadGate.PersonRead("as-of", List.of(personId), purpose));
        return record;
    }

    private static PersonHistory.Entry entry(DomainEventMessage<?> message) {
        return new PersonHistory.Entry(message.getIdentifier(), message.getSequenceNumber(),
                (PersonEvent) message.getPayload());
    }

    private static Instant instant(String at) {
        try {
            if (at.length() == 10) {
                return LocalDate.parse(at).plusDays(1).atStartOfDay(PersonHistory.REGISTER_ZONE).toInstant()
                        .minusNanos(1);
            }
            return Instant.parse(at);
        } catch (DateTimeException e) {
            throw new BadRequestException("at", "value.malformed");
        }
    }

    /**
     * The caller, who must be a registrar. Anyone else is refused before any person is looked up, so
     * the answer never tells them whether a person exists, was erased or when they were registered.
     */
    private static Caller registrar(Authentication auth) {
        Caller caller = Caller.of(auth);
        if (!caller.hasRole(Roles.REGISTRAR)) {
            throw new AccessDeniedException("registrars only");
        }
        return caller;
    }
}
