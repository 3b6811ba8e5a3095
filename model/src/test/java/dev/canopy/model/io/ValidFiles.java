package dev.canopy.model.io;

import dev.canopy.fixtures.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Valid example files of every format for model's own tests: snapshots among the shared
 * fixtures ({@code fixtures:snapshots/model-*}), the other formats as test resources beside
 * this class ({@code valid/...}).
 */
final class ValidFiles {
    private static final String SHARED = "fixtures:";

    private ValidFiles() {}

    /** A file path for a valid example, copied out of a jar if need be. */
    static Path path(String name) {
        if (name.startsWith(SHARED)) {
            return Fixtures.path(name.substring(SHARED.length()));
        }
        try (InputStream in = ValidFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            Path dir = Files.createTempDirectory("canopy-valid-");
            dir.toFile().deleteOnExit();
            Path copy = dir.resolve(Path.of(name).getFileName().toString());
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            copy.toFile().deleteOnExit();
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
