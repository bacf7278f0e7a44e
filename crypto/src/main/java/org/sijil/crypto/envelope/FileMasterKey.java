package org.sijil.crypto.envelope;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import org.sijil.crypto.files.PrivateFiles;

/**
 * A master key kept in a local file, for development and single-machine deployments.
 *
 * <p>The file holds the 32-byte AES-256 key as one line of standard base64 (RFC 4648 section
 * 4, 44 characters) followed by a newline. It is created with permissions rw------- and
 * appears complete or not at all; an existing file is never replaced, so two processes racing
 * to create it end up with the same key. Wrapping is {@link FieldCipher} under the master key,
 * with the context as associated data. The key id is the lowercase hex of the first 8 bytes of
 * SHA-256 over the 32 key bytes. Thread-safe. Requires a POSIX file system.
 */
public final class FileMasterKey implements MasterKey {


    private final byte[] key;
    private final String keyId;
    private final SecureRandom random = new SecureRandom();

    private FileMasterKey(byte[] key) {
        this.key = key;
        this.keyId = keyIdOf(key);
    }

    /**
     * Reads the master key in {@code file}, first creating the file with a new random key if it
     * does not exist. The parent directory must exist.
     *
     * @param file the key file; not null
     * @throws UncheckedIOException if the file cannot be read or created
     * @throws IllegalStateException if the file exists but does not hold a base64 32-byte key
     */
    public static FileMasterKey openOrCreate(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            if (!Files.exists(file)) {
                byte[] fresh = FieldCipher.newDataKey(new SecureRandom());
                try {
                    PrivateFiles.writeNew(file, (Base64.getEncoder().encodeToString(fresh) + "\n").getBytes(StandardCharsets.US_ASCII));
                } catch (FileAlreadyExistsException raced) {
                    // another process created it first: use theirs, read below
                } finally {
                    Arrays.fill(fresh, (byte) 0);
                }
            }
            return new FileMasterKey(read(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open master key file " + file, e);
        }
    }

    @Override
    public String keyId() {
        return keyId;
    }

    /**
     * {@inheritDoc}
     *
     * @param dataKey the data key; not null, 32 bytes
     * @throws IllegalArgumentException if {@code dataKey} is not 32 bytes
     */
    @Override
    public byte[] wrap(byte[] dataKey, byte[] context) {
        Objects.requireNonNull(dataKey, "dataKey");
        if (dataKey.length != FieldCipher.KEY_LENGTH) {
            throw new IllegalArgumentException("data key must be 32 bytes, got " + dataKey.length);
        }
        return FieldCipher.encrypt(key, dataKey, Objects.requireNonNull(context, "context"), random);
    }

    @Override
    public byte[] unwrap(byte[] wrapped, byte[] context) throws DecryptionException {
        return FieldCipher.decrypt(key, Objects.requireNonNull(wrapped, "wrapped"),
                Objects.requireNonNull(context, "context"));
    }

    @Override
    public String toString() {
        return "FileMasterKey[keyId=" + keyId + "]";
    }

    static String keyIdOf(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return HexFormat.of().formatHex(Arrays.copyOf(digest, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    private static byte[] read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("master key file " + file + " is not base64", e);
        }
        if (key.length != FieldCipher.KEY_LENGTH) {
            throw new IllegalStateException("master key file " + file + " holds " + key.length
                    + " bytes, not 32");
        }
        return key;
    }
}
