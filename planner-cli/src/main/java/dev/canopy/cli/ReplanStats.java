package dev.canopy.cli;

import dev.canopy.solver.replan.ReplanOutcome;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per event type (or {@code batch} for batches of several events): latency percentiles of applying
 * it (wall clock, including the diff) and the tree assignments it changed, as {@code canopy replan
 * --stats} prints them.
 */
final class ReplanStats {
    private final Map<String, long[]> nanos = new TreeMap<>();
    private final Map<String, long[]> edges = new TreeMap<>();
    private final Map<String, Integer> counts = new TreeMap<>();
    private int full;

    void add(String type, long elapsedNanos, ReplanOutcome outcome) {
        int n = counts.merge(type, 1, Integer::sum);
        append(nanos, type, n, elapsedNanos);
        append(edges, type, n, outcome.edgesChanged());
        append(nanos, "all", total(), elapsedNanos);
        append(edges, "all", total(), outcome.edgesChanged());
        full += outcome.recomputed() == ReplanOutcome.Recompute.NONE ? 0 : 1;
    }

    private int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static void append(Map<String, long[]> map, String key, int n, long value) {
        long[] values = map.computeIfAbsent(key, k -> new long[16]);
        if (n > values.length) {
            values = Arrays.copyOf(values, values.length * 2);
            map.put(key, values);
        }
        values[n - 1] = value;
    }

    void print(PrintWriter w) {
        w.printf(Locale.ROOT, "stats      %d full re-plans%n", full);
        w.printf(
                Locale.ROOT,
                "stats      %-10s %7s %9s %9s %9s %9s   %s%n",
                "event",
                "count",
                "p50 ms",
                "p90 ms",
                "p99 ms",
                "max ms",
                "edges changed p50 / mean / max");
        for (String type : nanos.keySet()) {
            int n = type.equals("all") ? total() : counts.get(type);
            long[] t = Arrays.copyOf(nanos.get(type), n);
            long[] e = Arrays.copyOf(edges.get(type), n);
            Arrays.sort(t);
            Arrays.sort(e);
            w.printf(
                    Locale.ROOT,
                    "stats      %-10s %7d %9.3f %9.3f %9.3f %9.3f   %d / %.2f / %d%n",
                    type,
                    n,
                    pct(t, 0.5) / 1e6,
                    pct(t, 0.9) / 1e6,
                    pct(t, 0.99) / 1e6,
                    t[n - 1] / 1e6,
                    pct(e, 0.5),
                    Arrays.stream(e).average().orElse(0),
                    e[n - 1]);
        }
    }

    private static long pct(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
    }
}
