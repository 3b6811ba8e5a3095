package dev.canopy.model.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.networknt.schema.serialization.node.LocationJsonNodeFactoryFactory;
import com.networknt.schema.utils.JsonNodes;
import dev.canopy.model.Snapshot;
import dev.canopy.model.diff.Diff;
import dev.canopy.model.event.Event;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.policy.PolicyDocument;
import dev.canopy.model.policytest.PolicyTestFile;
import dev.canopy.model.validate.Rules;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes the five formats (and policy test files). Reading checks, in order: syntax, the {@code format}
 * tag, the format's JSON Schema, then the semantic rules (duplicate ids, dangling references,
 * cycles); every error of the file is reported, each with file, line:column and field path.
 * JSON and YAML are accepted (chosen by extension, else by content); events are JSON Lines.
 * Writing is atomic. Thread-safe: no mutable state.
 */
public final class Documents {
    private static final Pattern YAML_MARK = Pattern.compile(" in '[^']*', line (\\d+), column (\\d+):");

    private Documents() {}

    /** Reads and validates a snapshot. */
    public static Snapshot readSnapshot(Path file) {
        return read(file, FileFormat.SNAPSHOT, Snapshot.class).value();
    }

    /** Reads and validates a policy document, keeping its source for later error reports. */
    public static Parsed<PolicyDocument> readPolicies(Path file) {
        return read(file, FileFormat.POLICIES, PolicyDocument.class);
    }

    /** Reads and validates a policy test file, keeping its source for later error reports. */
    public static Parsed<PolicyTestFile> readPolicyTests(Path file) {
        return read(file, FileFormat.POLICY_TEST, PolicyTestFile.class);
    }

    /** Reads and validates a plan. */
    public static Plan readPlan(Path file) {
        return read(file, FileFormat.PLAN, Plan.class).value();
    }

    /** Reads and validates a diff. */
    public static Diff readDiff(Path file) {
        return read(file, FileFormat.DIFF, Diff.class).value();
    }

    /** Reads and validates a JSON Lines event stream; blank lines are skipped. */
    public static List<Event> readEvents(Path file) {
        String name = file.toString();
        byte[] bytes = bytes(file);
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\r?\n", -1);
        List<Event> events = new ArrayList<>();
        List<InputError> errors = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            int lineOffset = i;
            byte[] line = lines[i].getBytes(StandardCharsets.UTF_8);
            try {
                events.add(bind(name, line, Mappers.json(), FileFormat.EVENTS, Event.class, lineOffset, false));
            } catch (InputException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new InputException(errors);
        }
        return events;
    }

    /** Reads a document of the expected format. */
    public static <T> Parsed<T> read(Path file, FileFormat format, Class<T> type) {
        String name = file.toString();
        byte[] bytes = bytes(file);
        ObjectMapper mapper = mapperFor(file, bytes);
        // a valid snapshot is read node by node (fast at 10^6 nodes); anything else, and any
        // snapshot with an error, is read whole, which words every error
        Optional<T> streamed = format == FileFormat.SNAPSHOT
                ? SnapshotStream.readIfValid(bytes, mapper).map(type::cast)
                : Optional.empty();
        T value = streamed.orElseGet(() -> bind(name, bytes, mapper, format, type, 0, true));
        return new Parsed<>(value, name, () -> sourceMap(name, bytes, mapper, 0));
    }

    /**
     * Checks any file by its format tag (events by their {@code .jsonl} extension or their
     * {@code type} lines) and returns what it is.
     *
     * @throws InputException listing every error when the file is not valid
     */
    public static FileFormat validate(Path file) {
        FileFormat format = detect(file);
        if (format == FileFormat.EVENTS) {
            readEvents(file);
        } else {
            read(file, format, format.type());
        }
        return format;
    }

