package dev.canopy.solver.bench;

import dev.canopy.model.Snapshot;
import dev.canopy.model.plan.Plan;
import dev.canopy.solver.PlanningProblem;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * One network a suite plans, for one seed: a generated family member or a real network. The
 * seed is also the strategies' seed and the seed of the failure sample, so that every
 * strategy is measured on the same network with the same failures.
 *
 * <p>Implementations are immutable; {@link #build()} may be expensive and is called once per
 * run of the suite.
 */
public interface BenchInstance {

    /** Unique within a suite, e.g. {@code four-tier-n1000-k8-p0-s1}. */
    String name();

    /** What results are grouped by: the capacity mix, or the real data set's name. */
    String family();

    /** Nominal number of peers (the N of the tables and charts). */
    int peers();

    /** k, substreams per channel. */
    int substreams();

    /** n, parity substreams per channel. */
    int parity();

    /** 1, 2, ...: seeds are numbered so that a strategy may be limited to the first few. */
    long seed();

    /** The snapshot; the same instance always builds an equal snapshot. */
    Snapshot build();

    /**
     * A plan to measure beside the strategies, e.g. the overlay a real network deployed; it is
     * verified and measured like a strategy's plan under {@link #referenceName()}, without plan
     * time, rate bisection or resilience. Given the problem built from {@link #build()}, so that
     * its index and routing are not built twice. Empty by default.
     */
    default Optional<Plan> referencePlan(PlanningProblem built) {
        return Optional.empty();
    }

    /** The strategy name the reference plan is reported under. */
    default String referenceName() {
        return "deployed";
    }

    /** The costly measurements to take on this instance; all by default. */
    default Set<Measure> measures() {
        return EnumSet.allOf(Measure.class);
    }
}
