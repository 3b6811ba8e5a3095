package dev.canopy.model.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.utils.JsonNodes;

/**
 * Finds where a value sits in its source file: line and column of the value at a path, or of
 * the nearest enclosing value that exists (for a missing field, the object that lacks it).
 * Wraps a tree parsed with locations; keep it only as long as errors may still be reported.
 */
public final class SourceMap {
    private final String file;
    private final JsonNode root;
    private final int lineOffset;

    SourceMap(String file, JsonNode root, int lineOffset) {
        this.file = file;
        this.root = root;
        this.lineOffset = lineOffset;
    }

    /** The file name used in error lines. */
    public String file() {
        return file;
    }

    /** An error at a path, with the line and column of the value there (or its nearest parent). */
    public InputError error(FieldPath path, String message) {
        JsonNode node = root;
        JsonNode found = root;
        for (Object element : path.elements()) {
            node = element instanceof Integer i
                    ? node == null ? null : node.get(i)
                    : node == null ? null : node.get(element.toString());
            if (node == null) {
                break;
            }
            found = node;
        }
        JsonLocation location = found == null ? null : JsonNodes.tokenStreamLocationOf(found);
        if (location == null || location.getLineNr() < 1) {
            return new InputError(file, 0, 0, path, message);
        }
        return new InputError(file, location.getLineNr() + lineOffset, location.getColumnNr(), path, message);
    }

    /** An error for a semantic problem. */
    public InputError error(Problem problem) {
        return error(problem.path(), problem.message());
    }
}
