package org.sijil.store;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.sijil.core.api.EventTypes;
import org.sijil.core.api.person.IdCardIssuedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims, once, the numbers of the ID cards issued before the card number index existed (migration
 * V9 noted the last event then stored), so that no later card can take them. Runs at start-up,
 * before the application serves requests or runs its event processors, in one transaction that
 * holds the backfill's row: a second node starting at the same time waits for it and then finds it
 * done.
 *
 * <p>Stored events are never changed. Persons are indexed in the order of their first card, all
 * of a person's cards at once. Two persons already issued one number before the index existed keep
 * their cards; the one indexed first holds the claim, and the other is logged. The cards of an
 * erased person cannot be read and claim nothing.
 */
@Component
public class IdCardNumberBackfill implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(IdCardNumberBackfill.class);
    private static final int PROGRESS_EVERY = 10_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final EventStore events;
    private final JdbcIdCardIndex index;

    IdCardNumberBackfill(JdbcTemplate jdbc, PlatformTransactionManager transactions, EventStore events,
                         JdbcIdCardIndex index) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.events = events;
        this.index = index;
    }

    @Override
    public void afterSingletonsInstantiated() {
        run();
    }

    /**
     * Claims the numbers of the cards in the events up to the noted global index, unless done.
     *
     * @return the cards whose numbers were claimed (or were already held by their own holder), or -1
     *         if the backfill was already done
     */
    public int run() {
        Integer claimed = transactions.execute(status -> {
            List<Long> through = jdbc.queryForList(
                    "SELECT through_global_index FROM id_card_number_backfill WHERE NOT done FOR UPDATE", Long.class);
            if (through.isEmpty()) {
                return -1;
            }
            List<String> holders = jdbc.queryForList("SELECT aggregateidentifier FROM domainevententry "
                            + "WHERE payloadtype = ? AND globalindex <= ? GROUP BY aggregateidentifier "
                            + "ORDER BY min(globalindex)",
                    String.class, EventTypes.storedName(IdCardIssuedEvent.class), through.get(0));
            if (!holders.isEmpty()) {
                log.info("Indexing the ID card numbers stored before the index existed; persons with cards: {}",
                        holders.size());
            }
            int cards = 0;
            int persons = 0;
            for (String holder : holders) {
                cards += claimCardsOf(UUID.fromString(holder));
                if (++persons % PROGRESS_EVERY == 0) {
                    log.info("ID card numbers indexed: {} of {} persons", persons, holders.size());
                }
            }
            jdbc.update("UPDATE id_card_number_backfill SET done = true");
            return cards;
        });
        if (claimed != null && claimed >= 0) {
            log.info("ID card number index complete; card numbers claimed: {}", claimed);
        }
        return claimed == null ? -1 : claimed;
    }

    private int claimCardsOf(UUID person) {
        List<String> numbers = events.readEvents(person.toString()).asStream()
                .map(Message::getPayload)
                .filter(IdCardIssuedEvent.class::isInstance)
                .map(event -> ((IdCardIssuedEvent) event).cardNumber())
                // null for an erased person: the number can no longer be read
                .filter(Objects::nonNull)
                .toList();
        int claimed = 0;
        for (String number : numbers) {
            if (index.claimed(index.keyOf(number), person)) {
                claimed++;
            } else {
                log.warn("Person {} was issued an ID card whose number another person already held; both cards "
                        + "were issued before the card number index existed and stay as they were stored", person);
            }
        }
        return claimed;
    }
}
