package org.sijil.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sijil.core.api.consent.GrantConsentCommand;

/**
 * The authorisation matrix: every role against every read and write endpoint, with the status it
 * gets and whether an access event is written (counted in {@code access_history} and among the
 * stored {@code AccessRecordedEvent}s, before and after). The expectations are the rows of
 * {@code src/test/resources/authorisation-matrix.csv}; {@code docs/authorisation-matrix.md} shows the
 * same rows as a table, and {@link #theDocumentShowsThisMatrix} fails when the two differ (run with
 * {@code -Dsijil.matrix.write=true} to rewrite the document's table from the CSV).
 */
class AuthorisationMatrixIT extends ConsentBaseIT {

    static final String CSV = "/authorisation-matrix.csv";
    static final Path DOC = Path.of("..", "docs", "authorisation-matrix.md");
    static final String BEGIN = "<!-- matrix:begin (generated from api/src/test/resources/authorisation-matrix.csv) -->";
    static final String END = "<!-- matrix:end -->";

    /**
     * One cell: {@code role} calling {@code method path} gets {@code status}, writing an access event or
     * not. A path may end in a note in brackets, {@code /api/v1/births (in NIN naming a BGD mother)},
     * naming a variant of the request body; the note is not sent.
     */
    record Cell(String method, String path, String role, int status, boolean accessEvent) {

        String url() {
            int note = path.indexOf(" (");
            return note < 0 ? path : path.substring(0, note);
        }

        String note() {
            int note = path.indexOf(" (");
            return note < 0 ? "" : path.substring(note);
        }

        @Override
        public String toString() {
            return role + " " + method + " " + path + " -> " + status + (accessEvent ? " + access event" : "");
        }
    }

    /** Who each role is, and which person the role's calls name. */
    private static final Map<String, String> IDENTITIES = Map.ofEntries(
            Map.entry("anonymous", ""),
            Map.entry("registrar-in", "registrar-baghdad"),
            Map.entry("registrar-out", "registrar-ninawa"),
            Map.entry("clerk", "clerk-baghdad"),
            Map.entry("ministry-consent", "ministry-health"),
            Map.entry("ministry-legal-basis", "ministry-interior"),
            Map.entry("ministry-neither", "ministry-health"),
            Map.entry("citizen-self", "citizen-demo"),
            Map.entry("citizen-other", "citizen-demo"),
            Map.entry("auditor", "auditor"),
            Map.entry("admin", "admin"));

    /** A person in Baghdad, registered for this matrix, whom every role except citizen-self names. */
    private static String person;
    /** A woman of Baghdad, named as mother in births registered in Ninawa. */
    private static String baghdadMother;
    private static String nationalNumber;
    private static String consentedPurpose;
    private static String basisPurpose;
    private static final String NEITHER_PURPOSE = purpose("matrix-nothing");
    /** Card numbers issued by this test, each to one person: a number is never given to two. */
    private static final AtomicInteger CARDS = new AtomicInteger();

    static Stream<Cell> cells() {
        return read().stream();
    }

