package org.sijil.crypto.sign;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The RFC 7468 textual encoding, strict enough to reject a PEM of the wrong type and lax only
 * about surrounding whitespace and line lengths, as openssl is.
 */
final class Pem {

    private Pem() {
    }

    static String encode(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    /**
     * Returns the DER bytes of the single {@code label} block in {@code pem}.
     *
     * @throws IllegalArgumentException if {@code pem} is null, holds no such block, or its body
     *     is not base64
     */
    static byte[] decode(String label, String pem) {
        if (pem == null) {
            throw new IllegalArgumentException("PEM text is null");
        }
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int start = pem.indexOf(begin);
        int stop = pem.indexOf(end);
        if (start < 0 || stop < start) {
            throw new IllegalArgumentException("no '" + label + "' PEM block found");
        }
        if (pem.indexOf(begin, start + begin.length()) >= 0) {
            throw new IllegalArgumentException("more than one '" + label + "' PEM block");
        }
        String body = pem.substring(start + begin.length(), stop).replaceAll("\\s+", "");
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + label + "' PEM body is not valid base64", e);
        }
    }
}
