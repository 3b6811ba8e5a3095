package dev.canopy.solver.bench;

import dev.canopy.model.Snapshot;
import dev.canopy.model.plan.Plan;
import dev.canopy.solver.PlanningProblem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Runs entrants on instances, one (instance, strategy, seed) at a time in this thread, and
 * measures every plan ({@link RunMeasurer}). Before anything is timed every entrant plans the
 * warm-up instance once, so that class loading, native libraries and the JIT's first
 * compilations are not counted. An instance is built once; its index, routing and locality
 * bound are shared by its runs. A strategy whose {@link dev.canopy.solver.Strategy#maxReceivers()}
 * is below an instance's receivers, or whose {@link SuiteStrategy#maxSeeds()} is below its seed,
 * is skipped there. After an instance's runs, each row gets its cross-traffic ratios to the
 * {@code random} row of the same instance.
 *
 * <p>Not thread-safe; one run at a time per JVM, since time and heap are measured.
 */
public final class BenchRunner {
    /** The baseline the cross-traffic ratios divide by. */
    public static final String RANDOM = "random";

    private final LocalityBoundSource bounds;
    private final BenchListener listener;
    private final List<String> notes = new ArrayList<>();

    public BenchRunner(LocalityBoundSource bounds, BenchListener listener) {
        this.bounds = bounds;
        this.listener = listener;
    }

    /**
     * Runs the benchmark.
     *
     * @param references whether instances' reference plans (e.g. deployed overlays) are measured
     */
    public BenchOutcome run(
            List<BenchInstance> instances, List<Entrant> entrants, BenchInstance warmUp, boolean references) {
        long start = System.nanoTime();
        listener.started(instances.size() * entrants.size());
        warmUp(warmUp, entrants);
        List<RunResult> results = new ArrayList<>();
        for (BenchInstance instance : instances) {
            List<RunResult> rows = runInstance(instance, entrants, references);
            results.addAll(withRandomRatios(rows));
            listener.instanceDone(List.copyOf(results));
        }
        return new BenchOutcome(results, notes, Duration.ofNanos(System.nanoTime() - start));
    }

    private void warmUp(BenchInstance instance, List<Entrant> entrants) {
        PlanningProblem problem = PlanningProblem.of(instance.build());
        int receivers = receivers(problem);
        for (Entrant entrant : entrants) {
            if (receivers > entrant.strategy().maxReceivers()) {
                note("warm-up: " + entrant.name() + " not warmed up, " + instance.name() + " is above its limit");
                continue;
            }
            try {
                entrant.strategy().plan(problem.withOptions(RunMeasurer.options(instance, entrant.spec())));
            } catch (RuntimeException e) {
                note("warm-up: " + entrant.name() + " failed on " + instance.name() + ": " + e);
            }
        }
    }

    private List<RunResult> runInstance(BenchInstance instance, List<Entrant> entrants, boolean references) {
        Snapshot snapshot = instance.build();
        PlanningProblem problem = PlanningProblem.of(snapshot);
        int receivers = receivers(problem);
        long boundStart = System.nanoTime();
        OptionalLong bound;
        try {
            bound = bounds.lowerBound(problem);
        } catch (RuntimeException e) {
            note("locality bound failed on " + instance.name() + ": " + e);
            bound = OptionalLong.empty();
        }
        double boundMs = bound.isPresent() ? (System.nanoTime() - boundStart) / 1e6 : Double.NaN;
        RunMeasurer.InstanceContext context =
                new RunMeasurer.InstanceContext(instance, problem, receivers, bound, boundMs);
        List<RunResult> rows = new ArrayList<>();
        if (references) {
            Optional<Plan> reference = instance.referencePlan(problem);
            if (reference.isPresent()) {
                RunResult row = RunMeasurer.reference(context, instance.referenceName(), reference.get());
                rows.add(row);
                listener.finished(row);
            }
        }
        for (Entrant entrant : entrants) {
            int limit = entrant.strategy().maxReceivers();
            if (instance.seed() > entrant.spec().maxSeeds()) {
                listener.skipped(
                        instance.name(),
                        entrant.name(),
                        "only the first " + entrant.spec().maxSeeds() + " seed(s)");
                continue;
            }
            if (receivers > limit) {
                String reason = String.format(Locale.ROOT, "%,d receivers, above its limit of %,d", receivers, limit);
                note(entrant.name() + " skipped on " + instance.name() + ": " + reason);
                listener.skipped(instance.name(), entrant.name(), reason);
                continue;
            }
            RunResult row = RunMeasurer.measure(context, entrant);
            if (!row.note().isEmpty()) {
                note(instance.name() + " / " + entrant.name() + ": " + row.note());
            }
            rows.add(row);
            listener.finished(row);
        }
        return rows;
    }

    private void note(String message) {
        notes.add(message);
        listener.note(message);
    }

    static int receivers(PlanningProblem problem) {
        int sum = 0;
        for (int c = 0; c < problem.index().channelCount(); c++) {
            sum += problem.index().receivers(c).length;
        }
        return sum;
    }

    /** Each row with its cross-ISP and cross-country shares over those of the random row. */
    static List<RunResult> withRandomRatios(List<RunResult> rows) {
        Optional<RunResult> random =
                rows.stream().filter(r -> r.key().strategy().equals(RANDOM)).findFirst();
        if (random.isEmpty()) {
            return rows;
        }
        RunResult.Traffic base = random.get().traffic();
        return rows.stream()
                .map(r -> r.withRandomRatios(
                        ratio(r.traffic().crossIsp(), base.crossIsp()),
                        ratio(r.traffic().crossCountry(), base.crossCountry())))
                .toList();
    }

    /** a / b; 1 when both are 0; NaN when either is unknown. */
    static double ratio(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.NaN;
        }
        if (b == 0) {
            return a == 0 ? 1 : Double.POSITIVE_INFINITY;
        }
        return a / b;
    }
}
