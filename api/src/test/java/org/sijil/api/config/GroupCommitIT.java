package org.sijil.api.config;

import org.sijil.store.GroupCommitCommandBus;
import org.sijil.api.it.EmbeddedDefaults;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sijil.api.SijilApplication;
import org.sijil.store.EventLedger;
import org.sijil.store.GroupStatements;
import org.sijil.store.JdbcPersonIndex;
import org.sijil.core.api.person.BirthRegisteredEvent;
import org.sijil.core.api.person.IssueIdCardCommand;
import org.sijil.core.api.LineageName;
import org.sijil.core.api.PersonName;
import org.sijil.core.api.Place;
import org.sijil.core.api.person.ChangeResidenceCommand;
import org.sijil.core.api.person.RegisterBirthCommand;
import org.sijil.core.api.RegistryRuleViolation;
import org.sijil.core.api.Sex;
import org.sijil.core.nationalnumber.NationalNumber;
import org.sijil.core.person.IdCardIndex;
import org.sijil.core.person.PersonIndex;
import org.sijil.store.DataKeyStore;
import org.sijil.store.SigningAppendEventsStatementBuilder;
import org.sijil.crypto.entry.SignedEntry;
import org.sijil.crypto.sign.KeyRing;
import org.sijil.crypto.sign.SignatureCheckException;
import org.sijil.store.read.StoredEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit on the real application and its embedded PostgreSQL: commands sent at once share a
 * transaction; one that fails is answered with its own error and leaves nothing; no caller hears of
 * success for a transaction that did not commit. One worker that waits 150 ms for more commands, so
 * commands released together by a barrier form one group.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = SijilApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GroupCommitIT {

    private static final Path DATA = EmbeddedDefaults.newDataDir();
    private static final int SENDERS = 10;
    /** The Karkh registrar of the development issuer, as RegistrarDesk puts them in metadata. */
    private static final MetaData RECORDED_BY = MetaData.from(Map.of(
            "officer", "registrar-baghdad", "officerRole", "REGISTRAR", "office", "BGD-KARKH-01",
            "governorate", "BGD"));
    /** The name of the integration tests' births (api/src/test/.../it/People.java). */
    private static final PersonName NAME = new PersonName(
            new LineageName("زينب", "علي", "حسين", "الجبوري", "فاطمة", "عباس"),
            new LineageName("زينب", "عەلی", "حوسێن", null, null, null),
            new LineageName("Zainab", "Ali", "Hussein", "Al-Jubouri", null, null));

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        EmbeddedDefaults.register(registry, DATA);
        registry.add("sijil.group-commit.workers", () -> "1");
        registry.add("sijil.group-commit.max-wait", () -> "150ms");
    }

    @Autowired
    CommandGateway commands;

    @Autowired
    CommandBus commandBus;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    DataKeyStore dataKeys;

    @Autowired
    PersonIndex personIndex;

    @Autowired
    JdbcPersonIndex nationalNumbers;

    @Autowired
    IdCardIndex idCardIndex;

    @Autowired
    EventStore eventStore;

    @Autowired
    EventLedger ledger;

    @Autowired
    Supplier<KeyRing> keyRing;

    private final SecureRandom random = new SecureRandom();
    private ExecutorService senders;

    @BeforeEach
    void startSenders() {
        senders = Executors.newFixedThreadPool(SENDERS);
    }

    @AfterEach
    void stopSenders() {
        senders.shutdownNow();
    }

    @Test
    void commandsSentTogetherAreStoredInOneTransaction() throws Exception {
        List<RegisterBirthCommand> births = births(SENDERS);
        List<Outcome> outcomes = sendTogether(births.stream().<Supplier<Object>>map(b -> () -> send(b)).toList());

        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
        for (RegisterBirthCommand birth : births) {
            assertStored(birth);
        }
        // rows written by one transaction carry its id (xmin): the ten births share one or two
        Long transactions = jdbc.queryForObject("SELECT count(DISTINCT xmin::text) FROM domainevententry "
                + "WHERE aggregateidentifier IN (" + inList(births) + ")", Long.class);
        assertThat(transactions).isLessThan(SENDERS / 2);
        // the set-based index and the data keys were written in the events' transactions
        Long apart = jdbc.queryForObject("SELECT count(*) FROM national_number n JOIN domainevententry e "
                + "ON e.aggregateidentifier = n.person_id::text WHERE n.person_id::text IN (" + inList(births)
                + ") AND n.xmin::text <> e.xmin::text", Long.class);
        assertThat(apart).isZero();
    }

    @Test
    void aCommandThatBreaksARuleInAGroupGetsItsOwnErrorAndLeavesNothingWhileTheOthersAreStored() throws Exception {
        RegisterBirthCommand first = births(1).get(0);
        send(first);
        List<RegisterBirthCommand> births = new ArrayList<>(births(SENDERS - 1));
        // a national number that is already taken: refused by the set-based index, in the group
        RegisterBirthCommand taken = new RegisterBirthCommand(UUID.randomUUID(), first.nationalNumber(), NAME,
                Sex.FEMALE, LocalDate.of(2024, 4, 4), new Place("BGD", null, "مستشفى اليرموك"), null, null,
                "BGD-KARKH-01", Instant.now());
        births.add(SENDERS / 2, taken);
        String before = statistics();

        List<Outcome> outcomes = sendTogether(births.stream().<Supplier<Object>>map(b -> () -> send(b)).toList());

        int refused = births.indexOf(taken);
        assertThat(outcomes.get(refused).failure()).isInstanceOf(RegistryRuleViolation.class);
        assertThat(((RegistryRuleViolation) outcomes.get(refused).failure()).code()).isEqualTo("national-number.taken");
        assertNothingStored(taken.personId());
        assertStoredExcept(births, outcomes, refused);
        assertThat(statistics()).as("the group was run again, one command at a time").isNotEqualTo(before);
        assertThat(runAgainAlone(statistics()) - runAgainAlone(before)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void twoBirthsClaimingOneNationalNumberInOneGroupStoreOneAndRefuseTheOtherWithItsOwnError() throws Exception {
        List<RegisterBirthCommand> births = new ArrayList<>(births(SENDERS - 1));
        RegisterBirthCommand twin = sameNumberAs(births.get(2), UUID.randomUUID());
        births.add(7, twin);
        String before = statistics();

        List<Outcome> outcomes = sendTogether(births.stream().<Supplier<Object>>map(b -> () -> send(b)).toList());

        // run again alone and at once, either of the two may claim the number first
        RegisterBirthCommand[] pair = {births.get(2), twin};
        Throwable[] failures = {outcomes.get(2).failure(), outcomes.get(7).failure()};
        assertThat(failures).as("exactly one of the two is refused").filteredOn(f -> f != null).hasSize(1);
        int loser = failures[0] != null ? 0 : 1;
        assertThat(failures[loser]).isInstanceOf(RegistryRuleViolation.class);
        assertThat(((RegistryRuleViolation) failures[loser]).code()).isEqualTo("national-number.taken");
        assertNothingStored(pair[loser].personId());
        assertStored(pair[1 - loser]);
        assertStoredExcept(births, outcomes, 2, 7);
        assertThat(runAgainAlone(statistics()) - runAgainAlone(before)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void twoPersonsIssuedOneCardNumberInOneGroupGetItOnceAndTheOtherIsRefusedWithItsOwnError() throws Exception {
        List<RegisterBirthCommand> births = births(SENDERS);
        for (RegisterBirthCommand birth : births) {
            send(birth);
        }
        String number = newCardNumber();
        List<IssueIdCardCommand> cards = new ArrayList<>();
        for (int i = 0; i < births.size(); i++) {
            cards.add(card(births.get(i).personId(), i == 3 || i == 6 ? number : number + "X" + i));
        }
        String before = statistics();

        List<Outcome> outcomes = sendTogether(
                cards.stream().<Supplier<Object>>map(c -> () -> commands.sendAndWait(c, RECORDED_BY)).toList());

        Throwable[] failures = {outcomes.get(3).failure(), outcomes.get(6).failure()};
        assertThat(failures).as("exactly one of the two is refused").filteredOn(f -> f != null).hasSize(1);
        int loser = failures[0] != null ? 3 : 6;
        assertThat(failures[loser == 3 ? 0 : 1]).isInstanceOf(RegistryRuleViolation.class);
        assertThat(((RegistryRuleViolation) failures[loser == 3 ? 0 : 1]).code()).isEqualTo("id-card.number-taken");
        for (int i = 0; i < births.size(); i++) {
            UUID person = births.get(i).personId();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                    Long.class, person.toString())).as("events of person %d", i).isEqualTo(i == loser ? 1 : 2);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM id_card_number WHERE person_id = ?", Long.class,
                    person)).as("card numbers of person %d", i).isEqualTo(i == loser ? 0 : 1);
            if (i != loser) {
                assertThat(outcomes.get(i).failure()).as("card %d", i).isNull();
            }
        }
        assertThat(runAgainAlone(statistics()) - runAgainAlone(before)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void onePersonIdRegisteredTwiceInOneGroupIsStoredOnceAndTheSecondIsRefusedWithItsOwnError() throws Exception {
        List<RegisterBirthCommand> births = new ArrayList<>(births(SENDERS - 1));
        RegisterBirthCommand first = births.get(4);
        RegisterBirthCommand again = new RegisterBirthCommand(first.personId(), NationalNumber.allocate(random), NAME,
                Sex.FEMALE, LocalDate.of(2024, 4, 4), new Place("BGD", null, "مستشفى اليرموك"), null, null,
                "BGD-KARKH-01", Instant.now());
        births.add(1, again);

        List<Outcome> outcomes = sendTogether(births.stream().<Supplier<Object>>map(b -> () -> send(b)).toList());

        Throwable[] failures = {outcomes.get(1).failure(), outcomes.get(5).failure()};
        assertThat(failures).as("exactly one of the two is refused").filteredOn(f -> f != null).hasSize(1);
        Throwable refused = failures[0] != null ? failures[0] : failures[1];
        RegisterBirthCommand stored = failures[0] != null ? first : again;
        RegisterBirthCommand notStored = failures[0] != null ? again : first;
        assertThat(refused).isInstanceOf(RegistryRuleViolation.class);
        assertThat(((RegistryRuleViolation) refused).code()).isEqualTo("person.already-registered");
        assertStored(stored);
        assertThat(nationalNumbers.personWith(notStored.nationalNumber())).as("the refused birth's number is free")
                .isEmpty();
        assertStoredExcept(births, outcomes, 1, 5);
    }

    @Test
    void aBirthWhosePersonAlreadyHasADataKeyIsSealedWithTheStoredKeyNotANewOne() throws Exception {
        List<RegisterBirthCommand> births = births(SENDERS);
        RegisterBirthCommand keyed = births.get(5);
        // a key row left for the person id with no registration, made outside any group
        new TransactionTemplate(transactionManager).executeWithoutResult(
                status -> dataKeys.dataKeyForWriting(keyed.personId()));
        byte[] storedKey = jdbc.queryForObject("SELECT wrapped_key FROM person_data_key WHERE person_id = ?",
                byte[].class, keyed.personId());
        String before = statistics();

        List<Outcome> outcomes = sendTogether(births.stream().<Supplier<Object>>map(b -> () -> send(b)).toList());

        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
        for (RegisterBirthCommand birth : births) {
            assertStored(birth);
        }
        assertThat(jdbc.queryForObject("SELECT wrapped_key FROM person_data_key WHERE person_id = ?",
                byte[].class, keyed.personId())).isEqualTo(storedKey);
        // the group's insert of a new key was refused, so its births ran again alone
        assertThat(runAgainAlone(statistics()) - runAgainAlone(before)).isGreaterThanOrEqualTo(1);
        for (RegisterBirthCommand birth : births) {
            BirthRegisteredEvent event = (BirthRegisteredEvent) eventStore.readEvents(birth.personId().toString())
                    .next().getPayload();
            assertThat(event.name()).as("the personal fields of %s open with the stored key", birth.personId())
                    .isEqualTo(NAME);
        }
    }

    @Test
    void eventsStoredTogetherByOneStatementOrAsBatchedRowsAreEachStoredInOrderAndSignedAsStored() throws Exception {
        // 3 events go in one multi-row statement; more than its limit, as one batched row each
        for (int count : new int[] {3, SigningAppendEventsStatementBuilder.MAX_ROWS + 1}) {
            String aggregate = UUID.randomUUID().toString();
            List<DomainEventMessage<?>> events = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                events.add(new GenericDomainEventMessage<>("Batch", aggregate, i, "event " + i));
            }
            eventStore.publish(events);

            List<StoredEvent> stored = ledger.eventsOf(aggregate);
            assertThat(stored).hasSize(count);
            for (int i = 0; i < count; i++) {
                SignedEntry entry = stored.get(i).entry();
                assertThat(entry.sequenceNumber()).isEqualTo(i);
                assertThat(entry.eventId()).isEqualTo(events.get(i).getIdentifier());
                assertThat(new String(entry.payload(), StandardCharsets.UTF_8)).isEqualTo("\"event " + i + "\"");
                keyRing.get().verify(entry.keyId(), entry.encode(), stored.get(i).signature());
            }
            byte[] flipped = stored.get(count - 1).signature().clone();
            flipped[0] ^= 1;
            assertThatThrownBy(() -> keyRing.get().verify(stored.get(count - 1).entry().keyId(),
                    stored.get(count - 1).entry().encode(), flipped)).isInstanceOf(SignatureCheckException.class);
        }
    }

    @Test
    void aLoneCommandThatBreaksARuleGetsItsOwnErrorWithoutRunningAgainAndLeavesNothing() {
        RegisterBirthCommand future = new RegisterBirthCommand(UUID.randomUUID(), NationalNumber.allocate(random), NAME,
                Sex.FEMALE, LocalDate.now().plusDays(2), new Place("BGD", null, "مستشفى اليرموك"), null, null,
                "BGD-KARKH-01", Instant.now());
        String before = statistics();

        assertThatThrownBy(() -> send(future)).isInstanceOfSatisfying(RegistryRuleViolation.class,
                violation -> assertThat(violation.code()).isEqualTo("date.in-future"));

        assertNothingStored(future.personId());
        assertThat(runAgainAlone(statistics())).as("run once, in its group of one").isEqualTo(runAgainAlone(before));
    }

    @Test
    void aGroupsClaimsAndDataKeysAreSentByTheStatementThatStoresItsEventsOrOnTheirOwnWhenTheEventsTakeSeveral() {
        // every statement that inserts a claim (national or card number) or a data key, as the application sent it
        jdbc.execute("CREATE TABLE sijil_test_insert_query (tbl text, query text)");
        jdbc.execute("""
                CREATE FUNCTION sijil_test_log_insert() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO sijil_test_insert_query VALUES (TG_TABLE_NAME, current_query());
                    RETURN NULL;
                END $$""");
        for (String table : List.of("national_number", "person_data_key", "id_card_number")) {
            jdbc.execute("CREATE TRIGGER sijil_test_log_insert AFTER INSERT ON " + table
                    + " FOR EACH STATEMENT EXECUTE FUNCTION sijil_test_log_insert()");
        }
        try {
            // a birth alone is a group of one: its claim and key go with its event, in one statement
            RegisterBirthCommand birth = births(1).get(0);
            send(birth);
            assertStored(birth);
            assertThat(loggedInserts()).hasSize(2).allSatisfy(query -> assertThat(query)
                    .containsIgnoringCase("INSERT INTO DomainEventEntry").contains("claims AS", "data_keys AS"));
            // and so does a card's number
            jdbc.execute("TRUNCATE sijil_test_insert_query");
            commands.sendAndWait(card(birth.personId(), newCardNumber()), RECORDED_BY);
            assertThat(jdbc.queryForList("SELECT query FROM sijil_test_insert_query WHERE tbl = 'id_card_number'",
                    String.class)).singleElement().satisfies(query -> assertThat(query)
                    .containsIgnoringCase("INSERT INTO DomainEventEntry").contains("cards AS"));

            // events too many for one statement: the group's inserts are sent just before the commit
            jdbc.execute("TRUNCATE sijil_test_insert_query");
            UUID personId = UUID.randomUUID();
            String nationalNumber = NationalNumber.allocate(random);
            String aggregate = UUID.randomUUID().toString();
            List<DomainEventMessage<?>> events = new ArrayList<>();
            for (int i = 0; i <= SigningAppendEventsStatementBuilder.MAX_ROWS; i++) {
                events.add(new GenericDomainEventMessage<>("Batch", aggregate, i, "event " + i));
            }
            UnitOfWork<?> root = DefaultUnitOfWork.startAndGet(null);
            TransactionStatus transaction = transactionManager.getTransaction(new DefaultTransactionDefinition());
            GroupStatements statements = GroupStatements.openIn(root, Duration.ofSeconds(1));
            root.onCommit(u -> {
                statements.execute(jdbc);
                transactionManager.commit(transaction);
            });
            personIndex.claimNationalNumber(nationalNumber, personId);
            dataKeys.dataKeyForWriting(personId);
            idCardIndex.claim(newCardNumber(), personId);
            eventStore.publish(events);
            root.commit();

            assertThat(nationalNumbers.personWith(nationalNumber)).contains(personId);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM person_data_key WHERE person_id = ?", Long.class,
                    personId)).isEqualTo(1);
            assertThat(ledger.eventsOf(aggregate)).hasSize(events.size());
            assertThat(jdbc.queryForObject("SELECT count(*) FROM id_card_number WHERE person_id = ?", Long.class,
                    personId)).isEqualTo(1);
            assertThat(loggedInserts()).hasSize(3).allSatisfy(query -> assertThat(query)
                    .doesNotContainIgnoringCase("DomainEventEntry").contains("claims AS", "data_keys AS", "cards AS"));
        } finally {
            for (String table : List.of("national_number", "person_data_key", "id_card_number")) {
                jdbc.execute("DROP TRIGGER sijil_test_log_insert ON " + table);
            }
            jdbc.execute("DROP FUNCTION sijil_test_log_insert()");
            jdbc.execute("DROP TABLE sijil_test_insert_query");
        }
    }

    @Test
    void twoUpdatesFromOneVersionInOneGroupGiveOneConflictAndNoLostUpdate() throws Exception {
        RegisterBirthCommand birth = births(1).get(0);
        send(birth);
        List<Supplier<Object>> work = new ArrayList<>();
        for (String locality : new String[] {"حي الجامعة", "حي العدل"}) {
            work.add(() -> commands.sendAndWait(new ChangeResidenceCommand(birth.personId(), 0L,
                    new Place("BGD", null, locality), LocalDate.of(2024, 5, 1), "BGD-KARKH-01", Instant.now()),
                    RECORDED_BY));
        }
        // other commands in the same group, which must be stored whatever happens to the conflict
        List<RegisterBirthCommand> others = births(4);
        others.forEach(b -> work.add(() -> send(b)));

        List<Outcome> outcomes = sendTogether(work);

        List<Throwable> residence = List.of(outcomes.get(0).failure() == null ? new Throwable("none") : outcomes.get(0)
                .failure(), outcomes.get(1).failure() == null ? new Throwable("none") : outcomes.get(1).failure());
        assertThat(residence).filteredOn(t -> t instanceof ConflictingAggregateVersionException).hasSize(1);
        assertThat(residence).filteredOn(t -> "none".equals(t.getMessage())).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, birth.personId().toString())).isEqualTo(2);
        for (RegisterBirthCommand other : others) {
            assertStored(other);
        }
    }

    @Test
    void whenTheCommitFailsWithItsOutcomeUnknownNoCallerOfTheGroupIsToldOfSuccess() throws Exception {
        List<RegisterBirthCommand> births = births(SENDERS);
        UUID poisoned = births.get(3).personId();
        refuseAtCommit(poisoned, "P0001");
        List<Outcome> outcomes;
        try {
            outcomes = sendTogether(births.stream().<Supplier<Object>>map(b -> () -> send(b)).toList());
        } finally {
            stopRefusing();
        }
        int failed = 0;
        for (int i = 0; i < births.size(); i++) {
            if (outcomes.get(i).failure() == null) {
                assertStored(births.get(i));
            } else {
                failed++;
                assertNothingStored(births.get(i).personId());
            }
        }
        assertThat(outcomes.get(3).failure()).isNotNull();
        // the commit of the whole group failed: innocent commands of that group failed with it
        assertThat(failed).isGreaterThan(1);
    }

    @Test
    void whenTheCommitIsRefusedForIntegrityTheOthersOfTheGroupAreRunAgainAndStored() throws Exception {
        List<RegisterBirthCommand> births = births(SENDERS);
        UUID poisoned = births.get(6).personId();
        refuseAtCommit(poisoned, "23514");
        List<Outcome> outcomes;
        try {
            outcomes = sendTogether(births.stream().<Supplier<Object>>map(b -> () -> send(b)).toList());
        } finally {
            stopRefusing();
        }
        assertThat(outcomes.get(6).failure()).isNotNull();
        assertNothingStored(poisoned);
        assertStoredExcept(births, outcomes, 6);
    }

    @Test
    void aGroupWaitingForARowLockIsRunAgainCommandByCommandSoTheOthersDoNotWaitWithIt() throws Exception {
        List<RegisterBirthCommand> births = births(SENDERS);
        RegisterBirthCommand blocked = births.get(2);
        List<CompletableFuture<Outcome>> futures = new ArrayList<>();
        // another transaction claims the national number of one birth and holds it, uncommitted
        try (Connection other = jdbc.getDataSource().getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement claim = other.prepareStatement(
                    "INSERT INTO national_number (number_key, person_id) VALUES (?, ?)")) {
                claim.setBytes(1, nationalNumbers.keyOf(blocked.nationalNumber()));
                claim.setObject(2, UUID.randomUUID());
                claim.executeUpdate();
            }
            CyclicBarrier start = new CyclicBarrier(births.size());
            for (RegisterBirthCommand birth : births) {
                futures.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                        return new Outcome(send(birth), null);
                    } catch (RuntimeException e) {
                        return new Outcome(null, e);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, senders));
            }
            // the others are stored while the claim is still held: the group did not wait for it
            for (int i = 0; i < births.size(); i++) {
                if (i != 2) {
                    assertThat(futures.get(i).get(30, TimeUnit.SECONDS).failure()).as("birth %d", i).isNull();
                    assertStored(births.get(i));
                }
            }
            assertThat(futures.get(2)).isNotDone();
            other.rollback();
        }
        // alone, the blocked birth waited for the other transaction, which gave the number up
        assertThat(futures.get(2).get(30, TimeUnit.SECONDS).failure()).isNull();
        assertStored(blocked);
    }

    @Test
    void aCommandSentInsideATransactionJoinsItInsteadOfWaitingForAGroup() {
        RegisterBirthCommand birth = births(1).get(0);
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            send(birth);
            status.setRollbackOnly();
        });
        // rolled back with the caller's transaction: it did not commit on its own in a group
        assertNothingStored(birth.personId());
    }

    private static RegisterBirthCommand sameNumberAs(RegisterBirthCommand birth, UUID personId) {
        return new RegisterBirthCommand(personId, birth.nationalNumber(), NAME, Sex.FEMALE, LocalDate.of(2024, 4, 4),
                new Place("BGD", null, "مستشفى اليرموك"), null, null, "BGD-KARKH-01", Instant.now());
    }

    private static IssueIdCardCommand card(UUID personId, String number) {
        return new IssueIdCardCommand(personId, null, number, LocalDate.of(2024, 5, 1), LocalDate.of(2034, 5, 1),
                "BGD-KARKH-01", Instant.now());
    }

    /** A card number no other test of this database issues. */
    private String newCardNumber() {
        return "GC" + (1_000_000 + random.nextInt(8_999_999));
    }

    private Object send(RegisterBirthCommand birth) {
        return commands.sendAndWait(birth, RECORDED_BY);
    }

    private List<RegisterBirthCommand> births(int n) {
        List<RegisterBirthCommand> births = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            births.add(new RegisterBirthCommand(UUID.randomUUID(), NationalNumber.allocate(random), NAME, Sex.FEMALE,
                    LocalDate.of(2024, 4, 4), new Place("BGD", null, "مستشفى اليرموك"), null, null, "BGD-KARKH-01",
                    Instant.now()));
        }
        return births;
    }

    private record Outcome(Object result, Throwable failure) {
    }

    /** Runs the calls on their own threads, released at once, and returns how each ended, in order. */
    private List<Outcome> sendTogether(List<Supplier<Object>> calls) throws InterruptedException {
        CyclicBarrier start = new CyclicBarrier(calls.size());
        List<CompletableFuture<Outcome>> futures = new ArrayList<>();
        for (Supplier<Object> call : calls) {
            futures.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                    return new Outcome(call.get(), null);
                } catch (RuntimeException e) {
                    return new Outcome(null, e);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, senders));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (CompletableFuture<Outcome> future : futures) {
            try {
                outcomes.add(future.get());
            } catch (ExecutionException e) {
                throw new AssertionError(e.getCause());
            }
        }
        return outcomes;
    }

    /** Every birth but those at {@code refused} was answered without failure and is stored. */
    private void assertStoredExcept(List<RegisterBirthCommand> births, List<Outcome> outcomes, int... refused) {
        Set<Integer> skip = Arrays.stream(refused).boxed().collect(Collectors.toSet());
        for (int i = 0; i < births.size(); i++) {
            if (!skip.contains(i)) {
                assertThat(outcomes.get(i).failure()).as("birth %d", i).isNull();
                assertStored(births.get(i));
            }
        }
    }

    private void assertStored(RegisterBirthCommand birth) {
        String id = birth.personId().toString();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, id)).as("events of %s", id).isEqualTo(1);
        assertThat(nationalNumbers.personWith(birth.nationalNumber())).contains(birth.personId());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM person_data_key WHERE person_id = ?", Long.class,
                birth.personId())).isEqualTo(1);
    }

    private void assertNothingStored(UUID personId) {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, personId.toString())).as("events of %s", personId).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM national_number WHERE person_id = ?", Long.class,
                personId)).as("national number of %s", personId).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM person_data_key WHERE person_id = ?", Long.class,
                personId)).as("data key of %s", personId).isZero();
    }

    /** A deferred constraint trigger: the insert passes, the COMMIT fails with the given SQLSTATE. */
    private void refuseAtCommit(UUID personId, String sqlState) {
        jdbc.execute("""
                CREATE FUNCTION sijil_test_refuse_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.aggregateidentifier = '%s' THEN
                        RAISE EXCEPTION 'refused at commit for this test' USING ERRCODE = '%s';
                    END IF;
                    RETURN NEW;
                END $$""".formatted(personId, sqlState));
        jdbc.execute("CREATE CONSTRAINT TRIGGER sijil_test_refuse_at_commit AFTER INSERT ON domainevententry "
                + "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION sijil_test_refuse_at_commit()");
    }

    private void stopRefusing() {
        jdbc.execute("DROP TRIGGER sijil_test_refuse_at_commit ON domainevententry");
        jdbc.execute("DROP FUNCTION sijil_test_refuse_at_commit()");
    }

    private List<String> loggedInserts() {
        return jdbc.queryForList("SELECT query FROM sijil_test_insert_query", String.class);
    }

    private String statistics() {
        return ((GroupCommitCommandBus) commandBus).statistics();
    }

    private static long runAgainAlone(String statistics) {
        return Long.parseLong(statistics.replaceAll(".*runAgainAlone=(\\d+).*", "$1"));
    }

    private static String inList(List<RegisterBirthCommand> births) {
        return String.join(",", births.stream().map(b -> "'" + b.personId() + "'").toList());
    }

}
