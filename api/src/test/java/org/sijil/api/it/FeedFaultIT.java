package org.sijil.api.it;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sijil.core.api.person.ChangeResidenceCommand;
import org.sijil.core.api.Place;
import org.sijil.query.feed.FeedDelivery;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feeds under faults: Kafka stopped while registrations go on, and the publisher killed in the
 * middle of a batch. Either way nothing is lost or reordered per person; the second gives
 * duplicates, which de-duplication by event id removes. A batch sent again records no delivery's
 * access twice.
 */
class FeedFaultIT extends FeedTestBase {

    @Test
    void registrationsContinueWhileKafkaIsDownAndTheFeedCatchesUpWithoutLossOrReordering() throws Exception {
        Long bases = jdbc.queryForObject("SELECT count(*) FROM legal_basis_index WHERE ministry = 'health'",
                Long.class);
        if (bases == null || bases == 0) {
            recordLegalBasis("health", "births-and-deaths", "IDENTITY", "CIVIL_STATUS");
        }
        broker.stop();
        List<String> people = new ArrayList<>();
        try {
            long started = System.nanoTime();
            people.addAll(registerLives(15));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(took).as("45 registrations with Kafka down").isLessThan(Duration.ofSeconds(30));
        } finally {
            Thread.sleep(3_000);
            broker.start();
        }
        assertThat(people).hasSize(15);
        assertNothingLostNothingReordered(people);
        // the batches failed while Kafka was down after their deliveries' accesses were stored, and
        // were sent again: still one access record per birth delivered to health
        Set<String> births = new LinkedHashSet<>();
        people.forEach(p -> births.add(eventIdsOf(p).get(0)));
        awaitAll("sijil.ministry.health", births, Duration.ofSeconds(60));
        for (String person : people) {
            UUID expected = new FeedDelivery(eventIdsOf(person).get(0), UUID.fromString(person), "health",
                    "sijil.ministry.health", List.of(), Set.of()).accessId();
            assertThat(jdbc.queryForList("SELECT access_id FROM access_history WHERE organisation = 'health' "
                    + "AND person_id = ?", UUID.class, UUID.fromString(person))).containsExactly(expected);
        }
    }

    @Test
    void aPublisherKilledMidBatchSendsDuplicatesOnlyNeverGaps() throws Exception {
        int crashesBefore = faults.crashes();
        feedProcessor().shutDown();
        List<String> people;
        try {
            people = registerLives(20);
            faults.crashAfter(25);
        } finally {
            feedProcessor().start();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (faults.crashes() == crashesBefore && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(faults.crashes()).as("the publisher died mid-batch").isEqualTo(crashesBefore + 1);
        // and is restarted, as a process would be
        feedProcessor().shutDown();
        feedProcessor().start();

        List<Message> messages = assertNothingLostNothingReordered(people);
        Set<String> mine = new LinkedHashSet<>();
        people.forEach(p -> mine.addAll(eventIdsOf(p)));
        Map<String, Long> copies = messages.stream().filter(m -> mine.contains(m.eventId()))
                .collect(Collectors.groupingBy(Message::eventId, Collectors.counting()));
        assertThat(copies.values()).as("the records acknowledged before the crash came again").contains(2L);
        assertThat(copies.values()).allMatch(n -> n <= 2);
    }

    /** Births and two moves each, with the commands' own gateway (no HTTP, no Kafka on the path). */
    private List<String> registerLives(int n) {
        List<String> people = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            UUID id = registerBirth();
            commands.sendAndWait(new ChangeResidenceCommand(id, null, new Place("KRB", null, "حي الحسين"),
                    LocalDate.of(2024, 8, 1), "KRB-CENTRE-01", Instant.now()));
            commands.sendAndWait(new ChangeResidenceCommand(id, null, new Place("NJF", null, "حي السعد"),
                    LocalDate.of(2024, 9, 1), "NJF-CENTRE-01", Instant.now()));
            people.add(id.toString());
        }
        return people;
    }

    private List<Message> assertNothingLostNothingReordered(List<String> people) throws Exception {
        Set<String> mine = new LinkedHashSet<>();
        people.forEach(p -> mine.addAll(eventIdsOf(p)));
        assertThat(mine).hasSize(people.size() * 3);
        List<Message> messages = awaitAll(NOTIFICATIONS, mine, Duration.ofSeconds(150));
        for (String person : people) {
            List<String> expected = eventIdsOf(person);
            List<String> deduped = dedupedEventIds(messages, m -> ofPersonsStream(m, person));
            assertThat(deduped).as("person %s: every event once after de-duplication, in stream order", person)
                    .isEqualTo(expected);
            // and the raw sequence never goes back past an event it has not delivered before
            List<String> raw = messages.stream().filter(m -> ofPersonsStream(m, person))
                    .sorted(java.util.Comparator.comparingLong(Message::offset)).map(Message::eventId).toList();
            int highest = -1;
            for (String id : raw) {
                int at = expected.indexOf(id);
                assertThat(at).as("gap before %s in %s", id, raw).isLessThanOrEqualTo(highest + 1);
                highest = Math.max(highest, at);
            }
        }
        return messages;
    }
}
