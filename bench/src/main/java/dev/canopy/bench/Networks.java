package dev.canopy.bench;

import dev.canopy.model.Snapshot;
import dev.canopy.model.generate.CapacityMix;
import dev.canopy.model.generate.GeneratorOptions;
import dev.canopy.model.generate.NetworkGenerator;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.policy.PolicyDocument;
import dev.canopy.model.routing.Routing;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.policies.verify.Verification;
import dev.canopy.solver.PlanOptions;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.Strategies;
import dev.canopy.solver.Strategy;
import java.time.Clock;
import java.time.ZoneOffset;

/**
 * The generated networks and planning inputs every benchmark shares, so that figures of
 * different benchmarks describe the same snapshots. Deterministic: seed 1 everywhere, and a
 * fixed clock so that plans do not depend on when they were made.
 */
final class Networks {
    /** Substreams per channel (k) of the planning snapshots. */
    static final int SUBSTREAMS = 8;

    private Networks() {}

    /**
     * The planning snapshot: {@link GeneratorOptions#defaults(int)} (5 continents x 4 countries
     * x 3 ISPs, one 1200 kbps channel) with the four-tier capacity mix and k = 8.
     */
    static Snapshot planning(int peers) {
        return NetworkGenerator.generate(GeneratorOptions.defaults(peers)
                .withMix(CapacityMix.FOUR_TIER)
                .withChannels(1)
                .withSubstreams(SUBSTREAMS));
    }

    /** A snapshot with many regions for routing: 6 continents x 8 countries x 50 ISPs. */
    static Snapshot manyRegions(int peers) {
        return NetworkGenerator.generate(GeneratorOptions.defaults(peers)
                .withContinents(6)
                .withCountriesPerContinent(8)
                .withIspsPerCountry(50));
    }

    /** Default options, but stamped with the generator's instant instead of the system clock. */
    static PlanOptions options() {
        return PlanOptions.defaults().withClock(Clock.fixed(NetworkGenerator.TAKEN_AT, ZoneOffset.UTC));
    }

    /** A problem without policies; builds the index and routing. */
    static PlanningProblem problem(Snapshot snapshot) {
        return PlanningProblem.of(snapshot, PolicyDocument.EMPTY, options());
    }

    /**
     * The registered strategy of that name, able to take the problem's size.
     *
     * @throws IllegalArgumentException naming the registered strategies, or the strategy's limit
     */
    static Strategy strategy(String name, PlanningProblem problem) {
        Strategy strategy = Strategies.byName(name)
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown strategy \"" + name + "\" (-p strategy=...): expected one of " + Strategies.names()));
        long receivers = 0;
        for (int c = 0; c < problem.index().channelCount(); c++) {
            receivers += problem.index().receivers(c).length;
        }
        if (receivers > strategy.maxReceivers()) {
            throw new IllegalArgumentException("strategy \"" + name + "\" takes at most " + strategy.maxReceivers()
                    + " receivers, this snapshot has " + receivers + ": choose fewer peers (-p peers=...)");
        }
        return strategy;
    }

    /**
     * Fails when the plan breaks a hard rule: timing a strategy that makes invalid plans, or the
     * verifier on its error path, would give figures that mean nothing.
     */
    static void requireValid(Routing routing, Plan plan, String what) {
        Verification verification = PlanVerifier.verify(routing, plan);
        if (!verification.ok()) {
            throw new IllegalStateException(
                    what + " breaks " + verification.violations().size() + " rule(s), first: "
                            + verification.violations().get(0));
        }
    }
}
