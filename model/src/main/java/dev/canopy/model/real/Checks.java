package dev.canopy.model.real;

/** Argument checks of the option records, with messages that name the option. */
final class Checks {
    private Checks() {}

    static void range(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be " + min + " to " + max + ", got " + value);
        }
    }
}
