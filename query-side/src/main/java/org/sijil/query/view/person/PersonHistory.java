package org.sijil.query.view.person;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sijil.core.api.person.BirthRegisteredEvent;
import org.sijil.core.api.person.CorrectionRecordedEvent;
import org.sijil.core.api.person.DeathRegisteredEvent;
import org.sijil.core.api.person.DivorceRegisteredEvent;
import org.sijil.core.api.person.IdCardIssuedEvent;
import org.sijil.core.api.person.IdCardRevokedEvent;
import org.sijil.core.api.person.MarriageRegisteredEvent;
import org.sijil.core.api.person.NameChangedEvent;
import org.sijil.core.api.person.PersonErasedEvent;
import org.sijil.core.api.person.PersonEvent;
import org.sijil.core.api.person.ResidenceChangedEvent;

/**
 * A person's record as it stood at a past instant, folded from their stream. Two clocks:
 * <ul>
 *   <li>{@link By#REGISTRATION}: what the register said then — events registered ({@code recordedAt})
 *       at or before the instant;</li>
 *   <li>{@link By#EVENT}: what was true then as we know it now — events whose own date (birth, death,
 *       marriage, divorce, effective date of a name change, residence since, card issue or revocation)
 *       falls on or before the instant's day in Baghdad. A correction takes the date of the event it
 *       corrects: the corrected value was the truth from then on. An erasure always applies.</li>
 * </ul>
 */
public final class PersonHistory {

    /** Dates in the register are Iraqi civil dates. */
    public static final ZoneId REGISTER_ZONE = ZoneId.of("Asia/Baghdad");

    /** Which clock {@code at} is read on. */
    public enum By { REGISTRATION, EVENT }

    /** One stored event of the person: its id, its sequence number and its payload. */
    public record Entry(String eventId, long sequence, PersonEvent event) {
    }

    private PersonHistory() {
    }

    /**
     * The record as of {@code at}, or {@code null} if the person was not yet registered (or born) then,
     * or has been erased.
     *
     * @param entries the person's whole stream in sequence order
     */
    public static PersonRecord asOf(List<Entry> entries, Instant at, By by) {
        LocalDate day = at.atZone(REGISTER_ZONE).toLocalDate();
        Map<String, LocalDate> eventDates = new HashMap<>();
        for (Entry e : entries) {
            eventDates.put(e.eventId(), ownDate(e.event()));
        }
        PersonRecord record = null;
        for (Entry e : entries) {
            PersonEvent event = e.event();
            if (event instanceof PersonErasedEvent) {
                return null;
            }
            boolean applies;
            if (by == By.REGISTRATION) {
                applies = !event.recordedAt().isAfter(at);
            } else {
                LocalDate date = event instanceof CorrectionRecordedEvent c
                        ? eventDates.getOrDefault(c.correctedEventId(), c.judgmentDate())
                        : eventDates.get(e.eventId());
                applies = date == null || !date.isAfter(day);
            }
            if (applies) {
                record = PersonFold.apply(record, event, e.sequence());
            }
        }
        return record;
    }

    /** The date an event took effect in life, or {@code null} if it has none of its own. */
    static LocalDate ownDate(PersonEvent event) {
        if (event instanceof BirthRegisteredEvent b) {
            return b.dateOfBirth();
        } else if (event instanceof DeathRegisteredEvent d) {
            return d.dateOfDeath();
        } else if (event instanceof MarriageRegisteredEvent m) {
            return m.marriageDate();
        } else if (event instanceof DivorceRegisteredEvent d) {
            return d.divorceDate();
        } else if (event instanceof NameChangedEvent n) {
            return n.effectiveDate();
        } else if (event instanceof ResidenceChangedEvent r) {
            return r.since();
        } else if (event instanceof IdCardIssuedEvent i) {
            return i.issuedOn();
        } else if (event instanceof IdCardRevokedEvent r) {
            return r.revokedOn();
        } else if (event instanceof CorrectionRecordedEvent c) {
            return c.judgmentDate();
        }
        return null;
    }
}
