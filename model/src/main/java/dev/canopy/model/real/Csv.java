package dev.canopy.model.real;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The comma-separated files of the data sets: a header line naming the columns, then one
 * record per line; a field may be quoted with {@code "} (a doubled quote inside stands for
 * one). Records never span lines in these files.
 */
final class Csv {
    private final Path file;
    private final Map<String, Integer> columns = new HashMap<>();
    private final int width;

    private Csv(Path file, List<String> header) {
        this.file = file;
        this.width = header.size();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).strip(), i);
        }
    }

    /** Reads the header line and checks that the required columns are there. */
    static Csv header(Path file, int line, String text, String... required) {
        Csv csv = new Csv(file, split(text.startsWith("\uFEFF") ? text.substring(1) : text));
        for (String name : required) {
            if (!csv.columns.containsKey(name)) {
                throw DataFiles.malformed(file, line, "missing column \"" + name + "\" in the header");
            }
        }
        return csv;
    }

    /** The index of a column the header named. */
    int column(String name) {
        return columns.get(name);
    }

    /** The fields of a record line, which must have as many as the header. */
    List<String> record(int line, String text) {
        List<String> fields = split(text);
        if (fields.size() != width) {
            throw DataFiles.malformed(
                    file, line, "expected " + width + " comma-separated fields, found " + fields.size());
        }
        return fields;
    }

    /** A field as a number. */
    double number(List<String> fields, int column, int line) {
        String value = fields.get(column).strip();
        try {
            double x = Double.parseDouble(value);
            if (!Double.isFinite(x)) {
                throw new NumberFormatException();
            }
            return x;
        } catch (NumberFormatException e) {
            throw DataFiles.malformed(file, line, "column " + name(column) + ": \"" + value + "\" is not a number");
        }
    }

    /** A field as a non-negative integer. */
    long count(List<String> fields, int column, int line) {
        String value = fields.get(column).strip();
        try {
            long x = Long.parseLong(value);
            if (x < 0) {
                throw new NumberFormatException();
            }
            return x;
        } catch (NumberFormatException e) {
            throw DataFiles.malformed(
                    file, line, "column " + name(column) + ": \"" + value + "\" is not a non-negative integer");
        }
    }

    /** A field that must not be blank. */
    String text(List<String> fields, int column, int line) {
        String value = fields.get(column).strip();
        if (value.isEmpty()) {
            throw DataFiles.malformed(file, line, "column " + name(column) + " is empty");
        }
        return value;
    }

    private String name(int column) {
        return columns.entrySet().stream()
                .filter(e -> e.getValue() == column)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(String.valueOf(column + 1));
    }

    /** Splits one line into fields. */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
