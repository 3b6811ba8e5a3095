package dev.canopy.model.io;

import java.util.ArrayList;
import java.util.List;

/**
 * A path to a value inside a document: field names and array indexes from the root. Printed
 * the way people write it ({@code nodes[3].region}); the root prints as {@code (root)}.
 */
public record FieldPath(List<Object> elements) {
    /** The document itself. */
    public static final FieldPath ROOT = new FieldPath(List.of());

    public FieldPath {
        elements = List.copyOf(elements);
    }

    /** A path from field names and indexes. */
    public static FieldPath of(Object... elements) {
        return new FieldPath(List.of(elements));
    }

    /** This path extended by a field name. */
    public FieldPath field(String name) {
        List<Object> next = new ArrayList<>(elements);
        next.add(name);
        return new FieldPath(next);
    }

    /** This path extended by an array index. */
    public FieldPath index(int index) {
        List<Object> next = new ArrayList<>(elements);
        next.add(index);
        return new FieldPath(next);
    }

    @Override
    public String toString() {
        if (elements.isEmpty()) {
            return "(root)";
        }
        StringBuilder out = new StringBuilder();
        for (Object element : elements) {
            if (element instanceof Integer i) {
                out.append('[').append(i).append(']');
            } else {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(element);
            }
        }
        return out.toString();
    }
}
