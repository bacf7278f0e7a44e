package org.sijil.crypto.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NoteSignerVerifierTest {

    private static final Properties GO = NoteVectors.properties("sumdb-note-peterneumann.properties");
    private static final String VKEY = GO.getProperty("verifierKey");
    private static final String SKEY = GO.getProperty("secretKey");
    private static final String TEXT = GO.getProperty("text");
    private static final String SIGNED = GO.getProperty("signedNote");

    @Test
    void derivesThePublishedVerifierKeyFromThePublishedSecretKey() throws NoteException {
        NoteSigner signer = NoteSigner.fromSecretKey(SKEY);
        assertThat(signer.name()).isEqualTo(GO.getProperty("name"));
        assertThat(signer.verifierKey()).isEqualTo(VKEY);
        assertThat(signer.secretKey()).isEqualTo(SKEY);
    }

    @Test
    void signsThePublishedTextExactlyAsSumdbNoteDoes() throws NoteException {
        assertThat(NoteSigner.fromSecretKey(SKEY).sign(TEXT)).isEqualTo(SIGNED);
    }

    @Test
    void verifiesThePublishedSignedNote() throws NoteException {
        assertThat(NoteVerifier.fromVerifierKey(VKEY).verify(SIGNED)).isEqualTo(TEXT);
    }

    @Test
    void skipsASignatureByAnotherKey() throws NoteException {
        assertThat(NoteVerifier.fromVerifierKey(VKEY).verify(GO.getProperty("doublySignedNote"))).isEqualTo(TEXT);
    }

    @Test
    void rejectsEveryBitFlipAnywhereInTheSignedNote() throws NoteException {
        NoteVerifier verifier = NoteVerifier.fromVerifierKey(VKEY);
        byte[] bytes = SIGNED.getBytes(StandardCharsets.UTF_8);
        int flips = 0;
        for (int bit = 0; bit < bytes.length * 8; bit++) {
            byte[] flipped = bytes.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            String tampered = new String(flipped, StandardCharsets.UTF_8);
            assertThat(catchThrowableOfType(NoteException.class, () -> verifier.verify(tampered)))
                    .as("bit %d flipped", bit).isNotNull();
            flips++;
        }
        assertThat(flips).isEqualTo(bytes.length * 8);
    }

    @Test
    void rejectsEveryBitFlipInTheSignatureWithAnInvalidSignatureOrUnknownKey() throws NoteException {
        NoteVerifier verifier = NoteVerifier.fromVerifierKey(VKEY);
        String prefix = TEXT + "\n\u2014 PeterNeumann ";
        byte[] blob = Base64.getDecoder().decode(SIGNED.substring(prefix.length(), SIGNED.length() - 1));
        for (int bit = 0; bit < blob.length * 8; bit++) {
            byte[] flipped = blob.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            String tampered = prefix + Base64.getEncoder().encodeToString(flipped) + "\n";
            NoteException e = catchThrowableOfType(NoteException.class, () -> verifier.verify(tampered));
            assertThat(e).as("bit %d flipped", bit).isNotNull();
            // The first four bytes are the key hash: a flip there names another key.
            assertThat(e.reason()).isEqualTo(bit < 32
                    ? NoteException.Reason.NO_SIGNATURE_BY_KEY
                    : NoteException.Reason.INVALID_SIGNATURE);
        }
    }

    @Test
    void rejectsANoteSignedOnlyByAnotherKey() throws NoteException {
        NoteSigner other = NoteSigner.generate("PeterNeumann", new SecureRandom());
        NoteException e = catchThrowableOfType(NoteException.class,
                () -> NoteVerifier.fromVerifierKey(VKEY).verify(other.sign(TEXT)));
        assertThat(e.reason()).isEqualTo(NoteException.Reason.NO_SIGNATURE_BY_KEY);
    }

    @Test
    void rejectsANoteWhoseSecondSignatureByTheKeyIsBad() throws NoteException {
        String forged = SIGNED + "\u2014 PeterNeumann " + Base64.getEncoder().encodeToString(
                concat(new byte[] {(byte) 0xc7, 0x4f, 0x20, (byte) 0xa3}, new byte[64])) + "\n";
        NoteException e = catchThrowableOfType(NoteException.class,
                () -> NoteVerifier.fromVerifierKey(VKEY).verify(forged));
        assertThat(e.reason()).isEqualTo(NoteException.Reason.INVALID_SIGNATURE);
    }

    static Stream<Arguments> malformedNotes() {
        String sigLine = SIGNED.substring(TEXT.length() + 1);
        String b64 = sigLine.substring("\u2014 PeterNeumann ".length(), sigLine.length() - 1);
        return Stream.of(
                Arguments.of("no blank line", TEXT + sigLine),
                Arguments.of("no final newline", SIGNED.substring(0, SIGNED.length() - 1)),
                Arguments.of("no signature lines", TEXT + "\n"),
                Arguments.of("hyphen instead of em dash", TEXT + "\n- PeterNeumann " + b64 + "\n"),
                Arguments.of("em dash without space", TEXT + "\n\u2014PeterNeumann " + b64 + "\n"),
                Arguments.of("two spaces before signature", TEXT + "\n\u2014 PeterNeumann  " + b64 + "\n"),
                Arguments.of("unpadded base64", TEXT + "\n\u2014 PeterNeumann " + b64.replace("=", "") + "\n"),
                Arguments.of("signature shorter than five bytes", TEXT + "\n\u2014 PeterNeumann AAAAAA==\n"),
                Arguments.of("empty signature", TEXT + "\n\u2014 PeterNeumann \n"),
                Arguments.of("carriage return", SIGNED.replace("problem,\n", "problem,\r\n")),
                Arguments.of("tab in text", SIGNED.replace("If you", "If\tyou")),
                Arguments.of("lone surrogate", SIGNED.replace("If you", "If \ud800you")),
                Arguments.of("trailing text after signatures", SIGNED + "more\n"),
                Arguments.of("101 signatures", TEXT + "\n" + sigLine.repeat(101)),
                Arguments.of("empty", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedNotes")
    void rejectsMalformedNote(String description, String note) throws NoteException {
        NoteVerifier verifier = NoteVerifier.fromVerifierKey(VKEY);
        NoteException e = catchThrowableOfType(NoteException.class, () -> verifier.verify(note));
        assertThat(e).as(description).isNotNull();
        assertThat(e.reason()).isIn(NoteException.Reason.MALFORMED_NOTE, NoteException.Reason.NO_SIGNATURE_BY_KEY);
    }

    @Test
    void treatsEverythingBeforeTheLastBlankLineAsText() throws NoteException {
        // As in sumdb/note: a blank line among signature lines makes the lines above it text,
        // which the signature below it does not cover.
        String sigLine = SIGNED.substring(TEXT.length() + 1);
        NoteException e = catchThrowableOfType(NoteException.class,
                () -> NoteVerifier.fromVerifierKey(VKEY).verify(SIGNED + "\n" + sigLine));
        assertThat(e.reason()).isEqualTo(NoteException.Reason.INVALID_SIGNATURE);
    }

    @Test
    void acceptsUpToOneHundredSignatures() throws NoteException {
        String sigLine = SIGNED.substring(TEXT.length() + 1);
        assertThat(NoteVerifier.fromVerifierKey(VKEY).verify(TEXT + "\n" + sigLine.repeat(100))).isEqualTo(TEXT);
    }

    static Stream<Arguments> malformedVerifierKeys() {
        String[] parts = VKEY.split("\\+", 3);
        byte[] data = Base64.getDecoder().decode(parts[2]);
        byte[] wrongAlg = data.clone();
        wrongAlg[0] = 2;
        return Stream.of(
                Arguments.of("hash of another key", parts[0] + "+c74f20a4+" + parts[2]),
                Arguments.of("hash of another name", "PeterNeumanm+" + parts[1] + "+" + parts[2]),
                Arguments.of("seven hex digits", parts[0] + "+c74f20a+" + parts[2]),
                Arguments.of("hash not hex", parts[0] + "+c74f20ag+" + parts[2]),
                Arguments.of("no key data", parts[0] + "+" + parts[1]),
                Arguments.of("empty name", "+" + parts[1] + "+" + parts[2]),
                Arguments.of("name with space", "Peter Neumann+" + parts[1] + "+" + parts[2]),
                Arguments.of("unknown algorithm", parts[0] + "+" + parts[1] + "+" + Base64.getEncoder().encodeToString(wrongAlg)),
                Arguments.of("short key", parts[0] + "+" + parts[1] + "+" + Base64.getEncoder().encodeToString(
                        java.util.Arrays.copyOf(data, 32))),
                Arguments.of("base64url key data", parts[0] + "+" + parts[1] + "+" + parts[2].replace('/', '_')),
                Arguments.of("secret key given as verifier key", SKEY),
                Arguments.of("correctly hashed key that is not a curve point", offCurveVerifierKey()));
    }

    /** A y coordinate above the field prime, so no point on Ed25519, under a correct key hash. */
    private static String offCurveVerifierKey() {
        byte[] data = new byte[33];
        java.util.Arrays.fill(data, (byte) 0xff);
        data[0] = 0x01;
        data[32] = 0x7f;
        return "Off+" + NoteFormat.hex8(NoteFormat.keyHash("Off", data)) + "+" + Base64.getEncoder().encodeToString(data);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedVerifierKeys")
    void rejectsMalformedVerifierKey(String description, String verifierKey) {
        NoteException e = catchThrowableOfType(NoteException.class, () -> NoteVerifier.fromVerifierKey(verifierKey));
        assertThat(e).as(description).isNotNull();
        assertThat(e.reason()).isEqualTo(NoteException.Reason.MALFORMED_KEY);
    }

    @Test
    void rejectsSecretKeyWhoseHashDoesNotMatchItsKey() {
        String wrongHash = SKEY.replace("+c74f20a3+", "+c74f20a4+");
        String wrongName = SKEY.replace("+PeterNeumann+", "+PeterNeumanm+");
        for (String key : new String[] {wrongHash, wrongName, VKEY, "PRIVATE+KEY+PeterNeumann+c74f20a3"}) {
            NoteException e = catchThrowableOfType(NoteException.class, () -> NoteSigner.fromSecretKey(key));
            assertThat(e).as(key).isNotNull();
            assertThat(e.reason()).isEqualTo(NoteException.Reason.MALFORMED_KEY);
        }
    }

    @Test
    void generatedKeyRoundTripsThroughItsEncodings() throws NoteException {
        NoteSigner signer = NoteSigner.generate("sijil.example/log", new SecureRandom());
        NoteSigner reread = NoteSigner.fromSecretKey(signer.secretKey());
        assertThat(reread.verifierKey()).isEqualTo(signer.verifierKey());
        String note = reread.sign("hello\n");
        assertThat(NoteVerifier.fromVerifierKey(signer.verifierKey()).verify(note)).isEqualTo("hello\n");
        assertThat(signer.verifier().verify(note)).isEqualTo("hello\n");
        // PRIVATE+KEY+<name>+<hash>+<key data>: the key data is base64 and may itself hold a '+'
        String keyData = signer.secretKey().split("\\+", 5)[4];
        assertThat(keyData).isNotEmpty();
        assertThat(signer.toString()).doesNotContain(keyData);
    }

    @Test
    void refusesToSignTextThatCannotBeANote() throws NoteException {
        NoteSigner signer = NoteSigner.fromSecretKey(SKEY);
        assertThatThrownBy(() -> signer.sign("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signer.sign("no newline")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signer.sign("tab\there\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NoteSigner.generate("bad+name", new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NoteSigner.generate("bad name", new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signsAndVerifiesTextInArabicScript() throws NoteException {
        NoteSigner signer = NoteSigner.generate("سجل.example/log", new SecureRandom());
        String text = "سجل الأحوال المدنية\n";
        assertThat(NoteVerifier.fromVerifierKey(signer.verifierKey()).verify(signer.sign(text))).isEqualTo(text);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] result = new byte[a.length + b.length];
        System.arraycopy(a, 0, result, 0, a.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }
}
