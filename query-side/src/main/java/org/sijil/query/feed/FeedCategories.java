package org.sijil.query.feed;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.sijil.core.api.person.BirthRegisteredEvent;
import org.sijil.core.api.person.CorrectionRecordedEvent;
import org.sijil.core.api.DataCategory;
import org.sijil.core.api.person.DeathRegisteredEvent;
import org.sijil.core.api.person.DivorceRegisteredEvent;
import org.sijil.core.api.person.IdCardIssuedEvent;
import org.sijil.core.api.person.IdCardRevokedEvent;
import org.sijil.core.api.person.MarriageRegisteredEvent;
import org.sijil.core.api.person.NameChangedEvent;
import org.sijil.core.api.person.PersonErasedEvent;
import org.sijil.core.api.person.PersonEvent;
import org.sijil.core.api.person.ResidenceChangedEvent;

import static org.sijil.core.api.DataCategory.CIVIL_STATUS;
import static org.sijil.core.api.DataCategory.FAMILY;
import static org.sijil.core.api.DataCategory.ID_CARD;
import static org.sijil.core.api.DataCategory.IDENTITY;
import static org.sijil.core.api.DataCategory.RESIDENCE;

/**
 * Which {@link DataCategory} each person event and each of its fields belongs to — the table a
 * ministry feed is cut by. A ministry receives an event type when its legal bases cover at least one
 * of the type's categories, and of that event only the fields of covered categories plus the
 * envelope ({@link #ENVELOPE}: person id, registration office, registration time). A field missing
 * from this table is never sent (a unit test keeps the table complete).
 */
public final class FeedCategories {

    /** Fields every delivered event carries, whatever the ministry covers. */
    public static final Set<String> ENVELOPE = Set.of("personId", "registrationOffice", "recordedAt");

    /**
     * An event type's categories, the category of each of its category-bound fields, and its
     * event-wide fields (sent wherever the event is sent, like the envelope).
     */
    public record Rule(Set<DataCategory> eventCategories, Map<String, DataCategory> fields, Set<String> eventWide) {
        public Rule {
            eventCategories = Set.copyOf(eventCategories);
            fields = Map.copyOf(fields);
            eventWide = Set.copyOf(eventWide);
        }

        /** Whether a ministry covering {@code covered} receives this event type at all. */
        public boolean delivered(Set<DataCategory> covered) {
            // a loop, not a stream: asked for every event and ministry
            for (DataCategory c : eventCategories) {
                if (covered.contains(c)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether a delivered event carries {@code field} to a ministry covering {@code covered}. */
        public boolean carries(String field, Set<DataCategory> covered) {
            if (ENVELOPE.contains(field) || eventWide.contains(field)) {
                return true;
            }
            DataCategory category = fields.get(field);
            return category != null && covered.contains(category);
        }
    }

    private static final Map<Class<? extends PersonEvent>, Rule> RULES = new LinkedHashMap<>();

    static {
        rule(BirthRegisteredEvent.class, EnumSet.of(IDENTITY, CIVIL_STATUS, FAMILY), Set.of(),
                "nationalNumber", IDENTITY, "name", IDENTITY, "sex", IDENTITY, "dateOfBirth", IDENTITY,
                "placeOfBirth", IDENTITY, "motherId", FAMILY, "fatherId", FAMILY);
        rule(DeathRegisteredEvent.class, EnumSet.of(CIVIL_STATUS), Set.of(),
                "dateOfDeath", CIVIL_STATUS, "placeOfDeath", CIVIL_STATUS, "causeOfDeath", CIVIL_STATUS);
        rule(MarriageRegisteredEvent.class, EnumSet.of(CIVIL_STATUS, FAMILY), Set.of(),
                "marriageId", CIVIL_STATUS, "marriageDate", CIVIL_STATUS, "place", CIVIL_STATUS,
                "courtAuthorisation", CIVIL_STATUS, "spouseId", FAMILY, "role", FAMILY);
        rule(DivorceRegisteredEvent.class, EnumSet.of(CIVIL_STATUS, FAMILY), Set.of(),
                "marriageId", CIVIL_STATUS, "divorceDate", CIVIL_STATUS, "courtReference", CIVIL_STATUS);
        rule(NameChangedEvent.class, EnumSet.of(IDENTITY), Set.of(),
                "newName", IDENTITY, "effectiveDate", IDENTITY, "legalReference", IDENTITY);
        rule(ResidenceChangedEvent.class, EnumSet.of(RESIDENCE), Set.of(),
                "residence", RESIDENCE, "since", RESIDENCE);
        rule(IdCardIssuedEvent.class, EnumSet.of(ID_CARD), Set.of(),
                "cardNumber", ID_CARD, "issuedOn", ID_CARD, "expiresOn", ID_CARD);
        rule(IdCardRevokedEvent.class, EnumSet.of(ID_CARD), Set.of(),
                "cardNumber", ID_CARD, "revokedOn", ID_CARD, "reason", ID_CARD);
        rule(CorrectionRecordedEvent.class, EnumSet.of(IDENTITY, CIVIL_STATUS),
                Set.of("correctedEventId", "court", "judgmentReference", "judgmentDate", "reason"),
                "name", IDENTITY, "sex", IDENTITY, "dateOfBirth", IDENTITY, "placeOfBirth", IDENTITY,
                "dateOfDeath", CIVIL_STATUS);
        // an erasure reaches every ministry that may hold the person's data, so it can erase its copy
        rule(PersonErasedEvent.class, EnumSet.allOf(DataCategory.class), Set.of("legalReference"));
    }

    private FeedCategories() {
    }

    private static void rule(Class<? extends PersonEvent> type, Set<DataCategory> categories, Set<String> eventWide,
                             Object... fields) {
        Map<String, DataCategory> map = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            map.put((String) fields[i], (DataCategory) fields[i + 1]);
        }
        RULES.put(type, new Rule(categories, map, eventWide));
    }

    /** The rule of a person event type, or null for types that never go to ministries. */
    public static Rule rule(Class<?> type) {
        return RULES.get(type);
    }

    /** Every person event type with a rule. */
    public static Set<Class<? extends PersonEvent>> types() {
        return RULES.keySet();
    }
}
