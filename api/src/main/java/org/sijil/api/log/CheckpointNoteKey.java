package org.sijil.api.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.sijil.crypto.files.PrivateFiles;
import org.sijil.crypto.note.NoteException;
import org.sijil.crypto.note.NoteSigner;

/**
 * The key that signs checkpoints, kept in {@code checkpoint-note.key} in the keys directory as a
 * signed-note secret key ({@code PRIVATE+KEY+<name>+<hash>+<key>}). Generated on first start, in a
 * file only the owner can read that appears complete or not at all; an existing file is never
 * replaced, so a node that loses a race with another uses the winner's key.
 */
final class CheckpointNoteKey {

    static final String FILE_NAME = "checkpoint-note.key";

    private CheckpointNoteKey() {
    }

    /**
     * Reads the key in {@code keysDir}, creating it for {@code origin} if there is none.
     *
     * @throws IllegalStateException if the file holds no valid key, or a key named other than
     *                               {@code origin} (a checkpoint's origin and its key's name agree)
     */
    static NoteSigner openOrCreate(Path keysDir, String origin, SecureRandom random) throws IOException {
        Path file = keysDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            PrivateFiles.createDirectory(keysDir);
            NoteSigner generated = NoteSigner.generate(origin, random);
            try {
                PrivateFiles.writeNew(file, (generated.secretKey() + "\n").getBytes(StandardCharsets.US_ASCII));
            } catch (FileAlreadyExistsException e) {
                // another node or process wrote it first: use theirs
            }
        }
        NoteSigner signer;
        try {
            signer = NoteSigner.fromSecretKey(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (NoteException e) {
            throw new IllegalStateException(file + " does not hold a signed-note secret key", e);
        }
        if (!signer.name().equals(origin)) {
            throw new IllegalStateException(file + " holds the key of log " + signer.name()
                    + ", but sijil.log.origin is " + origin);
        }
        return signer;
    }
}
