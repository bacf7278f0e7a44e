package org.sijil.ops.verifier;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.sijil.crypto.envelope.DecryptionException;
import org.sijil.crypto.envelope.FieldCipher;
import org.sijil.crypto.note.NoteException;
import org.sijil.crypto.note.NoteVerifier;
import org.sijil.crypto.sign.KeyRing;
import org.sijil.crypto.sign.SignatureCheckException;

/**
 * The auditor's command line: {@code verify}, {@code export} and {@code reconstruct}.
 * Exit status: 0 verified, 1 a check failed (one {@code FAIL ...} line says where), 2 the command
 * could not run (bad usage, unreadable input, database unreachable) — which proves nothing.
 */
public final class VerifierCli {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int ERROR = 2;
    /** Rows fetched per round trip when the trail is read from PostgreSQL, for a baseline that reads alike. */
    public static final int FETCH_SIZE = JdbcTrail.FETCH_SIZE;

    private static final String USAGE = String.join("\n",
            "usage: java -jar sijil-verifier.jar <command> [options]",
            "",
            "  verify (--jdbc-url URL [--user U] [--password P] | --bundle FILE|DIR)",
            "         --keys keys.json --log-key VKEY|@file [--origin ORIGIN]",
            "         [--resume STATE-FILE] [--threads N] [--stop-after LEAVES] [--quiet]",
            "  export --jdbc-url URL [--user U] [--password P] --out trail.zip|DIR",
            "         [--keys keys.json] [--log-key VKEY|@file] [--with-data-keys]",
            "  reconstruct (--jdbc-url URL [--user U] [--password P] | --bundle FILE|DIR)",
            "         --keys keys.json --person UUID --as-of INSTANT [--by registration|event-time]",
            "         [--master-key master.key]",
            "",
            "Keys come from the auditor, never from the trail: keys.json is what GET /api/v1/keys",
            "published; VKEY is the log's signed-note verifier key (GET /api/v1/log/verifier-key).",
            "The database password may also be given in the environment variable PGPASSWORD.");

