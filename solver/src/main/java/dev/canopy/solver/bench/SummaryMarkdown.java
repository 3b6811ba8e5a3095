package dev.canopy.solver.bench;

import dev.canopy.model.io.AtomicFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * {@code summary.md}: the command that reproduces the run, the machine and date, one table row
 * of medians over seeds per (family, N, k, parity, strategy) (see {@link GroupMedians}), what
 * broke a rule or failed, and the notes. A dash is a figure not measured. Written atomically.
 */
public final class SummaryMarkdown {
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** The table's header, also used by the documentation. */
    public static final String TABLE_HEADER =
            "| family | N | k | n | strategy | runs | rate eff. | slot eff. | served | stranded"
                    + " | offload | cross-ISP (x random) | cross-country (x random) | locality / bound"
                    + " | depth max / median (log bound; d) | plan ms | peak MB | resilience p0 q=1/5/10 %"
                    + " | resilience p2 q=1/5/10 % | violations |";

    private SummaryMarkdown() {}

    /** Writes the file atomically. */
    public static void write(Path file, BenchReport report) {
        byte[] bytes = render(report).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** The whole file. */
    public static String render(BenchReport report) {
        StringBuilder md = new StringBuilder();
        BenchOutcome outcome = report.outcome();
        md.append("# canopy bench: ").append(report.suite()).append(" suite\n\n");
        md.append("```sh\n").append(report.command()).append("\n```\n\n");
        md.append("- Machine: ").append(report.machine().describe()).append('\n');
        md.append("- Date: ")
                .append(DATE.format(report.machine().date()))
                .append("; took ")
                .append(duration(outcome.elapsed()))
                .append('\n');
        md.append(String.format(
                Locale.ROOT,
                "- Runs: %d rows, %d with violations, %d failed%n",
                outcome.results().size(),
                outcome.withViolations().size(),
                outcome.failed().size()));
        if (!report.unregistered().isEmpty()) {
            md.append("- Not registered, skipped: ")
                    .append(String.join(", ", report.unregistered()))
                    .append('\n');
        }
        md.append('\n').append(table(outcome.results())).append('\n');
        md.append(LEGEND);
        if (!report.charts().isEmpty()) {
            md.append("\nCharts: ");
            md.append(String.join(
                    ", ",
                    report.charts().stream().map(c -> "[" + c + "](" + c + ")").toList()));
            md.append(".\n");
        }
        problems(md, outcome);
        if (!outcome.notes().isEmpty()) {
            md.append("\n## Notes\n\n");
            outcome.notes().forEach(n -> md.append("- ").append(n).append('\n'));
        }
        return md.toString();
    }

    /** The table of medians. */
    public static String table(List<RunResult> rows) {
        StringBuilder md = new StringBuilder(TABLE_HEADER).append('\n');
        md.append("|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---|---|---:|\n");
        for (GroupMedians.Group g : GroupMedians.byFamilyAndSize(rows)) {
            GroupMedians.GroupKey k = g.key();
            int violations = g.runs().stream().mapToInt(RunResult::violations).sum();
            int other = g.runs().stream().mapToInt(RunResult::otherViolations).sum();
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %,d | %d | %d | %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    k.family(),
                    k.peers(),
                    k.substreams(),
                    k.parity(),
                    k.strategy(),
                    g.runs().size(),
                    decimal(g.median(r -> r.rate().efficiency()), 3),
                    decimal(g.median(r -> r.rate().slotEfficiency()), 3),
                    percent(g.median(r -> r.traffic().served())),
                    percent(g.median(r -> r.traffic().stranded())),
                    percent(g.median(r -> r.traffic().offload())),
                    withRatio(g, r -> r.traffic().crossIsp(), r -> r.traffic().crossIspVsRandom()),
                    withRatio(
                            g, r -> r.traffic().crossCountry(), r -> r.traffic().crossCountryVsRandom()),
                    decimal(g.median(r -> r.traffic().localityOverBound()), 2),
                    depth(g),
                    millis(g.median(r -> r.cost().planMs())),
                    decimal(g.median(r -> r.cost().peakHeapMb()), 0),
                    resilience(g, 0),
                    resilience(g, 2),
                    other == 0 ? Integer.toString(violations) : violations + " (+" + other + ")"));
        }
        return md.toString();
    }

    private static final String LEGEND =
            """
            Medians over seeds. Rate eff.: the highest rate served to every receiver (but those \
            unserved at the nominal rate for rate-independent reasons), found by bisection to 0.5 %, \
            over the physical limit min(S, (S+R)/N); slot eff.: the same rate over the slot limit \
            (the highest rate at which whole substream copies of rate/k and the pairing rules let \
            any plan serve them all). Served, stranded (server rate beyond what only \
            servers may serve and peers could not carry, over N x rate), offload and cross shares at the nominal rate; x random: \
            over random's on the same instance and seed. Depth: max / median hops over (node, tree), \
            against ceil(log_d N) + 1 with d the median fan-out of interior nodes (no bound when d = 1). Plan ms: wall clock of the strategy \
            after a warm-up; peak MB: peak heap during the plan above the heap before it (an upper \
            bound). Resilience: share of surviving tree-served peers still receiving k substreams \
            after q % of the peers fail, no repair. Violations: of the nominal plans (+ of probes and \
            parity variants). Definitions: docs/benchmarks.md.
            """;

    private static void problems(StringBuilder md, BenchOutcome outcome) {
        List<RunResult> bad = outcome.withViolations();
        List<RunResult> failed = outcome.failed();
        if (bad.isEmpty() && failed.isEmpty()) {
            return;
        }
        md.append("\n## Violations and failures\n\n");
        for (RunResult r : bad) {
            md.append(String.format(
                    Locale.ROOT,
                    "- %s / %s: %d violation(s) at the nominal rate, %d in other plans. %s%n",
                    r.key().instance(),
                    r.key().strategy(),
                    r.violations(),
                    r.otherViolations(),
                    r.note()));
        }
        for (RunResult r : failed) {
            md.append("- ")
                    .append(r.key().instance())
                    .append(" / ")
                    .append(r.key().strategy())
                    .append(": ")
                    .append(r.note())
                    .append('\n');
        }
    }

    private static String withRatio(
            GroupMedians.Group g, ToDoubleFunction<RunResult> share, ToDoubleFunction<RunResult> ratio) {
        String value = percent(g.median(share));
        double vs = g.median(ratio);
        return Double.isNaN(vs) ? value : value + " (" + decimal(vs, 2) + "x)";
    }

    private static String depth(GroupMedians.Group g) {
        double max = g.median(r -> r.shape().maxDepth());
        if (Double.isNaN(max)) {
            return "-";
        }
        return decimal(max, 0) + " / " + decimal(g.median(r -> r.shape().medianDepth()), 1) + " ("
                + decimal(g.median(r -> r.shape().logBound()), 0) + "; d "
                + decimal(g.median(r -> r.shape().medianFanOut()), 1) + ")";
    }

    private static String resilience(GroupMedians.Group g, int parity) {
        double[] q = new double[RunMeasurer.FAILURE_PERCENTS.length];
        for (int i = 0; i < q.length; i++) {
            int index = i;
            q[i] = g.median(r -> r.survival().forParity(parity)[index]);
        }
        if (Double.isNaN(q[0]) && Double.isNaN(q[1]) && Double.isNaN(q[2])) {
            return "-";
        }
        return decimal(100 * q[0], 1) + " / " + decimal(100 * q[1], 1) + " / " + decimal(100 * q[2], 1);
    }

    static String percent(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }

    static String decimal(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "-";
        }
        if (Double.isInfinite(value)) {
            return "inf";
        }
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    static String millis(double ms) {
        return Double.isNaN(ms) ? "-" : decimal(ms, ms < 10 ? 1 : 0);
    }

    static String duration(Duration d) {
        long s = d.toSeconds();
        return s < 60
                ? String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0)
                : String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
}