    /** Which format a file is in, from its tag (or, for JSON Lines, from the extension). */
    public static FileFormat detect(Path file) {
        String name = file.toString();
        byte[] bytes = bytes(file);
        if (isJsonLines(file, bytes)) {
            return FileFormat.EVENTS;
        }
        JsonNode tree = parse(name, bytes, mapperFor(file, bytes), 0);
        JsonNode tag = tree.get("format");
        if (tag == null || !tag.isTextual()) {
            throw new InputException(List.of(sourceMap(name, bytes, mapperFor(file, bytes), 0)
                    .error(
                            FieldPath.ROOT,
                            "missing required field \"format\": cannot tell which Canopy format this is")));
        }
        return FileFormat.ofTag(tag.asText())
                .orElseThrow(() -> new InputException(List.of(sourceMap(name, bytes, mapperFor(file, bytes), 0)
                        .error(
                                FieldPath.of("format"),
                                "unknown format " + tag + ": expected one of "
                                        + java.util.Arrays.stream(FileFormat.values())
                                                .map(FileFormat::tag)
                                                .toList()))));
    }

    /** Writes a document as pretty JSON (or YAML for a .yaml/.yml target), atomically. */
    public static void write(Path file, Object document) {
        ObjectMapper mapper = isYamlName(file) ? Mappers.yaml() : Mappers.json();
        // as bytes: writeValue(OutputStream) would close the stream before the final newline
        AtomicFiles.write(file, out -> {
            if (mapper == Mappers.json()) {
                out.write(Mappers.prettyJson().writeValueAsBytes(document));
                out.write('\n');
            } else {
                out.write(mapper.writeValueAsBytes(document));
            }
        });
    }

    /** Writes events as JSON Lines, atomically. */
    public static void writeEvents(Path file, List<? extends Event> events) {
        AtomicFiles.write(file, out -> {
            for (Event event : events) {
                out.write(Mappers.json().writerFor(Event.class).writeValueAsBytes(event));
                out.write('\n');
            }
        });
    }

    private static <T> T bind(
            String name,
            byte[] bytes,
            ObjectMapper mapper,
            FileFormat format,
            Class<T> type,
            int lineOffset,
            boolean tagRequired) {
        JsonNode tree = parse(name, bytes, mapper, lineOffset);
        List<Problem> problems = new ArrayList<>(tagProblems(tree, format, tagRequired));
        if (problems.isEmpty()) {
            problems.addAll(SchemaCheck.check(format, tree));
            problems.addAll(Rules.check(format, tree));
        }
        T value = null;
        if (problems.isEmpty()) {
            try {
                value = mapper.treeToValue(tree, type);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                problems.add(bindingProblem(e));
            }
        }
        if (!problems.isEmpty()) {
            SourceMap map = sourceMap(name, bytes, mapper, lineOffset);
            List<InputError> errors = new ArrayList<>();
            for (Problem problem : problems) {
                errors.add(map.error(problem));
            }
            errors.sort(Comparator.comparingInt(InputError::line).thenComparingInt(InputError::column));
            throw new InputException(errors);
        }
        return value;
    }

    private static List<Problem> tagProblems(JsonNode tree, FileFormat format, boolean required) {
        if (!tree.isObject()) {
            return List.of(new Problem(
                    FieldPath.ROOT,
                    "expected a " + format.tag() + " object, found "
                            + tree.getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        JsonNode tag = tree.get("format");
        if (tag == null) {
            return required
                    ? List.of(new Problem(
                            FieldPath.of("format"),
                            "missing required field \"format\" (expected \"" + format.tag() + "\")"))
                    : List.of();
        }
        if (!format.tag().equals(tag.asText())) {
            String found = tag.asText();
            String hint = FileFormat.ofTag(found)
                    .map(f -> " (this is a " + f.shortName() + " file)")
                    .orElse("");
            return List.of(new Problem(
                    FieldPath.of("format"), "expected format \"" + format.tag() + "\", found " + tag + hint));
        }
        return List.of();
    }

    private static Problem bindingProblem(Exception e) {
        if (e instanceof JsonMappingException mapping) {
            List<Object> path = new ArrayList<>();
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                path.add(ref.getFieldName() != null ? ref.getFieldName() : Integer.valueOf(ref.getIndex()));
            }
            String message;
            if (mapping instanceof ValueInstantiationException && mapping.getCause() != null) {
                message = mapping.getCause().getMessage();
            } else if (mapping instanceof InvalidFormatException invalid) {
                message = "bad value " + invalid.getValue() + ": " + clean(invalid.getOriginalMessage());
            } else if (mapping instanceof MismatchedInputException) {
                message = clean(mapping.getOriginalMessage());
            } else {
                message = clean(mapping.getOriginalMessage());
            }
            return new Problem(new FieldPath(path), message);
        }
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return new Problem(FieldPath.ROOT, clean(cause.getMessage()));
    }

    /**
     * A YAML parser's message names the context and the problem on lines of their own, each
     * followed by a source excerpt; keep both, without the excerpts.
     */
    private static String syntaxMessage(String original) {
        if (original == null || !YAML_MARK.matcher(original).find()) {
            return clean(original);
        }
        List<String> parts = new ArrayList<>();
        for (String line : original.split("\n")) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                parts.add(line.strip());
            }
        }
        return parts.isEmpty() ? clean(original) : String.join(": ", parts);
    }

