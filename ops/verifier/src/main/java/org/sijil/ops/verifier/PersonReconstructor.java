package org.sijil.ops.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.sijil.crypto.envelope.DecryptionException;
import org.sijil.crypto.envelope.FieldCipher;

/**
 * Folds one person's events into their record as it stood at a moment, from the stored JSON
 * alone. The event shapes are those of the contract ({@code org.sijil.core.api}); they are read
 * here by field name, on purpose without the application's classes.
 *
 * <p>Personal fields are stored sealed as {@code {"enc": base64}}: AES-256-GCM under the person's
 * data key with {@code "<personId>/<field>"} as associated data. Given the data key they are
 * opened; without it they print as {@value #SEALED}, and once the key is destroyed (erasure) as
 * {@value #ERASED}.
 */
final class PersonReconstructor {

    static final String SEALED = "<sealed>";
    static final String ERASED = "<erased>";

    /** Which clock decides whether an event had happened by the moment asked about. */
    enum Clock {
        /** When the event was registered: the stored row's timestamp. */
        REGISTRATION,
        /** The event's own date (date of birth, of marriage, effective date, ...). */
        EVENT_TIME
    }

    private final ObjectMapper json;
    private final UUID personId;
    private final byte[] dataKey;
    private final boolean keyDestroyed;

    /**
     * @param dataKey      the person's data key, or null if not available
     * @param keyDestroyed whether the key row exists but was destroyed (the person was erased)
     */
    PersonReconstructor(ObjectMapper json, UUID personId, byte[] dataKey, boolean keyDestroyed) {
        this.json = json;
        this.personId = personId;
        this.dataKey = dataKey == null ? null : dataKey.clone();
        this.keyDestroyed = keyDestroyed;
    }

    /** An event read for folding. */
    record Event(String type, String eventId, long sequence, Instant registeredAt, JsonNode payload) {
    }

    /**
     * Prints the record as of {@code asOf}.
     *
     * @param events the person's events by sequence number, their signatures already verified
     * @return the printed lines
     */
    List<String> reconstruct(List<Event> events, Instant asOf, Clock clock) throws IOException {
        List<Event> folded = new ArrayList<>();
        List<String> undated = new ArrayList<>();
        for (Event event : events) {
            Optional<Instant> when = clock == Clock.REGISTRATION ? Optional.of(event.registeredAt()) : eventTime(event);
            if (when.isEmpty()) {
                undated.add(simpleName(event.type()));
                folded.add(event); // a sealed event date cannot be compared; the event is kept
            } else if (!when.get().isAfter(asOf)) {
                folded.add(event);
            }
        }
        if (clock == Clock.EVENT_TIME) {
            folded.sort(Comparator.comparing((Event e) -> eventTime(e).orElse(Instant.MIN))
                    .thenComparingLong(Event::sequence));
        }
        Record record = new Record();
        for (Event event : folded) {
            record.apply(event);
        }
        List<String> out = new ArrayList<>();
        out.add("person " + personId + " as of " + asOf + " by "
                + (clock == Clock.REGISTRATION ? "registration time" : "event time"));
        out.add(line("events folded", folded.size() + " of " + events.size()));
        if (!undated.isEmpty()) {
            out.add(line("note", "sealed event dates, folded regardless: " + String.join(", ", undated)));
        }
        if (folded.isEmpty()) {
            out.add(line("record", "none yet"));
            return out;
        }
        record.print(out);
        return out;
    }

