package dev.canopy.model.io;

/**
 * A semantic mistake found in a bound document (a dangling reference, a duplicate id, a
 * cycle): where it is and what is wrong. The reader turns problems into {@link InputError}s
 * with line and column.
 */
public record Problem(FieldPath path, String message) {}
