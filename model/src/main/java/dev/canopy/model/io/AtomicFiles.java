package dev.canopy.model.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes output files so that a reader never sees half a file: the content goes to a temporary
 * file beside the target, which is then moved into place. A failed write leaves no partial
 * file behind (an existing target keeps its old content).
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** What writes the content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes the file atomically.
     *
     * @throws InputException when the target's directory does not exist or cannot be written
     */
    public static void write(Path target, Content content) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw InputException.ofFile(target.toString(), "cannot write: directory " + dir + " does not exist");
        }
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                content.writeTo(out);
            }
            permissions(temp, absolute);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw InputException.ofFile(target.toString(), "cannot write: " + describe(e));
        } catch (UncheckedIOException e) {
            throw InputException.ofFile(target.toString(), "cannot write: " + describe(e.getCause()));
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort: the temporary file is hidden and named after the target
                }
            }
        }
    }

    /**
     * Gives the new file the target's permissions when it exists, else {@code rw-r--r--}, rather
     * than the owner-only mode temporary files are created with.
     */
    private static void permissions(Path temp, Path target) throws IOException {
        if (!Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Set<PosixFilePermission> mode = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(temp, mode);
    }

    static String describe(IOException e) {
        String message = e.getMessage();
        String kind = e.getClass()
                .getSimpleName()
                .replace("Exception", "")
                .replaceAll("([a-z])([A-Z])", "$1 $2")
                .toLowerCase();
        return message == null ? kind : kind + " " + message;
    }
}