    /** The event's own moment, if its date field is readable. */
    private Optional<Instant> eventTime(Event event) {
        String field = switch (simpleName(event.type())) {
            case "BirthRegisteredEvent" -> "dateOfBirth";
            case "DeathRegisteredEvent" -> "dateOfDeath";
            case "MarriageRegisteredEvent" -> "marriageDate";
            case "DivorceRegisteredEvent" -> "divorceDate";
            case "NameChangedEvent" -> "effectiveDate";
            case "ResidenceChangedEvent" -> "since";
            case "IdCardIssuedEvent" -> "issuedOn";
            case "IdCardRevokedEvent" -> "revokedOn";
            case "CorrectionRecordedEvent" -> "judgmentDate";
            default -> "recordedAt";
        };
        JsonNode value;
        try {
            value = open(event.payload(), field);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (value == null || value.isNull() || isMarker(value)) {
            return field.equals("recordedAt") ? Optional.of(event.registeredAt()) : Optional.empty();
        }
        try {
            String text = value.asText();
            return Optional.of(text.contains("T") ? Instant.parse(text)
                    : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The field's value, opened if sealed and the key is at hand, else a marker text node. */
    private JsonNode open(JsonNode payload, String field) throws IOException {
        JsonNode value = payload.get(field);
        if (value == null || !value.isObject() || !value.has("enc")) {
            return value;
        }
        if (dataKey == null) {
            return TextNode.valueOf(keyDestroyed ? ERASED : SEALED);
        }
        try {
            byte[] plain = FieldCipher.decrypt(dataKey, Base64.getDecoder().decode(value.get("enc").asText()),
                    (personId + "/" + field).getBytes(StandardCharsets.UTF_8));
            return json.readTree(plain);
        } catch (DecryptionException | IllegalArgumentException e) {
            throw new IOException("personal field " + field + " of " + personId
                    + " does not open under the person's data key: " + e.getMessage(), e);
        }
    }

    private static boolean isMarker(JsonNode value) {
        return value.isTextual() && (value.asText().equals(SEALED) || value.asText().equals(ERASED));
    }

    static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    /** The record being folded. */
    private final class Record {
        private final Map<String, String> fields = new LinkedHashMap<>();
        private final Map<String, String> marriages = new LinkedHashMap<>();
        private final List<String> cards = new ArrayList<>();
        private final List<String> residences = new ArrayList<>();
        private final List<String> corrections = new ArrayList<>();
        private final List<String> other = new ArrayList<>();

        void apply(Event event) throws IOException {
            JsonNode p = event.payload();
            switch (simpleName(event.type())) {
                case "BirthRegisteredEvent" -> {
                    fields.put("national number", text(open(p, "nationalNumber")));
                    putName(open(p, "name"));
                    fields.put("sex", text(p.get("sex")));
                    fields.put("date of birth", text(open(p, "dateOfBirth")));
                    fields.put("place of birth", place(open(p, "placeOfBirth")));
                    fields.put("mother", text(open(p, "motherId")));
                    fields.put("father", text(open(p, "fatherId")));
                    fields.put("registered", "birth, office " + text(p.get("registrationOffice")) + ", "
                            + event.registeredAt());
                }
                case "NameChangedEvent" -> {
                    putName(open(p, "newName"));
                    fields.put("name changed", text(p.get("effectiveDate")) + " (" + text(p.get("legalReference")) + ")");
                }
                case "ResidenceChangedEvent" -> residences.add(place(open(p, "residence")) + " since "
                        + text(p.get("since")));
                case "MarriageRegisteredEvent" -> marriages.put(text(p.get("marriageId")), text(p.get("role"))
                        + " of " + text(open(p, "spouseId")) + ", married " + text(p.get("marriageDate")) + " at "
                        + place(open(p, "place")));
                case "DivorceRegisteredEvent" -> marriages.merge(text(p.get("marriageId")),
                        "divorced " + text(p.get("divorceDate")) + " (" + text(p.get("courtReference")) + ")",
                        (was, divorce) -> was + "; " + divorce);
                case "IdCardIssuedEvent" -> cards.add(text(open(p, "cardNumber")) + " issued "
                        + text(p.get("issuedOn")) + ", expires " + text(p.get("expiresOn")));
                case "IdCardRevokedEvent" -> revoke(text(open(p, "cardNumber")), text(p.get("revokedOn")),
                        text(p.get("reason")));
                case "DeathRegisteredEvent" -> fields.put("death", text(p.get("dateOfDeath")) + " at "
                        + place(open(p, "placeOfDeath")) + ", cause " + text(p.get("causeOfDeath")));
                case "CorrectionRecordedEvent" -> correct(p);
                case "PersonErasedEvent" -> fields.put("erased", text(p.get("recordedAt")) + " ("
                        + text(p.get("legalReference")) + ")");
                default -> other.add(simpleName(event.type()) + " " + event.eventId());
            }
        }

        private void correct(JsonNode p) throws IOException {
            List<String> changed = new ArrayList<>();
            JsonNode name = open(p, "name");
            if (name != null && !name.isNull()) {
                putName(name);
                changed.add("name");
            }
            if (p.hasNonNull("sex")) {
                fields.put("sex", text(p.get("sex")));
                changed.add("sex");
            }
            JsonNode born = open(p, "dateOfBirth");
            if (born != null && !born.isNull()) {
                fields.put("date of birth", text(born));
                changed.add("date of birth");
            }
            JsonNode place = open(p, "placeOfBirth");
            if (place != null && !place.isNull()) {
                fields.put("place of birth", place(place));
                changed.add("place of birth");
            }
            if (p.hasNonNull("dateOfDeath")) {
                String death = fields.getOrDefault("death", "");
                int at = death.indexOf(" at ");
                fields.put("death", text(p.get("dateOfDeath")) + (at < 0 ? "" : death.substring(at)));
                changed.add("date of death");
            }
            corrections.add(text(p.get("judgmentReference")) + " of " + text(p.get("court")) + ", "
                    + text(p.get("judgmentDate")) + ": " + String.join(", ", changed) + " (" + text(p.get("reason"))
                    + ")");
        }

        private void revoke(String card, String on, String reason) {
            for (int i = 0; i < cards.size(); i++) {
                if (!card.equals(SEALED) && !card.equals(ERASED) && cards.get(i).startsWith(card + " issued")) {
                    cards.set(i, cards.get(i) + ", revoked " + on + " (" + reason + ")");
                    return;
                }
            }
            cards.add(card + " revoked " + on + " (" + reason + ")");
        }

        private void putName(JsonNode name) {
            if (name == null || name.isNull()) {
                return;
            }
            if (isMarker(name)) {
                fields.put("name", name.asText());
                fields.remove("name (arabic)");
                fields.remove("name (kurdish)");
                fields.remove("name (latin)");
                return;
            }
            fields.remove("name");
            for (String script : List.of("arabic", "kurdish", "latin")) {
                JsonNode lineage = name.get(script);
                if (lineage != null && !lineage.isNull()) {
                    fields.put("name (" + script + ")", lineage(lineage));
                } else {
                    fields.remove("name (" + script + ")");
                }
            }
        }

        void print(List<String> out) {
            fields.forEach((label, value) -> out.add(line(label, value)));
            residences.forEach(r -> out.add(line("residence", r)));
            marriages.forEach((id, m) -> out.add(line("marriage", id + ": " + m)));
            cards.forEach(c -> out.add(line("ID card", c)));
            corrections.forEach(c -> out.add(line("correction", c)));
            other.forEach(o -> out.add(line("other event", o)));
        }
    }

    private static String lineage(JsonNode n) {
        StringBuilder text = new StringBuilder();
        for (String part : List.of("given", "father", "grandfather", "family")) {
            if (n.hasNonNull(part) && !n.get(part).asText().isEmpty()) {
                text.append(text.length() == 0 ? "" : " ").append(n.get(part).asText());
            }
        }
        if (n.hasNonNull("motherGiven")) {
            text.append("; mother ").append(n.get("motherGiven").asText());
            if (n.hasNonNull("maternalGrandfather")) {
                text.append(' ').append(n.get("maternalGrandfather").asText());
            }
        }
        return text.toString();
    }

    private static String place(JsonNode n) {
        if (n == null || n.isNull()) {
            return "-";
        }
        if (!n.isObject()) {
            return n.asText();
        }
        List<String> parts = new ArrayList<>();
        for (String part : List.of("locality", "district", "governorate")) {
            if (n.hasNonNull(part)) {
                parts.add(n.get(part).asText());
            }
        }
        return String.join(", ", parts);
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? "-" : n.isValueNode() ? n.asText() : n.toString();
    }

    private static String line(String label, String value) {
        return String.format("  %-16s %s", label + ":", value);
    }
}
