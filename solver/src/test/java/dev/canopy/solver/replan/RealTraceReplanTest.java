package dev.canopy.solver.replan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.event.Event;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.real.ChurnOptions;
import dev.canopy.model.real.ChurnTrace;
import dev.canopy.model.real.DataDirectory;
import dev.canopy.model.real.RealOverlay;
import dev.canopy.model.real.RealOverlayOptions;
import dev.canopy.policies.verify.PlanMetrics;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.policies.verify.Verification;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.bench.PlanHeadroom;
import dev.canopy.solver.bench.RateBisection;
import dev.canopy.solver.bench.RunResult;
import dev.canopy.solver.bench.TreeShape;
import dev.canopy.solver.multitree.MultiTreeStrategy;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 6's real-trace target: 10,000 events of the STUNner churn trace on the real overlay's
 * peers (one event per batch, as {@code canopy replan} does by default), then the session's plan
 * against a fresh multi-tree plan of the same final network. Prints the comparison table of
 * {@code docs/benchmarks.md}; skipped with the data directory's message when {@code
 * ../shared/data} is absent. Slow (about a minute: 10,000 events with 18 periodic full
 * re-optimizations, then rate bisections).
 *
 * <p>Run: {@code mvn -B -q test -pl solver -am -Dcanopy.excludedGroups=none
 * -Dtest=RealTraceReplanTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("slow")
class RealTraceReplanTest {
    @Test
    void afterTenThousandRealEventsThePlanStaysCloseToAFreshOne() {
        assumeTrue(DataDirectory.locate().isPresent(), DataDirectory.missingMessage());
        Path data = DataDirectory.locate().orElseThrow();
        Snapshot overlay = RealOverlay.load(data, RealOverlayOptions.defaults()).snapshot();
        List<Event> events = ChurnTrace.load(data)
                .events(overlay, new ChurnOptions(10_000, overlay.takenAt().orElseThrow(), 1));
        ReplanSession session = ReplanSession.start(PlanningProblem.of(overlay), ReplanOptions.defaults());
        int[] recomputed = new int[ReplanOutcome.Recompute.values().length];
        long edgesChanged = 0;
        for (Event event : events) {
            ReplanOutcome outcome = session.apply(event);
            recomputed[outcome.recomputed().ordinal()]++;
            edgesChanged += outcome.edgesChanged();
        }

        Snapshot network = session.snapshot();
        PlanningProblem problem = PlanningProblem.of(network);
        Plan replanned = session.plan();
        Plan fresh = new MultiTreeStrategy().plan(problem);
        Verification kept = PlanVerifier.verify(problem.routing(), replanned);
        Verification made = PlanVerifier.verify(problem.routing(), fresh);
        Figures a = Figures.of(problem, replanned, kept);
        Figures b = Figures.of(problem, fresh, made);
        RateBisection.Outcome bisection = RateBisection.measure(new MultiTreeStrategy(), problem, fresh, made);
        System.out.printf(
                Locale.ROOT,
                "real trace: %d events, %d nodes after; full re-plans adopted %d, kept %d; %d edges changed%n",
                events.size(),
                network.nodes().size(),
                recomputed[ReplanOutcome.Recompute.ADOPTED.ordinal()],
                recomputed[ReplanOutcome.Recompute.KEPT.ordinal()],
                edgesChanged);
        System.out.println(Figures.HEADER);
        System.out.println(a.row("re-planned"));
        System.out.println(b.row("fresh plan"));
        System.out.printf(
                Locale.ROOT,
                "multi-tree re-planning at each probe (RateBisection): %.1f %% of the limit%n",
                100 * bisection.rate().efficiency());

        assertThat(kept.violations()).isEmpty();
        assertThat(made.violations()).isEmpty();
        assertThat(a.served).isGreaterThanOrEqualTo(b.served - 0.02);
        assertThat(a.localityCost).isLessThanOrEqualTo(b.localityCost * 1.02 + 0.2);
        assertThat(a.headroom.efficiency()).isGreaterThanOrEqualTo(b.headroom.efficiency() - 0.02);
    }

    /** What the comparison reports of one plan. */
    private record Figures(
            double served,
            double crossRegion,
            double crossCountry,
            double localityCost,
            double meanDepth,
            RunResult.Shape shape,
            RunResult.Rate headroom) {
        static final String HEADER = "plan        served  cross-region  cross-country  locality-cost  "
                + "depth max/median/mean  fixed-plan rate efficiency (max served kbps)";

        static Figures of(PlanningProblem problem, Plan plan, Verification verification) {
            PlanMetrics m = verification.metrics();
            SnapshotIndex index = problem.index();
            double region = 100 * m.crossRegionShare();
            double country = 100 * m.crossCountryShare();
            return new Figures(
                    m.servedFraction(),
                    region,
                    country,
                    (region - country) + 4 * country,
                    m.meanDepth(),
                    TreeShape.of(index, plan, index.receivers(0).length),
                    PlanHeadroom.measure(problem.snapshot(), plan));
        }

        String row(String name) {
            return String.format(
                    Locale.ROOT,
                    "%-10s  %5.1f %%  %10.1f %%  %11.1f %%  %13.1f  %8.0f / %.1f / %.2f  %6.1f %% (%.0f of %.0f)",
                    name,
                    100 * served,
                    crossRegion,
                    crossCountry,
                    localityCost,
                    shape.maxDepth(),
                    shape.medianDepth(),
                    meanDepth,
                    100 * headroom.efficiency(),
                    headroom.maxServedKbps(),
                    headroom.limitKbps());
        }
    }
}
