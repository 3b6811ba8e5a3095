package dev.canopy.solver.cpsat;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.LinearExpr;
import dev.canopy.model.Snapshot;
import dev.canopy.model.generate.GeneratorOptions;
import dev.canopy.model.generate.NetworkGenerator;
import dev.canopy.model.plan.Plan;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.solver.Locality;
import dev.canopy.solver.PlanAssembler;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.greedy.GreedyStrategy;
import java.util.Optional;

/**
 * Phase two's model (serve everyone, least locality cost) of a generated four-tier network
 * (seed 1 unless given) where greedy serves everyone, hinted with greedy's verified plan: what the tests of
 * the connectivity rounds, of the closing solve and of the substream search start from.
 *
 * @param greedy greedy's plan as a full solution of the class model, by its variable numbers
 * @param greedyCost the locality cost of greedy's plan
 */
record PhaseTwoFixture(PlanningProblem problem, ClassModel model, long[] greedy, long greedyCost, LinearExpr cost) {
    static final Budget BUDGET = new Budget(10, Optional.empty());

    static PhaseTwoFixture of(int peers) {
        return of(peers, 1);
    }

    static PhaseTwoFixture of(int peers, long seed) {
        return of(GeneratorOptions.defaults(peers).withSeed(seed));
    }

    static PhaseTwoFixture of(GeneratorOptions options) {
        Snapshot snapshot = NetworkGenerator.generate(options);
        PlanningProblem problem = PlanningProblem.of(snapshot);
        Plan plan = new GreedyStrategy().plan(problem);
        assertThat(PlanVerifier.verify(problem.routing(), plan).violations()).isEmpty();
        assertThat(plan.unserved()).isEmpty();
        ClassModel model = new ClassModel(PeerClasses.of(problem));
        long[] greedy = PlanHint.of(model, plan)
                .flatMap(hint -> model.solve.complete(hint, 1, BUDGET))
                .orElseThrow();
        long everyone = 0;
        long[] weight = model.tierWeights();
        for (int c = 0; c < model.index.channelCount(); c++) {
            for (int q : model.index.receivers(c)) {
                everyone += weight[model.index.node(q).tier().ordinal()];
            }
        }
        CpModel cp = model.solve.model();
        cp.addGreaterOrEqual(model.servedObjective(), everyone);
        LinearExpr cost = model.costObjective();
        cp.minimize(cost);
        cp.clearHints();
        for (int i = 0; i < greedy.length; i++) {
            cp.addHint(model.solve.var(i), greedy[i]);
        }
        return new PhaseTwoFixture(problem, model, greedy, Locality.planCost(problem.index(), plan), cost);
    }

    /**
     * Realises a full solution of the class model as a plan, checks that the plan passes the
     * verifier and serves everyone, and returns what the realiser says: whether the solution was
     * realised exactly, and the plan's locality cost.
     */
    Realised realise(long[] solution) {
        Realizer.Result result = Realizer.of(model, var -> solution[var]).run();
        PlanAssembler assembler = new PlanAssembler(problem.index());
        long cost = ClassPlanner.addTrees(problem.index(), assembler, result);
        Plan realized = ExactStrategy.assemble(problem, assembler, result.received());
        assertThat(PlanVerifier.verify(problem.routing(), realized).violations())
                .isEmpty();
        assertThat(realized.unserved()).isEmpty();
        return new Realised(result.complete(), cost);
    }

    /** A realised solution: whether exactly, and the plan's locality cost. */
    record Realised(boolean complete, long cost) {}

    /** The connectivity rounds on phase two's model within {@code budget}. */
    ConnectivityRounds.Result rounds(Budget budget) {
        return ConnectivityRounds.run(model, model.solve.model(), cost, budget);
    }

    /** The substream search from the {@code rounds}' start within {@code budget}; prints what it tried. */
    SubstreamSearch.Result search(ConnectivityRounds.Result rounds, Budget budget) {
        SubstreamSearch.Result search = SubstreamSearch.run(model, model.solve.model(), cost, rounds, budget);
        System.out.printf(
                "substream search: %d singles, %d improving; %d pairs, %d improving; %d countries, %d improving;"
                        + " stalled %b%n",
                search.singles(),
                search.singlesImproving(),
                search.tried(),
                search.improved(),
                search.countries(),
                search.countriesImproving(),
                search.stalled());
        return search;
    }

    /** Greedy's plan as a start for the searches after the rounds. */
    ConnectivityRepair.Repaired greedyStart() {
        return new ConnectivityRepair.Repaired(PlanHint.of(model, greedy), greedyCost);
    }

    /** The cost objective's value at a full solution, by the class model's variable numbers. */
    long costOf(long[] values) {
        return model.solve.evaluate(cost, values).orElseThrow();
    }
}
