package org.sijil.api.rfc6962;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * C2SP signed-note verification with the JDK's Ed25519, and the C2SP tlog-checkpoint body, as the
 * specifications state them (and Go's sumdb/note implements them).
 */
public final class SignedNotes {

    /** DER header of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the raw 32-byte key follows it. */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private SignedNotes() {
    }

    /** A parsed checkpoint body. */
    public record CheckpointBody(String origin, long size, byte[] root) {
    }

    /**
     * Returns the text of {@code note} if a signature line by {@code verifierKey}
     * ({@code name+hash+base64(0x01 || key)}) verifies over it.
     *
     * @throws IllegalArgumentException if the key or note is malformed or no signature verifies
     */
    public static String verify(String note, String verifierKey) throws GeneralSecurityException {
        String[] parts = verifierKey.strip().split("\\+", 3); // base64 may itself contain +
        if (parts.length != 3) {
            throw new IllegalArgumentException("verifier key is not name+hash+key: " + verifierKey);
        }
        String name = parts[0];
        byte[] keyData = Base64.getDecoder().decode(parts[2]);
        if (keyData.length != 33 || keyData[0] != 0x01) {
            throw new IllegalArgumentException("not an Ed25519 verifier key");
        }
        byte[] keyHash = keyHash(name, keyData);
        if (!HexFormat.of().formatHex(keyHash).equals(parts[1])) {
            throw new IllegalArgumentException("verifier key hash does not match its name and key");
        }
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(
                new X509EncodedKeySpec(concat(SPKI_PREFIX, Arrays.copyOfRange(keyData, 1, 33))));

        int split = note.lastIndexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            throw new IllegalArgumentException("note has no blank line before its signatures");
        }
        String text = note.substring(0, split + 1);
        boolean verified = false;
        for (String line : note.substring(split + 2).split("\n")) {
            String prefix = "\u2014 " + name + " ";
            if (!line.startsWith(prefix)) {
                continue;
            }
            byte[] sig = Base64.getDecoder().decode(line.substring(prefix.length()));
            if (sig.length != 4 + 64 || !Arrays.equals(Arrays.copyOf(sig, 4), keyHash)) {
                continue;
            }
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(key);
            ed25519.update(text.getBytes(StandardCharsets.UTF_8));
            if (!ed25519.verify(Arrays.copyOfRange(sig, 4, sig.length))) {
                throw new IllegalArgumentException("signature by " + name + " does not verify");
            }
            verified = true;
        }
        if (!verified) {
            throw new IllegalArgumentException("no signature by " + name);
        }
        return text;
    }

    /** Parses {@code origin\nsize\nbase64(root)\n}, with no extension lines. */
    public static CheckpointBody checkpoint(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length != 4 || !lines[3].isEmpty()) {
            throw new IllegalArgumentException("checkpoint is not three lines: " + text);
        }
        byte[] root = Base64.getDecoder().decode(lines[2]);
        if (root.length != 32) {
            throw new IllegalArgumentException("root is not 32 bytes");
        }
        return new CheckpointBody(lines[0], Long.parseLong(lines[1]), root);
    }

    private static byte[] keyHash(String name, byte[] keyData) throws GeneralSecurityException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
        return Arrays.copyOf(sha.digest(keyData), 4);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
