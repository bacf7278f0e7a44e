package org.sijil.crypto.envelope;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM sealing of one field value under a data key.
 *
 * <p>Sealed format: {@code version (1 byte, 0x01) || nonce (12 bytes) || ciphertext || tag
 * (16 bytes)}. The nonce is random per call, so one data key must not seal more than about
 * 2<sup>32</sup> values (NIST SP 800-38D section 8.3); one key per person stays far below
 * that. The version byte is not authenticated on its own, but any other version is refused.
 * Thread-safe: each thread keeps one {@link Cipher} for sealing and one for opening, initialised
 * afresh with the call's key and nonce (looking up the provider's implementation costs more than
 * sealing or opening a short field, and every event seals or opens several). The JCA refuses to
 * re-initialise an encrypting GCM cipher with its last key and nonce, which only a repeated nonce
 * (sealing a published test vector twice) does; sealing then takes a new cipher for that call.
 */
public final class FieldCipher {

    /** Length in bytes of a data key. */
    static final int KEY_LENGTH = 32;
    static final byte VERSION = 0x01;
    static final int NONCE_LENGTH = 12;
    static final int TAG_LENGTH = 16;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final ThreadLocal<Cipher> ENCRYPTING = ThreadLocal.withInitial(FieldCipher::newCipher);
    private static final ThreadLocal<Cipher> DECRYPTING = ThreadLocal.withInitial(FieldCipher::newCipher);

    private FieldCipher() {
    }

    /**
     * Generates a data key.
     *
     * @param random a cryptographically strong generator; not null
     * @return 32 random bytes
     */
    public static byte[] newDataKey(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        byte[] key = new byte[KEY_LENGTH];
        random.nextBytes(key);
        return key;
    }

    /**
     * Seals {@code plaintext}.
     *
     * @param dataKey the 32-byte data key; not null
     * @param plaintext the bytes to seal; not null, may be empty
     * @param associatedData bytes authenticated but not encrypted (for example the person id and
     *     field name, so a sealed value cannot be moved to another field); not null, use an
     *     empty array for none
     * @param random the source of the 12-byte nonce; not null, cryptographically strong
     * @return {@code 0x01 || nonce || ciphertext || tag}, 29 bytes longer than {@code plaintext}
     * @throws IllegalArgumentException if {@code dataKey} is not 32 bytes
     */
    public static byte[] encrypt(byte[] dataKey, byte[] plaintext, byte[] associatedData, SecureRandom random) {
        requireKey(dataKey);
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(associatedData, "associatedData");
        Objects.requireNonNull(random, "random");
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        byte[] sealed = new byte[1 + NONCE_LENGTH + plaintext.length + TAG_LENGTH];
        sealed[0] = VERSION;
        System.arraycopy(nonce, 0, sealed, 1, NONCE_LENGTH);
        try {
            Cipher cipher = ENCRYPTING.get();
            try {
                init(cipher, Cipher.ENCRYPT_MODE, dataKey, nonce);
            } catch (InvalidAlgorithmParameterException sameKeyAndNonce) {
                cipher = newCipher();
                init(cipher, Cipher.ENCRYPT_MODE, dataKey, nonce);
            }
            cipher.updateAAD(associatedData);
            cipher.doFinal(plaintext, 0, plaintext.length, sealed, 1 + NONCE_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is unavailable", e);
        }
        return sealed;
    }

    /**
     * Opens bytes sealed by {@link #encrypt}.
     *
     * @param dataKey the 32-byte data key; not null
     * @param sealed the sealed bytes; not null
     * @param associatedData exactly the associated data given to {@link #encrypt}; not null
     * @return the plaintext
     * @throws DecryptionException if the bytes are too short, have an unknown version, or do not
     *     authenticate under this key and associated data
     * @throws IllegalArgumentException if {@code dataKey} is not 32 bytes
     */
    public static byte[] decrypt(byte[] dataKey, byte[] sealed, byte[] associatedData) throws DecryptionException {
        requireKey(dataKey);
        Objects.requireNonNull(sealed, "sealed");
        Objects.requireNonNull(associatedData, "associatedData");
        if (sealed.length < 1 + NONCE_LENGTH + TAG_LENGTH) {
            throw new DecryptionException("sealed value is " + sealed.length + " bytes, shorter than the "
                    + (1 + NONCE_LENGTH + TAG_LENGTH) + " of an empty one");
        }
        if (sealed[0] != VERSION) {
            throw new DecryptionException("unknown sealed value version " + (sealed[0] & 0xff));
        }
        byte[] nonce = Arrays.copyOfRange(sealed, 1, 1 + NONCE_LENGTH);
        try {
            Cipher cipher = DECRYPTING.get();
            init(cipher, Cipher.DECRYPT_MODE, dataKey, nonce);
            cipher.updateAAD(associatedData);
            return cipher.doFinal(sealed, 1 + NONCE_LENGTH, sealed.length - 1 - NONCE_LENGTH);
        } catch (AEADBadTagException e) {
            throw new DecryptionException("sealed value does not authenticate under this key and associated data", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is unavailable", e);
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is unavailable", e);
        }
    }

    private static void init(Cipher cipher, int mode, byte[] key, byte[] nonce) throws GeneralSecurityException {
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_LENGTH * 8, nonce));
    }

    private static void requireKey(byte[] dataKey) {
        Objects.requireNonNull(dataKey, "dataKey");
        if (dataKey.length != KEY_LENGTH) {
            throw new IllegalArgumentException("data key must be 32 bytes, got " + dataKey.length);
        }
    }
}
