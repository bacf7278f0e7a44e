package org.sijil.crypto.sign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.sijil.crypto.files.PrivateFiles;

/**
 * The signer's store of Ed25519 keys: a directory holding one PKCS#8 PEM file per key.
 *
 * <p>Files are named {@code signing-<yyyyMMddHHmmss>-<keyId>.pem}, the time being the key's
 * creation in UTC. Names sort in creation order: a key created within the same second as the
 * newest one (or while the clock is behind it) is stamped one second after it. The newest key
 * is the active one; older keys are kept so that verifiers can still check what they signed.
 * Other files in the directory are ignored. Key files are created with permissions rw-------
 * and appear complete or not at all; the directory, if created here, gets rwx------.
 *
 * <p>One process owns a directory. An instance is thread-safe and caches the active key, so a
 * rotation made through another instance is seen after reopening. I/O failures surface as
 * {@link UncheckedIOException}; a key file whose contents do not match its name as
 * {@link IllegalStateException}. Requires a POSIX file system.
 */
public final class KeyDirectory {

    private static final Pattern KEY_FILE = Pattern.compile("signing-(\\d{14})-([0-9a-f]{16})\\.pem");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final Path dir;
    private final SecureRandom random;
    private final Clock clock;
    private SigningKey active;

    KeyDirectory(Path dir, SecureRandom random, Clock clock) {
        this.dir = dir;
        this.random = random;
        this.clock = clock;
    }

    /**
     * Opens the key directory at {@code dir}, creating it with permissions rwx------ if missing.
     * No key is generated until {@link #activeKey()} needs one.
     *
     * @param dir the directory; not null
     * @throws UncheckedIOException if the directory cannot be created
     */
    public static KeyDirectory open(Path dir) {
        Objects.requireNonNull(dir, "dir");
        try {
            PrivateFiles.createDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create key directory " + dir, e);
        }
        return new KeyDirectory(dir, new SecureRandom(), Clock.systemUTC());
    }

    /**
     * The key to sign with: the newest key in the directory. If the directory holds no key, one
     * is generated and stored first.
     */
    public synchronized SigningKey activeKey() {
        if (active == null) {
            List<Path> files = keyFiles();
            active = files.isEmpty() ? store(SigningKey.generate(random), null) : load(files.get(files.size() - 1));
        }
        return active;
    }

    /**
     * Generates and stores a new key, which becomes the active key. Older keys stay in the
     * directory and in {@link #verificationKeys()}.
     *
     * @return the new active key
     */
    public synchronized SigningKey rotate() {
        List<Path> files = keyFiles();
        active = store(SigningKey.generate(random), files.isEmpty() ? null : files.get(files.size() - 1));
        return active;
    }

    /** The verification keys of every key in the directory, oldest first. */
    public List<VerificationKey> verificationKeys() {
        List<VerificationKey> keys = new ArrayList<>();
        for (Path file : keyFiles()) {
            keys.add(load(file).verificationKey());
        }
        return List.copyOf(keys);
    }

    private SigningKey store(SigningKey key, Path newest) {
        LocalDateTime created = LocalDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC).withNano(0);
        if (newest != null) {
            Matcher m = KEY_FILE.matcher(newest.getFileName().toString());
            if (m.matches()) {
                LocalDateTime newestCreated = LocalDateTime.parse(m.group(1), STAMP);
                if (!created.isAfter(newestCreated)) {
                    created = newestCreated.plusSeconds(1);
                }
            }
        }
        Path file = dir.resolve("signing-" + STAMP.format(created) + "-" + key.keyId() + ".pem");
        try {
            PrivateFiles.writeNew(file, key.toPkcs8Pem().getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store signing key " + file, e);
        }
        return key;
    }

    private SigningKey load(Path file) {
        SigningKey key;
        try {
            key = SigningKey.fromPkcs8Pem(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read signing key " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("key file " + file + " does not hold an Ed25519 key", e);
        }
        Matcher m = KEY_FILE.matcher(file.getFileName().toString());
        if (!m.matches() || !m.group(2).equals(key.keyId())) {
            throw new IllegalStateException(
                    "key file " + file + " holds key " + key.keyId() + ", not the key its name says");
        }
        return key;
    }

    /** Key files, oldest first: the fixed-width names sort by creation time. */
    private List<Path> keyFiles() {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries
                    .filter(p -> KEY_FILE.matcher(p.getFileName().toString()).matches())
                    .filter(Files::isRegularFile)
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list key directory " + dir, e);
        }
    }

    @Override
    public String toString() {
        return "KeyDirectory[" + dir + "]";
    }
}