    private final PrintStream out;
    private final PrintStream err;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /**
     * A command line that prints to these streams instead of the process's own, for running the
     * verifier inside another program (a test, a benchmark); {@link #run} then returns the status
     * that {@link #main} would exit with.
     */
    public VerifierCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] argv) {
        System.exit(new VerifierCli(System.out, System.err).run(argv));
    }

    /** Runs one command and returns its exit status. */
    public int run(String... argv) {
        if (argv.length == 0 || argv[0].equals("help") || argv[0].equals("--help")) {
            (argv.length == 0 ? err : out).println(USAGE);
            return argv.length == 0 ? ERROR : OK;
        }
        try {
            return switch (argv[0]) {
                case "verify" -> verify(Args.parse(Args.tail(argv),
                        Set.of("jdbc-url", "user", "password", "bundle", "keys", "log-key", "origin", "resume",
                                "threads", "stop-after"),
                        Set.of("quiet")));
                case "export" -> export(Args.parse(Args.tail(argv),
                        Set.of("jdbc-url", "user", "password", "out", "keys", "log-key"), Set.of("with-data-keys")));
                case "reconstruct" -> reconstruct(Args.parse(Args.tail(argv),
                        Set.of("jdbc-url", "user", "password", "bundle", "keys", "person", "as-of", "by",
                                "master-key"),
                        Set.of()));
                default -> throw new Args.UsageException("unknown command '" + argv[0] + "'");
            };
        } catch (Args.UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return ERROR;
        } catch (TrailFailure e) {
            out.println(e.line());
            return FAILED;
        } catch (IOException | RuntimeException e) {
            err.println("error: " + e.getMessage());
            return ERROR;
        }
    }

    private int verify(Args args) throws Args.UsageException, IOException, TrailFailure {
        KeyRing keys = PublishedKeys.read(Path.of(args.require("keys")), json);
        NoteVerifier logKey = logKey(args.require("log-key"));
        String origin = args.get("origin").orElse(logKey.name());
        int threads = (int) args.longValue("threads", Runtime.getRuntime().availableProcessors(), 1);
        Path resume = args.get("resume").map(Path::of).orElse(null);
        ResumeState state = resume == null ? ResumeState.start() : ResumeState.readOrStart(resume, json);
        TrailVerifier verifier = new TrailVerifier(keys, logKey, origin, new TrailVerifier.Options(threads,
                args.longValue("stop-after", 0, 1), resume, args.flag("quiet") ? null : err, Duration.ofSeconds(2)),
                json);
        if (state.leaves() > 0) {
            err.println("resuming at leaf " + state.leaves() + " from " + resume);
        }
        try (Trail trail = openTrail(args)) {
            TrailVerifier.Summary summary = verifier.verify(trail, state);
            printSummary(summary);
        }
        return OK;
    }

    private void printSummary(TrailVerifier.Summary s) {
        out.println((s.complete() ? "OK trail verified: " : "PARTIAL trail verified up to leaf " + s.leaves() + ": ")
                + s.leaves() + " events in " + s.leaves() + " leaves, " + s.checkpoints() + " checkpoints"
                + (s.lastCheckpoint() >= 0 ? " (last at size " + s.lastCheckpoint() + ")" : ""));
        out.println("  source:      " + s.source());
        if (s.firstLeaf() > 0) {
            out.println("  resumed at:  leaf " + s.firstLeaf());
        }
        out.println("  keys used:   " + s.keysUsed().entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getValue() + " events)").collect(Collectors.joining(", ")));
        if (s.coverage() != null) {
            out.println("  event rows:  " + s.coverage().eventRows() + " (" + s.coverage().logged() + " logged, "
                    + s.coverage().pending() + " not yet sequenced"
                    + (s.coverage().sequencerKnown() ? "" : ", judged without the sequencer's position") + ")");
            out.println("  access history: " + (s.accessRows() < 0 ? "not in this trail (check it against the database)"
                    : s.accessRows() + " rows, each as its signed access event says, no access event without its row"));
        }
        out.println(String.format(Locale.ROOT, "  elapsed:     %.3f s, %d events this run, %.0f events/s",
                s.elapsed().toNanos() / 1e9, s.eventsThisRun(), s.eventsPerSecond()));
        if (!s.complete()) {
            out.println("  stopped early; run again with the same --resume file to continue");
        }
    }

    private int export(Args args) throws Args.UsageException, IOException {
        Path target = Path.of(args.require("out"));
        String keysJson = null;
        if (args.get("keys").isPresent()) {
            Path keysFile = Path.of(args.require("keys"));
            PublishedKeys.read(keysFile, json); // refuse to bundle a file that is not a key list
            keysJson = Files.readString(keysFile);
        }
        String logKey = null;
        if (args.get("log-key").isPresent()) {
            logKey = logKeyText(args.require("log-key"));
            logKey(args.require("log-key"));
        }
        try (JdbcTrail trail = openDatabase(args)) {
            Bundle.Manifest manifest = new TrailExporter(json).export(trail, target, keysJson, logKey,
                    args.flag("with-data-keys"));
            out.println("exported " + manifest.leafCount() + " leaves, " + manifest.checkpoints() + " checkpoints, "
                    + manifest.eventRows() + " event rows to " + target);
        }
        return OK;
    }

    private int reconstruct(Args args) throws Args.UsageException, IOException, TrailFailure {
        KeyRing keys = PublishedKeys.read(Path.of(args.require("keys")), json);
        UUID person;
        Instant asOf;
        try {
            person = UUID.fromString(args.require("person"));
            asOf = Instant.parse(args.require("as-of"));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new Args.UsageException("--person must be a UUID and --as-of an instant such as 2024-05-01T00:00:00Z");
        }
        PersonReconstructor.Clock clock = switch (args.get("by").orElse("registration")) {
            case "registration", "registration-time" -> PersonReconstructor.Clock.REGISTRATION;
            case "event-time", "event" -> PersonReconstructor.Clock.EVENT_TIME;
            default -> throw new Args.UsageException("--by must be registration or event-time");
        };
        Optional<byte[]> masterKey = args.get("master-key").map(Path::of).map(VerifierCli::readMasterKey);
        try (Trail trail = openTrail(args)) {
            List<Trail.StoredEvent> stored = trail.eventsOf(person.toString());
            if (stored.isEmpty()) {
                throw new IOException("no events stored for person " + person);
            }
            List<PersonReconstructor.Event> events = new ArrayList<>();
            for (Trail.StoredEvent event : stored) {
                try {
                    keys.verify(event.entry().keyId(), event.entry().encode(),
                            event.signature() == null ? new byte[0] : event.signature());
                } catch (SignatureCheckException e) {
                    throw new TrailFailure(event.leafIndex(), event.entry().eventId(),
                            e.reason() == SignatureCheckException.Reason.UNKNOWN_KEY
                                    ? "unknown key " + e.keyId() + " (not among the published keys)"
                                    : "bad signature (key " + e.keyId() + ")");
                }
                JsonNode payload = json.readTree(event.entry().payload());
                Instant registered;
                try {
                    registered = Instant.parse(event.entry().timestamp());
                } catch (DateTimeParseException e) {
                    throw new IOException("event " + event.entry().eventId() + " has timestamp '"
                            + event.entry().timestamp() + "', not an instant", e);
                }
                events.add(new PersonReconstructor.Event(event.entry().payloadType(), event.entry().eventId(),
                        event.entry().sequenceNumber(), registered, payload));
            }
            Optional<Trail.DataKeyRow> keyRow = trail.dataKey(person);
            boolean destroyed = keyRow.isPresent() && keyRow.get().wrappedKey() == null;
            byte[] dataKey = null;
            if (masterKey.isPresent() && keyRow.isPresent() && !destroyed) {
                try {
                    dataKey = FieldCipher.decrypt(masterKey.get(), keyRow.get().wrappedKey(),
                            ("sijil-data-key/" + person).getBytes(StandardCharsets.UTF_8));
                } catch (DecryptionException e) {
                    throw new IOException("the data key of " + person + " does not unwrap under this master key", e);
                }
            }
            long unlogged = stored.stream().filter(e -> e.leafIndex() < 0).count();
            for (String line : new PersonReconstructor(json, person, dataKey, destroyed)
                    .reconstruct(events, asOf, clock)) {
                out.println(line);
            }
            out.println("  signatures:      all " + stored.size() + " verified against the published keys"
                    + (unlogged > 0 ? "; " + unlogged + " not yet in the log" : ""));
            if (masterKey.isPresent() && keyRow.isEmpty()) {
                out.println("  data key:        none stored for this person");
            }
        }
        return OK;
    }

    private Trail openTrail(Args args) throws Args.UsageException, IOException {
        if (args.get("bundle").isPresent() == args.get("jdbc-url").isPresent()) {
            throw new Args.UsageException("give exactly one of --jdbc-url and --bundle");
        }
        if (args.get("bundle").isPresent()) {
            return BundleTrail.open(Path.of(args.require("bundle")), json);
        }
        return openDatabase(args);
    }

    private static JdbcTrail openDatabase(Args args) throws Args.UsageException, IOException {
        String password = args.get("password").orElse(System.getenv("PGPASSWORD"));
        return JdbcTrail.open(args.require("jdbc-url"), args.get("user").orElse(null), password);
    }

    private static String logKeyText(String value) throws IOException {
        return value.startsWith("@") ? Files.readString(Path.of(value.substring(1))).strip() : value.strip();
    }

    private static NoteVerifier logKey(String value) throws IOException {
        try {
            return NoteVerifier.fromVerifierKey(logKeyText(value));
        } catch (NoteException e) {
            throw new IOException("--log-key: " + e.getMessage(), e);
        }
    }

    /** Reads {@code data/keys/master.key}: one line of base64, 32 bytes. Never creates it. */
    private static byte[] readMasterKey(Path file) {
        try {
            byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            if (key.length != 32) {
                throw new IllegalArgumentException("master key file " + file + " holds " + key.length
                        + " bytes, not 32");
            }
            return key;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read master key file " + file + ": " + e.getMessage(), e);
        }
    }
}
