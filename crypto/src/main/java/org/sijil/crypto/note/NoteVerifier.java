package org.sijil.crypto.note;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.OptionalInt;

/**
 * Verifies signed notes against one Ed25519 verifier key, as C2SP signed-note and Go's
 * {@code golang.org/x/mod/sumdb/note} define them. Thread-safe.
 */
public final class NoteVerifier {

    /** More signature lines than this make a note malformed (as in sumdb/note). */
    static final int MAX_SIGNATURES = 100;

    private final String name;
    private final int keyHash;
    private final byte[] publicKey;

    private NoteVerifier(String name, int keyHash, byte[] publicKey) {
        this.name = name;
        this.keyHash = keyHash;
        this.publicKey = publicKey;
    }

    static NoteVerifier of(String name, int keyHash, byte[] publicKey) {
        return new NoteVerifier(name, keyHash, publicKey.clone());
    }

    /**
     * Reads a verifier key, {@code <name>+<8 hex digits>+<base64(0x01 || public key)>}, and checks
     * that the hex digits are the first four bytes of SHA-256(name || "\n" || 0x01 || public key).
     *
     * @throws NoteException ({@link NoteException.Reason#MALFORMED_KEY}) if the key does not parse,
     *                       is not an Ed25519 key, or its hash is wrong
     */
    public static NoteVerifier fromVerifierKey(String verifierKey) throws NoteException {
        if (verifierKey == null) {
            throw malformed("verifier key is null");
        }
        String[] nameRest = NoteFormat.chop(verifierKey, '+');
        String[] hashData = nameRest[1] == null ? new String[] {"", null} : NoteFormat.chop(nameRest[1], '+');
        if (!NoteFormat.isValidName(nameRest[0]) || hashData[1] == null) {
            throw malformed("verifier key is not <name>+<hash>+<key>");
        }
        OptionalInt hash = NoteFormat.parseHex8(hashData[0]);
        byte[] data = NoteFormat.decodeBase64Strict(hashData[1]);
        if (hash.isEmpty() || data == null) {
            throw malformed("verifier key hash or key data is not encoded correctly");
        }
        if (data.length != 1 + Ed25519.PUBLIC_KEY_SIZE || data[0] != NoteFormat.ALG_ED25519) {
            throw malformed("verifier key is not an Ed25519 (type 0x01) key");
        }
        int computed = NoteFormat.keyHash(nameRest[0], data);
        if (computed != hash.getAsInt()) {
            throw malformed("verifier key hash " + hashData[0] + " does not match its key, which hashes to "
                    + NoteFormat.hex8(computed));
        }
        byte[] publicKey = Arrays.copyOfRange(data, 1, data.length);
        if (!Ed25519.isValidPublicKey(publicKey)) {
            throw malformed("verifier key is not a point on Ed25519");
        }
        return new NoteVerifier(nameRest[0], computed, publicKey);
    }

    public String name() {
        return name;
    }

    /**
     * Returns the text of {@code signedNote} if it carries a valid signature by this key.
     *
     * <p>The note must be well formed: no control character but newline, text ending in a
     * newline, a blank line, then 1 to {@value #MAX_SIGNATURES} lines
     * {@code — <name> <base64(key hash || signature)>}, each ending in a newline, in canonical
     * padded base64. Signature lines by other keys (for example witness cosignatures) are skipped;
     * every line that names this key's name and hash must verify.
     *
     * @throws NoteException if the note is malformed ({@link NoteException.Reason#MALFORMED_NOTE}),
     *                       has no signature by this key ({@link NoteException.Reason#NO_SIGNATURE_BY_KEY})
     *                       or has one that does not verify ({@link NoteException.Reason#INVALID_SIGNATURE})
     */
    public String verify(String signedNote) throws NoteException {
        if (signedNote == null || !NoteFormat.isWellFormedUtf16(signedNote)) {
            throw malformedNote("note is not well-formed UTF-8");
        }
        if (signedNote.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            throw malformedNote("note contains a control character other than newline");
        }
        int split = signedNote.lastIndexOf("\n\n");
        if (split < 0) {
            throw malformedNote("note has no blank line before its signatures");
        }
        String text = signedNote.substring(0, split + 1);
        String signatures = signedNote.substring(split + 2);
        if (signatures.isEmpty() || !signatures.endsWith("\n")) {
            throw malformedNote("note's signature block is empty or does not end in a newline");
        }
        byte[] textBytes = text.getBytes(StandardCharsets.UTF_8);
        String[] lines = signatures.substring(0, signatures.length() - 1).split("\n", -1);
        if (lines.length > MAX_SIGNATURES) {
            throw malformedNote("note has more than " + MAX_SIGNATURES + " signatures");
        }
        boolean verified = false;
        for (String line : lines) {
            if (!line.startsWith(NoteFormat.SIGNATURE_PREFIX)) {
                throw malformedNote("signature line does not start with an em dash and a space");
            }
            String[] nameSig = NoteFormat.chop(line.substring(NoteFormat.SIGNATURE_PREFIX.length()), ' ');
            byte[] blob = nameSig[1] == null ? null : NoteFormat.decodeBase64Strict(nameSig[1]);
            if (!NoteFormat.isValidName(nameSig[0]) || blob == null || blob.length < 5) {
                throw malformedNote("signature line is not '— <name> <base64 signature>'");
            }
            int hash = ((blob[0] & 0xff) << 24) | ((blob[1] & 0xff) << 16) | ((blob[2] & 0xff) << 8) | (blob[3] & 0xff);
            if (!nameSig[0].equals(name) || hash != keyHash) {
                continue; // another key's signature
            }
            byte[] signature = Arrays.copyOfRange(blob, 4, blob.length);
            if (!Ed25519.verify(publicKey, textBytes, signature)) {
                throw new NoteException(NoteException.Reason.INVALID_SIGNATURE,
                        "signature by " + name + "+" + NoteFormat.hex8(keyHash) + " does not verify");
            }
            verified = true;
        }
        if (!verified) {
            throw new NoteException(NoteException.Reason.NO_SIGNATURE_BY_KEY,
                    "note has no signature by " + name + "+" + NoteFormat.hex8(keyHash));
        }
        return text;
    }

    @Override
    public String toString() {
        return "NoteVerifier[" + name + "+" + NoteFormat.hex8(keyHash) + "]";
    }

    private static NoteException malformed(String message) {
        return new NoteException(NoteException.Reason.MALFORMED_KEY, message);
    }

    private static NoteException malformedNote(String message) {
        return new NoteException(NoteException.Reason.MALFORMED_NOTE, message);
    }
}
