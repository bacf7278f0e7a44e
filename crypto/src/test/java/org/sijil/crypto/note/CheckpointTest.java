package org.sijil.crypto.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CheckpointTest {

    private static final Properties C2SP = NoteVectors.properties("c2sp-tlog-checkpoint-example.properties");

    @Test
    void parsesTheC2spExampleBody() throws NoteException {
        Checkpoint checkpoint = Checkpoint.parse(C2SP.getProperty("body"));
        assertThat(checkpoint.origin()).isEqualTo(C2SP.getProperty("origin"));
        assertThat(checkpoint.size()).isEqualTo(Long.parseLong(C2SP.getProperty("size")));
        assertThat(checkpoint.rootHash()).isEqualTo(Base64.getDecoder().decode(C2SP.getProperty("rootHash")));
    }

    @Test
    void formatsTheC2spExampleBodyByteForByte() {
        Checkpoint checkpoint = new Checkpoint(C2SP.getProperty("origin"), Long.parseLong(C2SP.getProperty("size")),
                Base64.getDecoder().decode(C2SP.getProperty("rootHash")));
        assertThat(checkpoint.body()).isEqualTo(C2SP.getProperty("body"));
    }

    @Test
    void roundTripsThroughBody() throws NoteException {
        byte[] root = new byte[32];
        new SecureRandom().nextBytes(root);
        for (long size : new long[] {0, 1, 100_000_000L, Long.MAX_VALUE}) {
            Checkpoint checkpoint = new Checkpoint("sijil.example/log", size, root);
            assertThat(Checkpoint.parse(checkpoint.body())).isEqualTo(checkpoint);
        }
    }

    @Test
    void equalsByContentAndKeepsItsRootToItself() {
        byte[] root = new byte[32];
        Checkpoint a = new Checkpoint("o", 1, root);
        Checkpoint b = new Checkpoint("o", 1, root.clone());
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(new Checkpoint("o", 2, root));
        root[0] = 1;
        a.rootHash()[1] = 1;
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(new Checkpoint("o", 1, root));
    }

    static List<Arguments> malformedBodies() {
        return NoteVectors.malformedCheckpoints();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void rejectsMalformedBody(String description, String body) {
        NoteException e = catchThrowableOfType(NoteException.class, () -> Checkpoint.parse(body));
        assertThat(e).as(description).isNotNull();
        assertThat(e.reason()).isEqualTo(NoteException.Reason.MALFORMED_CHECKPOINT);
    }

    @Test
    void refusesToBuildACheckpointItCouldNotParse() {
        byte[] root = new byte[32];
        assertThatThrownBy(() -> new Checkpoint("", 1, root)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("a\nb", 1, root)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("o", -1, root)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("o", 1, new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signedCheckpointVerifiesAndParsesBack() throws NoteException {
        NoteSigner signer = NoteSigner.generate("sijil.example/log", new SecureRandom());
        Checkpoint checkpoint = new Checkpoint("sijil.example/log", 42, new byte[32]);
        String note = signer.sign(checkpoint.body());
        NoteVerifier verifier = NoteVerifier.fromVerifierKey(signer.verifierKey());
        assertThat(Checkpoint.parse(verifier.verify(note))).isEqualTo(checkpoint);
    }
}
