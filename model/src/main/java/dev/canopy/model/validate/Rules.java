package dev.canopy.model.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canopy.model.io.FileFormat;
import dev.canopy.model.io.Mappers;
import dev.canopy.model.io.Problem;
import java.util.List;

/**
 * The semantic rules of each format, beyond what its JSON Schema says: unique ids, references
 * that resolve, regions that form a forest, and the like. They run on the parsed document, so
 * that a file with schema errors still gets its semantic errors reported in the same pass;
 * a value the schema rejected is skipped. Each check returns every problem, in document order.
 */
public final class Rules {
    private Rules() {}

    /** The problems of a parsed document of the given format. */
    public static List<Problem> check(FileFormat format, JsonNode document) {
        return switch (format) {
            case SNAPSHOT -> SnapshotRules.check(document);
            case POLICIES -> PolicyRules.check(document);
            case PLAN -> PlanRules.check(document);
            case EVENTS -> EventRules.check(document);
            case DIFF -> DiffRules.check(document);
            case POLICY_TEST -> PolicyTestRules.check(document);
        };
    }

    /**
     * The fields of a snapshot's nodes that its rules read: the rules find the same problems in
     * a snapshot whose nodes keep only these, so that a reader need not keep the rest of a
     * node's tree (see {@code SnapshotStream}).
     */
    public static List<String> snapshotNodeFields() {
        return SnapshotRules.NODE_FIELDS;
    }

    /** The problems of a document built in code (a record of the format's type). */
    public static List<Problem> checkValue(FileFormat format, Object value) {
        return check(format, Mappers.json().valueToTree(value));
    }
}
