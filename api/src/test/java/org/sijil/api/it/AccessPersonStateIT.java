package org.sijil.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sijil.api.access.PersonStates;
import org.sijil.core.api.person.PersonState;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ministry read answers with the person as they stand after every stored event, although the
 * folded state is kept between reads ({@link PersonStates}): a read right after a residence
 * change, a death or an erasure shows it, and readers running while events are stored never go
 * back to an older state. Reads here are under a legal basis, which covers every person.
 */
class AccessPersonStateIT extends IntegrationTest {

    @Autowired
    PersonStates personStates;

    private String purpose;

    @BeforeEach
    void legalBasis() {
        purpose = "population-check-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response basis = api.post("/api/v1/admin/legal-bases", "admin", """
                {"law": "Civil Status Law No. 65 of 1972", "article": "3", "ministry": "interior",
                 "purposes": ["%s"], "categories": ["IDENTITY", "CIVIL_STATUS", "RESIDENCE"],
                 "validFrom": "2020-01-01"}
                """.formatted(purpose));
        assertThat(basis.status()).as(basis.toString()).isEqualTo(201);
    }

    private Api.Response read(String personId) {
        String nationalNumber = nationalNumberOf(personId);
        return api.get("/api/v1/ministry/persons?nationalNumber=" + nationalNumber + "&purpose=" + purpose,
                "ministry-interior");
    }

    private void moveTo(String personId, String locality, LocalDate since) {
        Api.Response r = api.post("/api/v1/persons/" + personId + "/residence-changes", "registrar-ninawa",
                "{\"residence\": {\"governorate\": \"NIN\", \"locality\": \"" + locality + "\"}, \"since\": \""
                        + since + "\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    @Test
    void aReadRightAfterAStoredEventShowsIt() {
        String person = register("registrar-ninawa", People.adultWoman("NIN"));
        Api.Response first = read(person);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().has("residence")).isFalse();
        assertThat(read(person).json().has("residence")).isFalse();

        // localities of Mosul (Ninawa)
        List<String> localities = List.of("الموصل، حي الزهور", "الموصل، حي المثنى", "الموصل، حي النور");
        for (int i = 0; i < localities.size(); i++) {
            moveTo(person, localities.get(i), LocalDate.of(2021, 1, 1).plusMonths(i));
            Api.Response r = read(person);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json().at("/residence/locality").asText()).isEqualTo(localities.get(i));
        }

        Api.Response death = api.post("/api/v1/persons/" + person + "/death", "registrar-ninawa",
                "{\"dateOfDeath\": \"2024-03-01\", \"placeOfDeath\": {\"governorate\": \"NIN\", \"locality\": \"الموصل\"}}");
        assertThat(death.status()).as(death.toString()).isEqualTo(200);
        Api.Response afterDeath = read(person);
        assertThat(afterDeath.json().at("/civilStatus/alive").asBoolean()).isFalse();
        assertThat(afterDeath.json().at("/civilStatus/dateOfDeath").asText()).isEqualTo("2024-03-01");
    }

    @Test
    void aReadRightAfterAnErasureReturnsNoneOfThePersonsData() {
        String person = register("registrar-ninawa", People.adultWoman("NIN"));
        moveTo(person, "الموصل، حي الزهور", LocalDate.of(2021, 1, 1));
        Api.Response before = read(person);
        assertThat(before.status()).as(before.toString()).isEqualTo(200);
        assertThat(before.body()).contains("زينب").contains("حي الزهور");
        assertThat(read(person).body()).contains("زينب");

        Api.Response erasure = api.post("/api/v1/persons/" + person + "/erasure", "admin",
                "{\"legalReference\": \"قرار محكمة 2025/21 بموجب قانون حماية البيانات\"}");
        assertThat(erasure.status()).as(erasure.toString()).isEqualTo(200);

        Api.Response after = read(person);
        assertThat(after.body()).doesNotContain("زينب").doesNotContain("حي الزهور");
        PersonState state = personStates.load(UUID.fromString(person), "personId");
        assertThat(state.erased()).isTrue();
        assertThat(state.name()).isNull();
        assertThat(state.residence()).isNull();
    }

    @Test
    void readersDuringWritesNeverSeeAnOlderStateThanOneTheySawOrOneStoredBeforeTheirRead() throws Exception {
        String person = register("registrar-ninawa", People.adultMan("NIN"));
        UUID id = UUID.fromString(person);
        int moves = 12;
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService readers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> seen = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                seen.add(readers.submit(() -> {
                    int last = -1;
                    int reads = 0;
                    while (writing.get()) {
                        PersonState state = personStates.load(id, "personId");
                        int move = state.residence() == null ? -1 : Integer.parseInt(
                                state.residence().locality().substring("حي ".length()));
                        assertThat(move).as("a reader went back to an older residence").isGreaterThanOrEqualTo(last);
                        last = move;
                        reads++;
                    }
                    return reads;
                }));
            }
            for (int i = 0; i < moves; i++) {
                moveTo(person, "حي " + i, LocalDate.of(2021, 1, 1).plusDays(i));
                // once the change is stored, no read may miss it: here, and through the ministry read
                assertThat(personStates.load(id, "personId").residence().locality()).isEqualTo("حي " + i);
                assertThat(read(person).json().at("/residence/locality").asText()).isEqualTo("حي " + i);
            }
            writing.set(false);
            for (Future<Integer> reader : seen) {
                assertThat(reader.get(1, TimeUnit.MINUTES)).isPositive();
            }
        } finally {
            writing.set(false);
            readers.shutdownNow();
        }
    }
}
