package org.sijil.crypto.note;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Signs notes with an Ed25519 key under a name, as C2SP signed-note and Go's
 * {@code golang.org/x/mod/sumdb/note} do. Its secret key encoding,
 * {@code PRIVATE+KEY+<name>+<hash>+<base64(0x01 || seed)>}, is interchangeable with sumdb/note's.
 * Thread-safe.
 */
public final class NoteSigner {

    private final String name;
    private final byte[] seed;
    private final byte[] keyData; // 0x01 || public key
    private final int keyHash;

    private NoteSigner(String name, byte[] seed) {
        this.name = name;
        this.seed = seed;
        byte[] publicKey = Ed25519.publicKey(seed);
        this.keyData = new byte[1 + publicKey.length];
        this.keyData[0] = NoteFormat.ALG_ED25519;
        System.arraycopy(publicKey, 0, keyData, 1, publicKey.length);
        this.keyHash = NoteFormat.keyHash(name, keyData);
    }

    /**
     * Generates a new key for {@code name}.
     *
     * @param name non-empty, without spaces, plus signs or control characters; by convention the
     *             log's origin (for example {@code sijil.example.gov.iq/log})
     * @throws IllegalArgumentException if the name is not a valid key name
     */
    public static NoteSigner generate(String name, SecureRandom random) {
        requireValidName(name);
        Objects.requireNonNull(random, "random");
        return new NoteSigner(name, Ed25519.generateSeed(random));
    }

    /**
     * Reads an encoded secret key, {@code PRIVATE+KEY+<name>+<8 hex digits>+<base64(0x01 || seed)>},
     * checking that the hash matches the public key derived from the seed.
     *
     * @throws NoteException ({@link NoteException.Reason#MALFORMED_KEY}) if it does not parse or the
     *                       hash does not match
     */
    public static NoteSigner fromSecretKey(String secretKey) throws NoteException {
        if (secretKey == null || !secretKey.startsWith("PRIVATE+KEY+")) {
            throw malformed("secret key must start with PRIVATE+KEY+");
        }
        String[] nameRest = NoteFormat.chop(secretKey.substring("PRIVATE+KEY+".length()), '+');
        String[] hashData = nameRest[1] == null ? new String[] {"", null} : NoteFormat.chop(nameRest[1], '+');
        if (!NoteFormat.isValidName(nameRest[0]) || hashData[1] == null) {
            throw malformed("secret key is not PRIVATE+KEY+<name>+<hash>+<key>");
        }
        OptionalInt hash = NoteFormat.parseHex8(hashData[0]);
        byte[] data = NoteFormat.decodeBase64Strict(hashData[1]);
        if (hash.isEmpty() || data == null) {
            throw malformed("secret key hash or key data is not encoded correctly");
        }
        if (data.length != 1 + Ed25519.SEED_SIZE || data[0] != NoteFormat.ALG_ED25519) {
            throw malformed("secret key is not an Ed25519 (type 0x01) seed");
        }
        NoteSigner signer = new NoteSigner(nameRest[0], Arrays.copyOfRange(data, 1, data.length));
        if (signer.keyHash != hash.getAsInt()) {
            throw malformed("secret key hash " + hashData[0] + " does not match its key, which hashes to "
                    + NoteFormat.hex8(signer.keyHash));
        }
        return signer;
    }

    /** The encoded secret key; whoever holds it can sign as this log. */
    public String secretKey() {
        byte[] data = new byte[1 + seed.length];
        data[0] = NoteFormat.ALG_ED25519;
        System.arraycopy(seed, 0, data, 1, seed.length);
        return "PRIVATE+KEY+" + name + "+" + NoteFormat.hex8(keyHash) + "+" + Base64.getEncoder().encodeToString(data);
    }

    /**
     * The public verifier key, {@code <name>+<8 hex digits>+<base64(0x01 || public key)>}, where the
     * hex digits are the first four bytes of SHA-256(name || "\n" || 0x01 || public key).
     */
    public String verifierKey() {
        return name + "+" + NoteFormat.hex8(keyHash) + "+" + Base64.getEncoder().encodeToString(keyData);
    }

    /** A verifier for this signer's key. */
    public NoteVerifier verifier() {
        return NoteVerifier.of(name, keyHash, Arrays.copyOfRange(keyData, 1, keyData.length));
    }

    public String name() {
        return name;
    }

    /**
     * Signs {@code text} and returns the signed note: the text, a blank line, and the line
     * {@code — <name> <base64(key hash || Ed25519 signature)>}. The signature covers the UTF-8 bytes
     * of the text, final newline included.
     *
     * @param text non-empty, ending in a newline, with no control character but newline
     * @throws IllegalArgumentException if the text cannot be a note's text
     */
    public String sign(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty() || !text.endsWith("\n")) {
            throw new IllegalArgumentException("note text must be non-empty and end with a newline");
        }
        if (!NoteFormat.isWellFormedUtf16(text) || text.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            throw new IllegalArgumentException("note text must be UTF-8 without control characters but newline");
        }
        byte[] signature = Ed25519.sign(seed, text.getBytes(StandardCharsets.UTF_8));
        byte[] blob = new byte[4 + signature.length];
        blob[0] = (byte) (keyHash >>> 24);
        blob[1] = (byte) (keyHash >>> 16);
        blob[2] = (byte) (keyHash >>> 8);
        blob[3] = (byte) keyHash;
        System.arraycopy(signature, 0, blob, 4, signature.length);
        return text + "\n" + NoteFormat.SIGNATURE_PREFIX + name + " " + Base64.getEncoder().encodeToString(blob) + "\n";
    }

    /** Names the key, never the secret. */
    @Override
    public String toString() {
        return "NoteSigner[" + name + "+" + NoteFormat.hex8(keyHash) + "]";
    }

    private static void requireValidName(String name) {
        if (!NoteFormat.isValidName(name)) {
            throw new IllegalArgumentException("invalid key name: " + name);
        }
    }

    private static NoteException malformed(String message) {
        return new NoteException(NoteException.Reason.MALFORMED_KEY, message);
    }
}
