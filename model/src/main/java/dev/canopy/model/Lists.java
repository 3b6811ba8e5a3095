package dev.canopy.model;

import java.util.List;
import java.util.Optional;

/** Null-to-default helpers for record constructors, so that no record field is ever null. */
public final class Lists {
    private Lists() {}

    /** An unmodifiable copy, or the empty list for null. */
    public static <T> List<T> of(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** The value, or empty for a null reference. */
    public static <T> Optional<T> opt(Optional<T> value) {
        return value == null ? Optional.empty() : value;
    }
}
