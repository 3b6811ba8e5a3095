package dev.canopy.solver.bench;

import dev.canopy.model.generate.CapacityMix;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The suites of {@code canopy bench}.
 *
 * <ul>
 *   <li>{@code smoke}: two families at 200 peers, k = 4, one seed, greedy and random; the test
 *       suite runs it end to end.
 *   <li>{@code quick} (under 10 minutes on 2 cores): the four families at 1,000 and 10,000
 *       peers, k = 8, parity 0 (resilience also on the parity 2 variant), 3 seeds; one
 *       four-tier instance of 100,000 peers timed only, for the scaling chart; the real
 *       networks of {@link BenchWiring} on one seed (it varies only the strategies' draws).
 *       Strategies greedy, multi-tree, coded, random, local, splitstream, exact with a 5 s
 *       limit and multi-tree+polish (Timefold) with a 30 s limit, both on the first seed and
 *       where within their receiver limits.
 *   <li>{@code full} (hours; give the JVM 8 GB or more): the four families at 1,000 to
 *       1,000,000 peers, k = 4, 8, 16, parity 0 and 2, 5 seeds (3 at 100,000 peers; 1 at
 *       1,000,000, timed and measured for resilience, without bisection); exact with 60 s on
 *       two seeds.
 * </ul>
 */
public final class Suites {
    /** The suites' names, in the order they are listed to users. */
    public static final List<String> NAMES = List.of("quick", "full", "smoke");

    private static final List<CapacityMix> FAMILIES =
            List.of(CapacityMix.FOUR_TIER, CapacityMix.LOG_NORMAL, CapacityMix.HOMOGENEOUS, CapacityMix.CRITICAL);

    private static final EnumSet<Measure> ALL = EnumSet.allOf(Measure.class);

    private Suites() {}

    /** The suite with the given name (case-insensitive). */
    public static Optional<Suite> byName(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "quick" -> Optional.of(quick());
            case "full" -> Optional.of(full());
            case "smoke" -> Optional.of(smoke());
            default -> Optional.empty();
        };
    }

    /** A few seconds: the whole pipeline on tiny instances. */
    public static Suite smoke() {
        return new Suite(
                "smoke",
                1,
                List.of(SuiteStrategy.of("greedy"), SuiteStrategy.of("random")),
                seeds -> {
                    List<BenchInstance> out = new ArrayList<>();
                    for (CapacityMix mix : List.of(CapacityMix.FOUR_TIER, CapacityMix.CRITICAL)) {
                        for (int s = 1; s <= seeds; s++) {
                            out.add(GeneratedInstance.of(mix, 200, 4, 0, s));
                        }
                    }
                    return out;
                },
                GeneratedInstance.of(CapacityMix.FOUR_TIER, 100, 4, 0, 1));
    }

    /** Under 10 minutes on 2 cores with every strategy. */
    public static Suite quick() {
        return new Suite(
                "quick",
                3,
                List.of(
                        SuiteStrategy.of("greedy"),
                        SuiteStrategy.of("multi-tree"),
                        SuiteStrategy.of("coded"),
                        SuiteStrategy.of("random"),
                        SuiteStrategy.of("local"),
                        SuiteStrategy.of("splitstream"),
                        SuiteStrategy.limited("exact", Duration.ofSeconds(5), 1),
                        SuiteStrategy.limited("multi-tree+polish", Duration.ofSeconds(30), 1)),
                seeds -> {
                    List<BenchInstance> out = new ArrayList<>();
                    for (CapacityMix mix : FAMILIES) {
                        for (int peers : new int[] {1_000, 10_000}) {
                            for (int s = 1; s <= seeds; s++) {
                                out.add(GeneratedInstance.of(mix, peers, 8, 0, s));
                            }
                        }
                    }
                    out.add(GeneratedInstance.of(
                            CapacityMix.FOUR_TIER, 100_000, 8, 0, 1, EnumSet.noneOf(Measure.class)));
                    out.addAll(BenchWiring.realInstances(1));
                    return out;
                },
                GeneratedInstance.of(CapacityMix.FOUR_TIER, 1_000, 8, 0, 1));
    }

    /** Every size, k and parity of the issue; hours. */
    public static Suite full() {
        return new Suite(
                "full",
                5,
                List.of(
                        SuiteStrategy.of("greedy"),
                        SuiteStrategy.of("multi-tree"),
                        SuiteStrategy.of("coded"),
                        SuiteStrategy.of("random"),
                        SuiteStrategy.of("local"),
                        SuiteStrategy.of("splitstream"),
                        SuiteStrategy.limited("exact", Duration.ofSeconds(60), 2)),
                seeds -> {
                    List<BenchInstance> out = new ArrayList<>();
                    for (CapacityMix mix : FAMILIES) {
                        for (int peers : new int[] {1_000, 10_000, 100_000, 1_000_000}) {
                            int instanceSeeds = peers >= 1_000_000 ? 1 : peers >= 100_000 ? Math.min(seeds, 3) : seeds;
                            EnumSet<Measure> measures = peers >= 1_000_000 ? EnumSet.of(Measure.RESILIENCE) : ALL;
                            for (int k : new int[] {4, 8, 16}) {
                                for (int parity : new int[] {0, 2}) {
                                    for (int s = 1; s <= instanceSeeds; s++) {
                                        out.add(GeneratedInstance.of(mix, peers, k, parity, s, measures));
                                    }
                                }
                            }
                        }
                    }
                    out.addAll(BenchWiring.realInstances(seeds));
                    return out;
                },
                GeneratedInstance.of(CapacityMix.FOUR_TIER, 1_000, 8, 0, 1));
    }
}
