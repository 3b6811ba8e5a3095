package dev.canopy.solver.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Medians of results over seeds and instances, for the summary table and the charts. Unknown
 * figures (NaN) are left out of a median; a median of nothing is NaN. Families and strategies
 * keep the order in which they first appear in the results. Stateless.
 */
public final class GroupMedians {
    private GroupMedians() {}

    /** What a row of the summary groups by. */
    public record GroupKey(String family, int peers, int substreams, int parity, String strategy) {}

    /** The runs of one group. */
    public record Group(GroupKey key, List<RunResult> runs) {
        public Group {
            runs = List.copyOf(runs);
        }

        /** The median of a figure over the group's runs. */
        public double median(ToDoubleFunction<RunResult> figure) {
            return GroupMedians.median(runs, figure);
        }
    }

    /**
     * Groups by (family, N, k, parity, strategy), ordered by family, N, k, parity, then
     * strategy (families and strategies in order of first appearance).
     */
    public static List<Group> byFamilyAndSize(List<RunResult> rows) {
        Map<String, Integer> families = order(rows, r -> r.key().family());
        Map<String, Integer> strategies = order(rows, r -> r.key().strategy());
        Map<GroupKey, List<RunResult>> groups = new LinkedHashMap<>();
        for (RunResult r : rows) {
            RunResult.Key k = r.key();
            groups.computeIfAbsent(
                            new GroupKey(k.family(), k.peers(), k.substreams(), k.parity(), k.strategy()),
                            x -> new ArrayList<>())
                    .add(r);
        }
        List<Group> out = new ArrayList<>();
        groups.forEach((key, runs) -> out.add(new Group(key, runs)));
        out.sort(Comparator.comparing((Group g) -> families.get(g.key().family()))
                .thenComparingInt(g -> g.key().peers())
                .thenComparingInt(g -> g.key().substreams())
                .thenComparingInt(g -> g.key().parity())
                .thenComparing(g -> strategies.get(g.key().strategy())));
        return out;
    }

    /** Median of a figure per family, then per strategy (over every size, k, parity and seed). */
    public static Map<String, Map<String, Double>> byFamilyAndStrategy(
            List<RunResult> rows, ToDoubleFunction<RunResult> figure) {
        Map<String, Map<String, List<RunResult>>> grouped = new LinkedHashMap<>();
        for (RunResult r : rows) {
            grouped.computeIfAbsent(r.key().family(), f -> new LinkedHashMap<>())
                    .computeIfAbsent(r.key().strategy(), s -> new ArrayList<>())
                    .add(r);
        }
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        grouped.forEach((family, byStrategy) -> {
            Map<String, Double> medians = new LinkedHashMap<>();
            byStrategy.forEach((strategy, runs) -> medians.put(strategy, median(runs, figure)));
            out.put(family, medians);
        });
        return out;
    }

    /** Median of a figure per strategy, then per N in increasing order (over families and seeds). */
    public static Map<String, Map<Integer, Double>> byStrategyAndPeers(
            List<RunResult> rows, ToDoubleFunction<RunResult> figure) {
        Map<String, Map<Integer, List<RunResult>>> grouped = new LinkedHashMap<>();
        for (RunResult r : rows) {
            grouped.computeIfAbsent(r.key().strategy(), s -> new TreeMap<>())
                    .computeIfAbsent(r.key().peers(), n -> new ArrayList<>())
                    .add(r);
        }
        Map<String, Map<Integer, Double>> out = new LinkedHashMap<>();
        grouped.forEach((strategy, byPeers) -> {
            Map<Integer, Double> medians = new TreeMap<>();
            byPeers.forEach((peers, runs) -> medians.put(peers, median(runs, figure)));
            out.put(strategy, medians);
        });
        return out;
    }

    /** The median of the known values of a figure; NaN when none is known. */
    public static double median(List<RunResult> runs, ToDoubleFunction<RunResult> figure) {
        double[] values = runs.stream()
                .mapToDouble(figure)
                .filter(v -> !Double.isNaN(v))
                .sorted()
                .toArray();
        if (values.length == 0) {
            return Double.NaN;
        }
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    private static Map<String, Integer> order(List<RunResult> rows, Function<RunResult, String> name) {
        Map<String, Integer> order = new LinkedHashMap<>();
        for (RunResult r : rows) {
            order.putIfAbsent(name.apply(r), order.size());
        }
        return order;
    }
}
