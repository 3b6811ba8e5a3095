package dev.canopy.model.io;

/**
 * One thing wrong with an input file, printed as one line:
 * {@code file:line:column: path: message}. Line and column are 1-based; 0 means unknown and
 * is left out.
 */
public record InputError(String file, int line, int column, FieldPath path, String message) {

    public InputError {
        file = file == null ? "" : file;
        path = path == null ? FieldPath.ROOT : path;
    }

    /** An error about a whole file (unreadable, empty, unknown format). */
    public static InputError ofFile(String file, String message) {
        return new InputError(file, 0, 0, FieldPath.ROOT, message);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(file.isEmpty() ? "<input>" : file);
        if (line > 0) {
            out.append(':').append(line);
            if (column > 0) {
                out.append(':').append(column);
            }
        }
        out.append(": ");
        if (!path.elements().isEmpty()) {
            out.append(path).append(": ");
        }
        return out.append(message).toString();
    }
}