    @BeforeEach
    void fixture() {
        if (person != null) {
            return;
        }
        Api.Response r = api.post("/api/v1/births", "registrar-baghdad",
                People.birth("كرار", "MALE", LocalDate.of(1979, 9, 9), "BGD", null, null));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String id = r.json().get("personId").asText();
        nationalNumber = r.json().get("nationalNumber").asText();
        // the person view has the person before the matrix reads it
        assertThat(api.get("/api/v1/person-view/" + id + "?minPosition=" + r.json().get("position").asLong(),
                "registrar-baghdad").status()).isEqualTo(200);
        consentedPurpose = purpose("matrix-consent");
        consent(UUID.fromString(id), consentedPurpose);
        basisPurpose = purpose("matrix-basis");
        Api.Response basis = api.post("/api/v1/admin/legal-bases", "admin", legalBasisJson(basisPurpose));
        assertThat(basis.status()).as(basis.toString()).isEqualTo(201);
        baghdadMother = register("registrar-baghdad", People.adultWoman("BGD"));
        person = id;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void roleGetsTheStatusAndAccessRecordOfTheMatrix(Cell cell) {
        String identity = IDENTITIES.get(cell.role());
        assertThat(identity).as("a known role").isNotNull();
        boolean self = cell.role().equals("citizen-self");
        String path = cell.url()
                .replace("{person}", self ? CITIZEN : person)
                .replace("{nationalNumber}", self ? citizenNationalNumber : nationalNumber)
                .replace("{purpose}", switch (cell.role()) {
                    case "ministry-consent" -> consentedPurpose;
                    case "ministry-legal-basis" -> basisPurpose;
                    default -> NEITHER_PURPOSE;
                });
        if (path.contains("{fresh}")) {
            path = path.replace("{fresh}", register("registrar-baghdad", People.adultMan("BGD")));
        }
        if (path.contains("{consent}")) {
            // the demo citizen's own consent, or for citizen-other a consent of the matrix's person
            path = path.replace("{consent}", consent(UUID.fromString(cell.role().equals("citizen-other")
                    ? person : CITIZEN), purpose("matrix-revocable")).toString());
        }
        if (path.contains("{legalBasis}")) {
            Api.Response basis = api.post("/api/v1/admin/legal-bases", "admin", legalBasisJson(purpose("matrix")));
            assertThat(basis.status()).isEqualTo(201);
            path = path.replace("{legalBasis}", basis.json().get("legalBasisId").asText());
        }
        String body = cell.method().equals("POST") ? body(cell.path()) : null;
        String caller = identity.isEmpty() ? null : identity;

        long accesses = count("SELECT count(*) FROM access_history WHERE subject <> 'kafka-feed'");
        long accessEvents = accessEvents();
        long events = storedEvents();
        Api.Response response = body == null ? api.get(path, caller) : api.post(path, caller, body);

        assertThat(response.status()).as(cell + "\n" + response).isEqualTo(cell.status());
        long written = cell.accessEvent() ? 1 : 0;
        assertThat(count("SELECT count(*) FROM access_history WHERE subject <> 'kafka-feed'")).as("access records")
                .isEqualTo(accesses + written);
        assertThat(accessEvents()).as("stored access events").isEqualTo(accessEvents + written);
        if (cell.status() >= 400) {
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(storedEvents()).as("a refusal stores nothing but its access record").isEqualTo(events + written);
            assertThat(response.body()).doesNotContain(nationalNumber).doesNotContain(citizenNationalNumber);
        }
    }

    @Test
    void theDocumentShowsThisMatrix() throws IOException {
        String table = render(read());
        String doc = Files.readString(DOC);
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assertThat(begin).as("the document has the matrix markers").isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String updated = doc.substring(0, begin + BEGIN.length()) + "\n" + table + doc.substring(end);
        if (Boolean.getBoolean("sijil.matrix.write")) {
            Files.writeString(DOC, updated);
        }
        assertThat(doc).as("docs/authorisation-matrix.md is rendered from the CSV; rerun with "
                + "-Dsijil.matrix.write=true").isEqualTo(updated);
    }

    private long accessEvents() {
        return count("SELECT count(*) FROM domainevententry "
                + "WHERE payloadtype = 'org.sijil.core.api.AccessRecordedEvent' AND eventidentifier NOT IN "
                + "(SELECT event_id FROM access_history WHERE subject = 'kafka-feed')");
    }

    private UUID consent(UUID personId, String purpose) {
        UUID consentId = UUID.randomUUID();
        Instant now = Instant.now();
        commands.sendAndWait(new GrantConsentCommand(consentId, personId, "health", purpose, "Matrix test",
                List.of("IDENTITY", "CIVIL_STATUS"), now, inDays(30), false, "service-centre", UUID.randomUUID(),
                "IQ", "https://sijil.example/policy/consent/v1", now));
        return consentId;
    }

    private static String legalBasisJson(String purpose) {
        return """
                {"law": "Civil Status Law No. 65 of 1972", "article": "3", "ministry": "interior",
                 "purposes": ["%s"], "categories": ["CIVIL_STATUS", "RESIDENCE"], "validFrom": "2020-01-01"}
                """.formatted(purpose);
    }

    /** A valid body for each write, so that whoever is allowed succeeds and whoever is not is refused for who they are. */
    private String body(String pathTemplate) {
        String place = "{\"governorate\": \"BGD\", \"locality\": \"الكرادة\"}";
        String ninawa = "{\"governorate\": \"NIN\", \"locality\": \"الموصل\"}";
        return switch (pathTemplate) {
            case "/api/v1/births" -> People.birth("علي", "MALE", LocalDate.of(2024, 1, 1), "BGD", null, null);
            case "/api/v1/births (in NIN naming a BGD mother)" ->
                    People.birth("يونس", "MALE", LocalDate.of(2024, 1, 1), "NIN", baghdadMother, null);
            case "/api/v1/persons/{person}/name-changes" -> """
                    {"newName": {"arabic": {"given": "عمر", "father": "علي", "grandfather": "حسين",
                                 "motherGiven": "فاطمة", "maternalGrandfather": "عباس"}},
                     "effectiveDate": "2023-01-01", "legalReference": "2023/5"}""";
            case "/api/v1/persons/{person}/residence-changes" ->
                    "{\"residence\": " + place + ", \"since\": \"2024-02-01\"}";
            case "/api/v1/persons/{fresh}/residence-changes (to NIN)" ->
                    "{\"residence\": " + ninawa + ", \"since\": \"2024-02-01\"}";
            case "/api/v1/persons/{person}/id-cards" -> "{\"cardNumber\": \"MX" + (100000 + CARDS.incrementAndGet())
                    + "\", \"issuedOn\": \"2024-01-10\", \"expiresOn\": \"2034-01-10\"}";
            case "/api/v1/persons/{fresh}/death" -> "{\"dateOfDeath\": \"2024-03-01\", \"placeOfDeath\": " + place + "}";
            case "/api/v1/persons/{fresh}/death (in NIN)" ->
                    "{\"dateOfDeath\": \"2024-03-01\", \"placeOfDeath\": " + ninawa + "}";
            case "/api/v1/persons/{fresh}/erasure" -> "{\"legalReference\": \"Court order 2025/7\"}";
            case "/api/v1/marriages" -> "{\"husbandId\": \"" + register("registrar-baghdad", People.adultMan("BGD"))
                    + "\", \"wifeId\": \"" + register("registrar-baghdad", People.adultWoman("BGD"))
                    + "\", \"marriageDate\": \"2024-01-05\", \"place\": " + place + "}";
            case "/api/v1/citizens/me/consents" ->
                    grantJson("health", purpose("matrix-grant"), "\"IDENTITY\"", null, inDays(30), false);
            case "/api/v1/citizens/me/consents/{consent}/revocation" -> "{}";
            case "/api/v1/admin/legal-bases" -> legalBasisJson(purpose("matrix-new"));
            case "/api/v1/admin/legal-bases/{legalBasis}/repeal" -> "{\"repealedBy\": \"Law No. 9 of 2025\"}";
            default -> throw new AssertionError("no body for " + pathTemplate);
        };
    }

    static List<Cell> read() {
        try (InputStream in = Objects.requireNonNull(AuthorisationMatrixIT.class.getResourceAsStream(CSV), CSV);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Cell> cells = new ArrayList<>();
            boolean header = true;
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    assertThat(line).isEqualTo("method,path,role,status,accessEvent");
                    header = false;
                    continue;
                }
                String[] f = line.split(",", -1);
                assertThat(f).as(line).hasSize(5);
                assertThat(f[4]).as(line).isIn("yes", "no");
                cells.add(new Cell(f[0], f[1], f[2], Integer.parseInt(f[3]), f[4].equals("yes")));
            }
            return cells;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The matrix as a Markdown table: an endpoint per row, a role per column; ● marks an access event. */
    static String render(List<Cell> cells) {
        Set<String> roles = new LinkedHashSet<>();
        Map<String, Map<String, Cell>> rows = new LinkedHashMap<>();
        for (Cell c : cells) {
            roles.add(c.role());
            rows.computeIfAbsent(c.method() + " `" + c.url() + "`" + c.note(), k -> new LinkedHashMap<>())
                    .put(c.role(), c);
        }
        StringBuilder md = new StringBuilder("| endpoint |");
        roles.forEach(r -> md.append(' ').append(r).append(" |"));
        md.append("\n|---|");
        roles.forEach(r -> md.append("---|"));
        md.append('\n');
        rows.forEach((endpoint, byRole) -> {
            md.append("| ").append(endpoint.replace("|", "\\|")).append(" |");
            for (String role : roles) {
                Cell c = byRole.get(role);
                md.append(' ').append(c == null ? "–" : c.status() + (c.accessEvent() ? " ●" : "")).append(" |");
            }
            md.append('\n');
        });
        return md.toString();
    }
}
