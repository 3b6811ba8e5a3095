package dev.canopy.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a parsed document against its format's JSON Schema (shipped under
 * {@code canopy/schemas/}) and words each failure as a {@link Problem}: the path of the
 * offending value and what is wrong with it.
 */
final class SchemaCheck {
    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<FileFormat, Schema> SCHEMAS = new EnumMap<>(FileFormat.class);
    private static final Map<String, Schema> DEFINITIONS = new HashMap<>();

    private SchemaCheck() {}

    private static synchronized Schema schema(FileFormat format) {
        return SCHEMAS.computeIfAbsent(
                format,
                f -> REGISTRY.getSchema(
                        SchemaLocation.of("classpath:" + f.schemaResource().substring(1))));
    }

    private static synchronized Schema definition(FileFormat format, String name) {
        return DEFINITIONS.computeIfAbsent(
                format.tag() + "#" + name,
                key -> REGISTRY.getSchema(
                        SchemaLocation.of("classpath:" + format.schemaResource().substring(1) + "#/$defs/" + name)));
    }

    /** Every schema failure of the tree, in document order, duplicates removed. */
    static List<Problem> check(FileFormat format, JsonNode tree) {
        return word(schema(format).validate(tree));
    }

    /**
     * Every failure of a tree against one definition of the format's schema ({@code $defs/name}),
     * with paths from that tree, in document order, duplicates removed.
     */
    static List<Problem> check(FileFormat format, String definition, JsonNode tree) {
        return word(definition(format, definition).validate(tree));
    }

    private static List<Problem> word(List<Error> errors) {
        Set<Problem> problems = new LinkedHashSet<>();
        for (Error error : errors) {
            problems.add(word(error));
        }
        return new ArrayList<>(problems);
    }

    private static Problem word(Error error) {
        FieldPath at = pathOf(error.getInstanceLocation());
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        Object[] args = error.getArguments() == null ? new Object[0] : error.getArguments();
        switch (keyword) {
            case "required":
                return new Problem(
                        at.field(String.valueOf(error.getProperty())),
                        "missing required field \"" + error.getProperty() + "\"");
            case "additionalProperties":
            case "unevaluatedProperties":
                return new Problem(
                        at.field(String.valueOf(error.getProperty())), "unknown field \"" + error.getProperty() + "\"");
            case "type":
                return new Problem(at, "wrong type: expected " + arg(args, 1) + ", found " + arg(args, 0));
            case "enum":
                return new Problem(at, "must be one of " + arg(args, 0) + ", found " + render(error.getInstanceNode()));
            case "const":
                return new Problem(at, "must be " + arg(args, 0) + ", found " + render(error.getInstanceNode()));
            case "pattern":
                return new Problem(at, patternMessage(at, error));
            case "minimum":
            case "exclusiveMinimum":
                return new Problem(
                        at,
                        "must be " + ("minimum".equals(keyword) ? "at least " : "greater than ") + arg(args, 0)
                                + ", found " + render(error.getInstanceNode()));
            case "maximum":
            case "exclusiveMaximum":
                return new Problem(
                        at,
                        "must be " + ("maximum".equals(keyword) ? "at most " : "less than ") + arg(args, 0) + ", found "
                                + render(error.getInstanceNode()));
            case "minLength":
                return new Problem(at, "must not be empty");
            case "maxLength":
                return new Problem(at, "is too long (at most " + arg(args, 0) + " characters)");
            case "minItems":
                return new Problem(at, "needs at least " + arg(args, 0) + " item(s)");
            case "uniqueItems":
                return new Problem(at, "has duplicate items");
            default:
                return new Problem(at, stripPath(error.getMessage()));
        }
    }

    private static String patternMessage(FieldPath at, Error error) {
        String value = render(error.getInstanceNode());
        List<Object> path = at.elements();
        Object last = path.isEmpty() ? "" : path.get(path.size() - 1);
        String schemaPattern =
                error.getSchemaNode() == null ? "" : error.getSchemaNode().asText();
        if (schemaPattern.contains("A-Za-z0-9._:-")) {
            return "bad id " + value + ": ids are 1 to 128 letters, digits, '.', '_', '-' or ':'";
        }
        if ("country".equals(last) || "countries".equals(last) || last instanceof Integer) {
            if (schemaPattern.equals("^[A-Z]{2}$")) {
                return "bad country code " + value + ": expected ISO 3166-1 alpha-2, e.g. \"DE\"";
            }
        }
        if (schemaPattern.contains("[0-9]{2}:[0-9]{2}-")) {
            return "bad hours " + value + ": expected HH:MM-HH:MM";
        }
        if (schemaPattern.startsWith("^[0-9]{4}-[0-9]{2}-[0-9]{2}T")) {
            return "bad instant " + value + ": expected ISO-8601 such as \"2026-11-21T20:00:00Z\"";
        }
        if (schemaPattern.endsWith("(/[0-9]{1,3})?$")) {
            return "bad IP prefix " + value + ": expected CIDR such as 10.0.0.0/8 or 2001:db8::/32";
        }
        return "bad value " + value + ": must match " + schemaPattern;
    }

    private static String arg(Object[] args, int i) {
        return i < args.length ? String.valueOf(args[i]) : "?";
    }

    private static String render(JsonNode node) {
        if (node == null) {
            return "nothing";
        }
        String text = node.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    private static String stripPath(String message) {
        if (message == null) {
            return "invalid value";
        }
        int colon = message.indexOf(": ");
        return message.startsWith("$") && colon > 0 ? message.substring(colon + 2) : message;
    }

    static FieldPath pathOf(NodePath path) {
        if (path == null) {
            return FieldPath.ROOT;
        }
        List<Object> elements = new ArrayList<>();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            elements.add(element instanceof Number n ? Integer.valueOf(n.intValue()) : String.valueOf(element));
        }
        return new FieldPath(elements);
    }
}
