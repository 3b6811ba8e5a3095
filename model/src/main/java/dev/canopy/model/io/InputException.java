package dev.canopy.model.io;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A user's input is wrong. Carries every error found in the file, each printable as one line;
 * the command line prints them and exits with code 3, never a stack trace.
 */
public final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<InputError> errors;

    public InputException(List<InputError> errors) {
        super(errors.stream().map(InputError::toString).collect(Collectors.joining("\n")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an input exception needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    /** One error about a place in a file. */
    public InputException(String file, FieldPath path, String message) {
        this(List.of(new InputError(file, 0, 0, path, message)));
    }

    /** One error about a whole file. */
    public static InputException ofFile(String file, String message) {
        return new InputException(List.of(InputError.ofFile(file, message)));
    }

    /** Every error, in file order. */
    public List<InputError> errors() {
        return errors;
    }
}
