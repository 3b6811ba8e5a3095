package dev.canopy.model.real;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the real network data lives (the shared {@code data/} folder with one sub-folder per
 * data set, see its README.md). The data is read at run time and never copied into the
 * repository; when it is absent, tests skip and commands fail with {@link #missingMessage()}.
 *
 * <p>Looked up in this order: the system property {@value #PROPERTY}; the environment variable
 * {@value #ENVIRONMENT}; else the first ancestor {@code A} of the working directory (itself
 * included) for which {@code A/../shared/data/README.md} exists, giving {@code
 * A/../shared/data}. A property or variable that is set wins even when it names no directory
 * (then nothing is found), so that a mistake is reported rather than silently replaced.
 * Stateless and thread-safe.
 */
public final class DataDirectory {
    /** The system property that names the data directory. */
    public static final String PROPERTY = "canopy.data";

    /** The environment variable that names the data directory. */
    public static final String ENVIRONMENT = "CANOPY_DATA";

    private static final Path RELATIVE = Path.of("..", "shared", "data");

    private DataDirectory() {}

    /** The data directory, if one is configured or found. */
    public static Optional<Path> locate() {
        Optional<String> configured = configured();
        if (configured.isPresent()) {
            try {
                Path dir = Path.of(configured.get()).toAbsolutePath().normalize();
                return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
            } catch (InvalidPathException e) {
                return Optional.empty();
            }
        }
        for (Path a = Path.of("").toAbsolutePath(); a != null; a = a.getParent()) {
            Path candidate = a.resolve(RELATIVE);
            if (Files.isRegularFile(candidate.resolve("README.md"))) {
                return Optional.of(candidate.normalize());
            }
        }
        return Optional.empty();
    }

    /** One line saying what was looked for and how to point at the data. */
    public static String missingMessage() {
        Optional<String> configured = configured();
        String how = "set -D" + PROPERTY + "=DIR or " + ENVIRONMENT + "=DIR (or --data DIR) to the folder holding"
                + " p2p-live-streaming-links/, caida-asrel/, ... and README.md";
        if (configured.isPresent()) {
            String source = System.getProperty(PROPERTY) != null ? PROPERTY : ENVIRONMENT;
            return "real network data not found: " + source + " is \"" + configured.get()
                    + "\", which is not a directory; " + how;
        }
        return "real network data not found: no " + PROPERTY + " property, no " + ENVIRONMENT
                + " variable, and no ../shared/data/README.md above "
                + Path.of("").toAbsolutePath() + "; " + how;
    }

    private static Optional<String> configured() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return Optional.of(property.strip());
        }
        String variable = System.getenv(ENVIRONMENT);
        return variable != null && !variable.isBlank() ? Optional.of(variable.strip()) : Optional.empty();
    }
}
