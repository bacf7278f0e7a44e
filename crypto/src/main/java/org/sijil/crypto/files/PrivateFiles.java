package org.sijil.crypto.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Owner-only files and directories for secrets. Permissions are given at creation, so no
 * secret byte is ever in a file that someone else could open; files appear under their final
 * name complete or not at all, and an existing file is never replaced.
 */
public final class PrivateFiles {

    public static final Set<PosixFilePermission> OWNER_RW =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    public static final Set<PosixFilePermission> OWNER_RWX = EnumSet.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private PrivateFiles() {
    }

    /** Creates {@code dir} as rwx------ if it is missing; an existing directory is left as it is. */
    public static void createDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_RWX));
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
    }

    /**
     * Makes {@code dir} rwx------, creating it (and its parents) if it is missing; an existing
     * directory is tightened, never loosened.
     */
    public static void restrictDirectory(Path dir) throws IOException {
        createDirectory(dir);
        Files.setPosixFilePermissions(dir, OWNER_RWX);
    }

    /**
     * Makes {@code dir} and every directory under it rwx------ and every file rw-------, creating
     * {@code dir} if it is missing. For data a server writes with the process's umask: what it
     * writes later is kept from others by the directories' modes. Symbolic links are not followed.
     */
    public static void restrictTree(Path dir) throws IOException {
        restrictDirectory(dir);
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (Files.isSymbolicLink(path)) {
                    continue;
                }
                Files.setPosixFilePermissions(path, Files.isDirectory(path) ? OWNER_RWX : OWNER_RW);
            }
        }
    }

    /**
     * Writes {@code content} to a new file {@code target} with permissions rw-------.
     *
     * @throws FileAlreadyExistsException if {@code target} exists; it is left untouched
     */
    public static void writeNew(Path target, byte[] content) throws IOException {
        Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp,
                    EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(OWNER_RW))) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            // link(2) publishes the complete file atomically and, unlike rename(2), fails
            // instead of replacing a file that another process created first.
            Files.createLink(target, temp);
        } finally {
            Files.deleteIfExists(temp);
        }
        syncDirectory(target.toAbsolutePath().getParent());
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Not every platform can fsync a directory; the file itself is already durable.
        }
    }
}