    private static String clean(String message) {
        if (message == null) {
            return "invalid value";
        }
        int newline = message.indexOf('\n');
        String line = newline >= 0 ? message.substring(0, newline) : message;
        return line.replaceAll("\\s*\\(start marker at .*$", "")
                .replaceAll("\\s*\\(class [^)]*\\)", "")
                .replaceAll("`[a-z.]+\\.([A-Za-z$]+)`", "$1")
                .trim();
    }

    private static JsonNode parse(String name, byte[] bytes, ObjectMapper mapper, int lineOffset) {
        try {
            JsonNode tree = mapper.readTree(bytes);
            if (tree == null || tree.isMissingNode()) {
                throw InputException.ofFile(name, "the file is empty");
            }
            return tree;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null || at.getLineNr() < 1 ? 0 : at.getLineNr() + lineOffset;
            int column = at == null ? 0 : Math.max(0, at.getColumnNr());
            String original = e.getOriginalMessage();
            Matcher mark = YAML_MARK.matcher(original == null ? "" : original);
            // a YAML message marks the context, then the problem; the parser itself may be past both
            while (mark.find()) {
                line = Integer.parseInt(mark.group(1)) + lineOffset;
                column = Integer.parseInt(mark.group(2));
            }
            throw new InputException(List.of(
                    new InputError(name, line, column, FieldPath.ROOT, "syntax error: " + syntaxMessage(original))));
        } catch (IOException e) {
            throw InputException.ofFile(name, "cannot read: " + AtomicFiles.describe(e));
        }
    }

    private static SourceMap sourceMap(String name, byte[] bytes, ObjectMapper mapper, int lineOffset) {
        JsonNode located = JsonNodes.readTree(
                mapper, new ByteArrayInputStream(bytes), LocationJsonNodeFactoryFactory.getInstance());
        return new SourceMap(name, located, lineOffset);
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw InputException.ofFile(file.toString(), "no such file");
        } catch (IOException e) {
            throw InputException.ofFile(file.toString(), "cannot read: " + AtomicFiles.describe(e));
        }
    }

    private static boolean isYamlName(Path file) {
        String name =
                file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static boolean isJsonLines(Path file, byte[] bytes) {
        String name =
                file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return true;
        }
        if (name.endsWith(".json") || isYamlName(file)) {
            return false;
        }
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        int newline = text.indexOf('\n');
        String first = newline < 0 ? text : text.substring(0, newline).strip();
        return first.startsWith("{")
                && first.endsWith("}")
                && first.contains("\"type\"")
                && !first.contains("\"format\"");
    }

    private static ObjectMapper mapperFor(Path file, byte[] bytes) {
        if (isYamlName(file)) {
            return Mappers.yaml();
        }
        String name =
                file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return Mappers.json();
        }
        for (byte b : bytes) {
            if (!Character.isWhitespace(b)) {
                return b == '{' || b == '[' ? Mappers.json() : Mappers.yaml();
            }
        }
        return Mappers.json();
    }
}
