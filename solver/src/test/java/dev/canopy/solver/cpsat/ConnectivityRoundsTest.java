package dev.canopy.solver.cpsat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import dev.canopy.solver.PlanningProblem;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The connectivity rounds on a generated four-tier network of 300 peers, where greedy serves
 * everyone: every cut holds for greedy's verified plan (cuts are valid for every plan), every cut
 * found from a relaxed solution cuts that solution off (and holds for greedy's), and the rounds' bound lies between the
 * LP's and the verified plan's cost.
 */
class ConnectivityRoundsTest {
    private static final Budget BUDGET = PhaseTwoFixture.BUDGET;

    private PhaseTwoFixture fixture;
    private PlanningProblem problem;
    private ClassModel model;
    private long greedyCost;
    private long[] greedy;
    private LinearExpr cost;

    @BeforeEach
    void phaseTwoStartingFromGreedy() {
        phaseTwoStartingFromGreedy(300);
    }

    /** Phase two's model (serve everyone, least cost) of a four-tier network, hinted with greedy's plan. */
    private void phaseTwoStartingFromGreedy(int peers) {
        fixture = PhaseTwoFixture.of(peers);
        problem = fixture.problem();
        model = fixture.model();
        greedy = fixture.greedy();
        greedyCost = fixture.greedyCost();
        cost = fixture.cost();
    }

    @Test
    void everyCutHoldsForAVerifiedPlanAndTheBoundLiesBetweenTheLpAndThePlan() {
        long[] bounds = rounds(300);

        assertThat(bounds[1]).isGreaterThanOrEqualTo(bounds[0]).isLessThanOrEqualTo(greedyCost);
    }

    /** At 500 peers the LP's solutions leave classes unreached, and the rounds lift its bound (by 1 %). */
    @Test
    @Tag("slow")
    void theRoundsLiftTheLpBoundAt500Peers() {
        phaseTwoStartingFromGreedy(500);

        long[] bounds = rounds(500);

        assertThat(bounds[1]).isGreaterThan(bounds[0]).isLessThanOrEqualTo(greedyCost);
    }

    /** Runs the rounds; checks every cut against greedy's plan; returns the LP's and the rounds' bounds. */
    private long[] rounds(int peers) {
        ConnectivityRounds.Result result = ConnectivityRounds.run(model, model.solve.model(), cost, BUDGET);
        OptionalLong lp = LpBound.of(model.solve.model().model(), model.flow, cost, BUDGET);

        List<UnreachedSets.Cut> cuts = result.entries().stream()
                .flatMap(entry -> UnreachedSets.cuts(model, entry).stream())
                .toList();
        assertThat(cuts).isNotEmpty().hasSize(result.cuts());
        for (UnreachedSets.Cut cut : cuts) {
            assertThat(value(cut, greedy)).isGreaterThanOrEqualTo(0);
        }
        assertThat(lp).isPresent();
        assertThat(result.bound()).isPresent();
        System.out.printf(
                "connectivity rounds four-tier %d: LP %d, rounds %d (%d cuts) %d, greedy %d%n",
                peers,
                lp.getAsLong(),
                result.rounds(),
                result.cuts(),
                result.bound().getAsLong(),
                greedyCost);
        return new long[] {lp.getAsLong(), result.bound().getAsLong()};
    }

    @Test
    void theCutsFoundFromARelaxedSolutionCutItOffAndAConnectedOneHasNone() {
        long[] values = relaxedOptimum();

        List<UnreachedSets.Cut> cuts = UnreachedSets.separate(model, values, false);

        assertThat(cuts).isNotEmpty().anyMatch(cut -> value(cut, values) < 0);
        for (UnreachedSets.Cut cut : cuts) {
            assertThat(value(cut, greedy)).isGreaterThanOrEqualTo(0);
        }
        assertThat(UnreachedSets.separate(model, greedy.clone(), false)).isEmpty();
    }

    /** Once the bound stalls the rounds also cut each substream's whole unreached set: valid too. */
    @Test
    void theWholeUnreachedSetsAddCutsThatHoldForAVerifiedPlan() {
        long[] values = relaxedOptimum();

        List<UnreachedSets.Cut> components = UnreachedSets.separate(model, values.clone(), false);
        List<UnreachedSets.Cut> whole = UnreachedSets.separate(model, values.clone(), true);

        assertThat(whole.size()).isGreaterThan(components.size());
        for (UnreachedSets.Cut cut : whole) {
            assertThat(value(cut, greedy)).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void aConnectedSolutionGetsTheFlowOfTheClassModel() {
        long[] values = greedy.clone();
        for (int[][] channel : model.flowUnits) {
            for (int[] substream : channel) {
                for (int f : substream) {
                    values[f] = 0;
                }
            }
        }

        assertThat(UnreachedSets.separate(model, values, false)).isEmpty();

        CpModel fixed = model.solve.model().getClone();
        fixed.clearHints();
        for (int i = 0; i < values.length; i++) {
            fixed.addHint(model.solve.var(i), values[i]);
        }
        CpSolver solver = LexicographicSolve.solver(1, BUDGET);
        solver.getParameters().setFixVariablesToTheirHintedValue(true);
        assertThat(solver.solve(fixed)).isEqualTo(CpSolverStatus.OPTIMAL);
    }

    @Test
    void theRepairOfARelaxedSolutionIsASolutionOfTheClassModelThatIsRealizedAsAVerifiedPlan() {
        long[] relaxed = relaxedOptimum();
        ConnectivityRepair.Repaired repaired =
                ConnectivityRepair.of(model, relaxed).orElseThrow();

        long[] solution = model.solve.complete(repaired.hint(), 1, BUDGET).orElseThrow();
        assertThat(costOf(solution)).isEqualTo(repaired.cost()).isGreaterThanOrEqualTo(costOf(relaxed));
        assertThat(UnreachedSets.separate(model, solution.clone(), false)).isEmpty();

        PhaseTwoFixture.Realised realised = fixture.realise(solution);
        assertThat(realised.cost()).isGreaterThanOrEqualTo(repaired.cost());
        if (realised.complete()) {
            assertThat(realised.cost()).isEqualTo(repaired.cost());
        }
    }

    /** The descent after the repair moves units to cheaper feeders: on this network it saves cost. */
    @Test
    void theDescentLowersTheRepairsCost() {
        long[] relaxed = relaxedOptimum();

        long with = ConnectivityRepair.of(model, relaxed, true, 0).orElseThrow().cost();
        long without =
                ConnectivityRepair.of(model, relaxed, false, 0).orElseThrow().cost();

        assertThat(with).isLessThan(without);
    }

    /**
     * The repair in every order of the classes that does not fail is a solution of the class
     * model with every holding class reached, and the cheapest over the rounds' orders is cheaper
     * on this network than the repair in the classes' own order.
     */
    @Test
    void everyOrdersRepairIsASolutionAndTheCheapestBeatsTheFirstOrder() {
        long[] relaxed = relaxedOptimum();
        int repaired = 0;
        for (int order = 0; order < ConnectivityRounds.REPAIR_ORDERS; order++) {
            Optional<ConnectivityRepair.Repaired> repair = ConnectivityRepair.of(model, relaxed, true, order);
            if (repair.isPresent()) {
                long[] solution =
                        model.solve.complete(repair.get().hint(), 1, BUDGET).orElseThrow();
                assertThat(costOf(solution)).isEqualTo(repair.get().cost());
                assertThat(UnreachedSets.separate(model, solution, false)).isEmpty();
                repaired++;
            }
        }
        long first = ConnectivityRepair.of(model, relaxed).orElseThrow().cost();
        long cheapest = ConnectivityRepair.cheapest(model, relaxed, ConnectivityRounds.REPAIR_ORDERS, BUDGET)
                .orElseThrow()
                .cost();

        assertThat(repaired).isGreaterThan(1);
        assertThat(cheapest).isLessThan(first);
    }

    @Test
    void orderZeroVisitsTheClassesInTheirOwnOrderAndTheOthersShuffleThemTheSameWayEveryTime() {
        assertThat(ConnectivityRepair.visit(5, 0)).containsExactly(0, 1, 2, 3, 4);
        int[] shuffled = ConnectivityRepair.visit(40, 3);
        assertThat(shuffled).containsExactlyInAnyOrder(ConnectivityRepair.visit(40, 0));
        assertThat(shuffled).isNotEqualTo(ConnectivityRepair.visit(40, 0)).isEqualTo(ConnectivityRepair.visit(40, 3));
    }

    /**
     * The rounds write a set's cuts through one shared sum of its entering edges: the relaxation
     * with them has the same optimum as with every cut written out in full.
     */
    @Test
    void theSharedSumRowsStateTheSameCutsAsTheCutsWrittenOut() {
        long[] values = relaxedOptimum();
        List<UnreachedSets.Entry> entries = UnreachedSets.entries(model, values, false);

        LinearModel shared = relaxation();
        LinearModel written = relaxation();
        try {
            int cuts = 0;
            for (UnreachedSets.Entry entry : entries) {
                cuts += UnreachedSets.add(shared, model, entry);
                for (UnreachedSets.Cut cut : UnreachedSets.cuts(model, entry)) {
                    int[] vars = new int[cut.variables().length];
                    for (int i = 0; i < vars.length; i++) {
                        vars[i] = model.solve.var(cut.variables()[i]).getIndex();
                    }
                    written.add(new LpBound.Row(vars, cut.coefficients(), 0, Long.MAX_VALUE));
                }
            }
            ConnectivityRounds.solve(shared, model, BUDGET).orElseThrow();
            ConnectivityRounds.solve(written, model, BUDGET).orElseThrow();

            assertThat(cuts).isEqualTo(written.rows.size() - shared.rows.size());
            assertThat(shared.solver.objective().value())
                    .isCloseTo(written.solver.objective().value(), within(1e-6))
                    .isGreaterThanOrEqualTo(costOf(values));
        } finally {
            shared.delete();
            written.delete();
        }
    }

    private LinearModel relaxation() {
        return LinearModel.of("CBC", model.solve.model().model(), model.flow, cost, true)
                .orElseThrow();
    }

    /** The CBC optimum of the relaxation without the flow (no rounds): it leaves classes unreached. */
    private long[] relaxedOptimum() {
        LinearModel relaxed = relaxation();
        try {
            long[] values = ConnectivityRounds.solve(relaxed, model, BUDGET).orElseThrow();
            assertThat(UnreachedSets.separate(model, values.clone(), false)).isNotEmpty();
            return values;
        } finally {
            relaxed.delete();
        }
    }

    private long costOf(long[] values) {
        return fixture.costOf(values);
    }

    private static long value(UnreachedSets.Cut cut, long[] values) {
        long sum = 0;
        for (int i = 0; i < cut.variables().length; i++) {
            sum += cut.coefficients()[i] * values[cut.variables()[i]];
        }
        return sum;
    }
}
