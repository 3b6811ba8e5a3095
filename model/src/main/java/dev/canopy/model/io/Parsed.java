package dev.canopy.model.io;

import java.util.function.Supplier;

/**
 * A document read from a file, with a way back to its source: later stages (policy
 * compilation against a snapshot, say) report their errors with the file's line and column.
 * The source map is built only when first asked for.
 */
public final class Parsed<T> {
    private final T value;
    private final String file;
    private final Supplier<SourceMap> sourceMap;
    private SourceMap built;

    Parsed(T value, String file, Supplier<SourceMap> sourceMap) {
        this.value = value;
        this.file = file;
        this.sourceMap = sourceMap;
    }

    /** A value that came from no file (built in code); errors name {@code origin}. */
    public static <T> Parsed<T> inMemory(T value, String origin) {
        return new Parsed<>(value, origin, () -> new SourceMap(origin, null, 0));
    }

    public T value() {
        return value;
    }

    /** The file name as given by the user. */
    public String file() {
        return file;
    }

    /** An error at a path of this document, with line and column where they can be found. */
    public synchronized InputError error(FieldPath path, String message) {
        if (built == null) {
            built = sourceMap.get();
        }
        return built.error(path, message);
    }
}
