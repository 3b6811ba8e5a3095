package dev.canopy.model.real;

import dev.canopy.model.io.FieldPath;
import dev.canopy.model.io.InputError;
import dev.canopy.model.io.InputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/**
 * Opens the files of the data directory (plain, gzip or bzip2, by extension) and turns every
 * problem into a one-line {@link InputException}: a missing file names the file and how to
 * point at the data; a malformed line names the file and the line.
 */
final class DataFiles {
    /** What is done with each line of a file; {@code number} is 1-based. */
    @FunctionalInterface
    interface LineHandler {
        void line(int number, String text);
    }

    private DataFiles() {}

    /** A file of the data directory, which must exist. */
    static Path require(Path dataDir, String relative) {
        Path file = dataDir.resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw InputException.ofFile(
                    file.toString(),
                    "no such file: the real data set is missing or incomplete (" + DataDirectory.PROPERTY + ", "
                            + DataDirectory.ENVIRONMENT + " or --data point at the data folder)");
        }
        return file;
    }

    /** Calls the handler for every line of the file, decompressing as its extension says. */
    static void eachLine(Path file, LineHandler handler) {
        try (BufferedReader reader = open(file)) {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                handler.line(++number, line);
            }
        } catch (IOException e) {
            throw InputException.ofFile(file.toString(), "cannot read: " + e.getMessage());
        }
    }

    /** A reader of the file's text (UTF-8). */
    static BufferedReader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            String name = file.getFileName().toString();
            if (name.endsWith(".gz")) {
                in = new GZIPInputStream(in, 1 << 16);
            } else if (name.endsWith(".bz2")) {
                in = new BZip2CompressorInputStream(in, true);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** A malformed line of a data file. */
    static InputException malformed(Path file, int line, String message) {
        return new InputException(List.of(new InputError(file.toString(), line, 0, FieldPath.ROOT, message)));
    }
}
