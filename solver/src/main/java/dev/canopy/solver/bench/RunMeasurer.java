package dev.canopy.solver.bench;

import dev.canopy.model.Channel;
import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Plan;
import dev.canopy.policies.verify.ChannelMetrics;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.policies.verify.Verification;
import dev.canopy.solver.PlanOptions;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.Strategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Measures one run: times the strategy's plan on the nominal instance, verifies it, takes its
 * figures and, where the instance asks for them, bisects the rate and fails peers. Only the
 * call to {@code strategy.plan} is timed.
 */
final class RunMeasurer {
    static final double[] FAILURE_PERCENTS = {1, 5, 10};
    static final int[] PARITIES = {0, 2};

    /** What is measured once per instance and shared by its runs. */
    record InstanceContext(
            BenchInstance instance, PlanningProblem problem, int receivers, OptionalLong bound, double boundMs) {}

    private RunMeasurer() {}

    static PlanOptions options(BenchInstance instance, SuiteStrategy spec) {
        PlanOptions options = PlanOptions.defaults().withSeed(instance.seed());
        return spec.timeLimit().map(options::withTimeLimit).orElse(options);
    }

    static RunResult measure(InstanceContext context, Entrant entrant) {
        BenchInstance instance = context.instance();
        RunResult.Key key = RunResult.Key.of(instance, entrant.name());
        PlanningProblem problem = context.problem().withOptions(options(instance, entrant.spec()));
        Strategy strategy = entrant.strategy();
        PeakHeap.Mark mark = PeakHeap.start();
        long start = System.nanoTime();
        Plan plan;
        try {
            plan = strategy.plan(problem);
        } catch (RuntimeException e) {
            return RunResult.failed(key, context.receivers(), "plan failed: " + e);
        }
        double planMs = (System.nanoTime() - start) / 1e6;
        double peakMb = mark.peakAboveBaselineBytes() / (double) (1 << 20);
        Verification verification = PlanVerifier.verify(problem.routing(), plan);

        List<String> notes = new ArrayList<>();
        int otherViolations = 0;
        RunResult.Rate rate = nominalRate(problem, verification, plan);
        if (instance.measures().contains(Measure.RATE_EFFICIENCY)
                && problem.snapshot().channels().size() == 1) {
            RateBisection.Outcome bisection = RateBisection.measure(strategy, problem, plan, verification);
            rate = bisection.rate();
            otherViolations += bisection.violations();
            notes.addAll(bisection.notes());
        }
        RunResult.Survival survival = RunResult.Survival.NONE;
        if (instance.measures().contains(Measure.RESILIENCE)) {
            Survived survived = survival(strategy, problem, plan, notes);
            survival = survived.survival;
            otherViolations += survived.violations;
        }
        firstViolation(verification).ifPresent(notes::add);
        return new RunResult(
                key,
                context.receivers(),
                rate,
                PlanFigures.traffic(problem.index(), plan, verification.metrics(), context.bound()),
                TreeShape.of(problem.index(), plan, context.receivers()),
                new RunResult.Cost(planMs, peakMb, context.boundMs()),
                survival,
                verification.violations().size(),
                otherViolations,
                String.join("; ", notes));
    }

    /** A reference plan (e.g. a deployed overlay): verified and measured, neither timed nor probed. */
    static RunResult reference(InstanceContext context, String name, Plan plan) {
        PlanningProblem problem = context.problem();
        Verification verification = PlanVerifier.verify(problem.routing(), plan);
        return new RunResult(
                RunResult.Key.of(context.instance(), name),
                context.receivers(),
                nominalRate(problem, verification, plan),
                PlanFigures.traffic(problem.index(), plan, verification.metrics(), context.bound()),
                TreeShape.of(problem.index(), plan, context.receivers()),
                new RunResult.Cost(Double.NaN, Double.NaN, context.boundMs()),
                RunResult.Survival.NONE,
                verification.violations().size(),
                0,
                firstViolation(verification).orElse(""));
    }

    /** The nominal rate and the limits of a one-channel snapshot, without bisection. */
    private static RunResult.Rate nominalRate(PlanningProblem problem, Verification verification, Plan plan) {
        Snapshot snapshot = problem.snapshot();
        if (snapshot.channels().size() != 1) {
            return RunResult.Rate.NONE;
        }
        Channel channel = snapshot.channels().get(0);
        ChannelMetrics metrics = verification.metrics().channels().get(channel.id());
        double limit = metrics == null ? Double.NaN : metrics.physicalLimitKbps();
        Set<String> excused = RateBisection.excused(plan);
        double slotLimit = Double.isNaN(limit)
                ? Double.NaN
                : SlotLimit.kbps(problem.index(), 0, excused, (long) Math.floor(limit));
        return new RunResult.Rate(
                channel.rateKbps(), limit, Double.NaN, Double.NaN, 0, excused.size(), slotLimit, Double.NaN);
    }

    private static Optional<String> firstViolation(Verification verification) {
        if (verification.ok()) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                Locale.ROOT,
                "%d violation(s), first: %s",
                verification.violations().size(),
                verification.violations().get(0)));
    }

    private record Survived(RunResult.Survival survival, int violations) {}

    /** Resilience on the parity 0 and 2 variants; the one the instance has reuses its plan. */
    private static Survived survival(Strategy strategy, PlanningProblem problem, Plan plan, List<String> notes) {
        SnapshotIndex index = problem.index();
        long seed = problem.options().seed();
        boolean[][] failures = new boolean[FAILURE_PERCENTS.length][];
        for (int q = 0; q < FAILURE_PERCENTS.length; q++) {
            failures[q] = Resilience.failures(index, FAILURE_PERCENTS[q], seed);
        }
        double[][] shares = new double[PARITIES.length][FAILURE_PERCENTS.length];
        int violations = 0;
        for (int p = 0; p < PARITIES.length; p++) {
            int parity = PARITIES[p];
            Plan variantPlan = plan;
            SnapshotIndex variantIndex = index;
            if (!problem.snapshot().channels().stream().allMatch(c -> c.parity() == parity)) {
                PlanningProblem variant = PlanningProblem.of(
                        SnapshotVariants.withParity(problem.snapshot(), parity), problem.policies(), problem.options());
                try {
                    variantPlan = strategy.plan(variant);
                } catch (RuntimeException e) {
                    notes.add("parity " + parity + " variant failed: " + e);
                    Arrays.fill(shares[p], Double.NaN);
                    continue;
                }
                Verification verification = PlanVerifier.verify(variant.routing(), variantPlan);
                violations += verification.violations().size();
                firstViolation(verification).ifPresent(v -> notes.add("parity " + parity + " variant: " + v));
                variantIndex = variant.index();
            }
            for (int q = 0; q < FAILURE_PERCENTS.length; q++) {
                shares[p][q] = Resilience.survivingShare(variantIndex, variantPlan, failures[q]);
            }
        }
        return new Survived(RunResult.Survival.of(shares[0], shares[1]), violations);
    }
}
