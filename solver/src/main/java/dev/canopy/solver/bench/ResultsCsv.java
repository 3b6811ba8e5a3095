package dev.canopy.solver.bench;

import dev.canopy.model.io.AtomicFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code results.csv}: a header of {@link Column} names, then one row per (instance, strategy,
 * seed) in run order; RFC 4180 quoting (cells with a comma, quote or line break are quoted),
 * {@code \n} line ends. Written atomically.
 */
public final class ResultsCsv {
    private ResultsCsv() {}

    /** The header line. */
    public static String header() {
        return Arrays.stream(Column.values()).map(Column::header).collect(Collectors.joining(","));
    }

    /** The whole file. */
    public static String render(List<RunResult> rows) {
        StringBuilder out = new StringBuilder(header()).append('\n');
        for (RunResult row : rows) {
            out.append(Arrays.stream(Column.values())
                            .map(c -> quote(c.cell(row)))
                            .collect(Collectors.joining(",")))
                    .append('\n');
        }
        return out.toString();
    }

    /** Writes the file atomically. */
    public static void write(Path file, List<RunResult> rows) {
        byte[] bytes = render(rows).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
