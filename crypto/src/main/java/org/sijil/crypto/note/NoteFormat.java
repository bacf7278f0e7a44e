package org.sijil.crypto.note;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.OptionalInt;

/** Rules shared by note keys and signed notes (C2SP signed-note, Go sumdb/note). */
final class NoteFormat {

    /** Signature type of Ed25519 keys: the first byte of encoded key data. */
    static final byte ALG_ED25519 = 0x01;

    /** The signature line prefix: em dash (U+2014), space. */
    static final String SIGNATURE_PREFIX = "\u2014 ";

    private NoteFormat() {
    }

    /**
     * A key name is non-empty and has no Unicode space, no plus sign (the key encodings use it as a
     * separator) and, being part of a note, no control character.
     */
    static boolean isValidName(String name) {
        if (name == null || name.isEmpty() || !isWellFormedUtf16(name)) {
            return false;
        }
        return name.codePoints().noneMatch(c -> c == '+' || Character.isWhitespace(c)
                || Character.isSpaceChar(c) || Character.isISOControl(c));
    }

    /** True unless the string holds an unpaired surrogate, which has no UTF-8 encoding. */
    static boolean isWellFormedUtf16(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** First four bytes, big-endian, of SHA-256(name || "\n" || keyData). */
    static int keyHash(String name, byte[] keyData) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
        sha256.update(name.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) '\n');
        byte[] sum = sha256.digest(keyData);
        return ((sum[0] & 0xff) << 24) | ((sum[1] & 0xff) << 16) | ((sum[2] & 0xff) << 8) | (sum[3] & 0xff);
    }

    static String hex8(int keyHash) {
        return String.format("%08x", keyHash);
    }

    /** Parses exactly eight hex digits; returns empty on anything else. */
    static OptionalInt parseHex8(String s) {
        if (s.length() != 8 || !s.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseUnsignedInt(s, 16));
    }

    /**
     * Decodes standard, padded base64 (RFC 4648 section 4) and only its canonical form, so that a
     * value has exactly one accepted spelling. Returns null if {@code s} is anything else.
     */
    static byte[] decodeBase64Strict(String s) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return Base64.getEncoder().encodeToString(decoded).equals(s) ? decoded : null;
    }

    /** Text after the first {@code sep}, or null if there is none. */
    static String[] chop(String s, char sep) {
        int i = s.indexOf(sep);
        return i < 0 ? new String[] {s, null} : new String[] {s.substring(0, i), s.substring(i + 1)};
    }
}
