package org.sijil.crypto.sign;

import java.util.Base64;
import java.util.HexFormat;

/** Builds keys from fixed seeds, the way a published vector gives them. */
final class TestKeys {

    private TestKeys() {
    }

    /** An RFC 8410 PKCS#8 PEM around a 32-byte Ed25519 seed. */
    static String pkcs8Pem(byte[] seed) {
        byte[] prefix = HexFormat.of().parseHex("302e020100300506032b657004220420");
        byte[] der = new byte[prefix.length + seed.length];
        System.arraycopy(prefix, 0, der, 0, prefix.length);
        System.arraycopy(seed, 0, der, prefix.length, seed.length);
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getEncoder().encodeToString(der)
                + "\n-----END PRIVATE KEY-----\n";
    }

    /** The RFC 8032 section 7.1 TEST 1 key. */
    static SigningKey rfc8032Test1() {
        return SigningKey.fromPkcs8Pem(pkcs8Pem(HexFormat.of().parseHex(
                "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")));
    }
}
