package org.sijil.api.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.UUID;
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
            createDirectory(keysDir);
            NoteSigner generated = NoteSigner.generate(origin, random);
            try {
                writeNew(file, (generated.secretKey() + "\n").getBytes(StandardCharsets.US_ASCII));
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

    private static void createDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.OWNER_EXECUTE)));
    }

    /** Writes a new rw------- file: complete under a temporary name, then linked into place. */
    private static void writeNew(Path target, byte[] content) throws IOException {
        Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp,
                    EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(
                            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)))) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            // link(2), unlike rename(2), fails rather than replace a file another process created
            Files.createLink(target, temp);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
