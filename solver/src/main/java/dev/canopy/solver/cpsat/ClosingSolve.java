package dev.canopy.solver.cpsat;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.LinearExpr;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The class model's phase two solved whole by SCIP, OR-Tools' other MIP solver, after the {@link
 * ConnectivityRounds}: every linear row, the {@link SourceFlow}'s too, with every cut the rounds
 * found, below the cheapest solution found (the rounds' or their {@link SubstreamSearch}'s).
 * Why: the rounds' bound plateaus while their relaxation keeps finding solutions of the same
 * cost that leave classes unreached, and their repairs stop a few edges above it (four-tier
 * 500 peers, seed 21: bound 210,000 from the third round on, best repair 210,300). With the flow's rows the model is exact for
 * reachability, and the rounds' cuts give its LP what the flow's big-M rows do not. On that
 * instance SCIP found a solution of 210,000 in 322 nodes (47 s), which proves it optimal; CBC
 * on the same rows, without the cap, found 211,200 in 400 s and no bound above 210,000. Where
 * the rounds leave more, SCIP found nothing below the start and no bound above the rounds':
 * four-tier 2,000 peers, seed 24 (0.2 %), in 600 s and 3,000 nodes; four-tier 1,000 peers,
 * seed 22 (0.7 %), in 210 s. So it is tried only on models of up to {@value #MOST_VARIABLES}
 * variables, or after a {@link SubstreamSearch} that stalled: below a start that no pair of
 * substreams improves, SCIP proved four-tier 1,000 peers, seed 22, optimal at 291,600 (the
 * search's start; the rounds' bound is 291,000) in 2,732 nodes, and it is then given more
 * nodes ({@value #PROOF_NODES_PER_SECOND} per deterministic second). SCIP on the class model
 * without the cuts found no solution at all in 240 s (four-tier 500 peers, seed 1;
 * docs/benchmarks.md).
 *
 * <p>Each outcome bounds phase two (the cap {@code cost <= start - 1} only drops solutions no
 * cheaper than the start): a proved optimum below the cap is the class model's optimum, and its
 * solution the start; an infeasible capped model proves the start optimal; a solution found
 * within the limits replaces the start, and SCIP's bound joins the rounds'. A solution is taken
 * only when, rounded to integers, it meets every row exactly ({@link LinearModel#meets}). The proofs are SCIP's, in floating
 * point, like CBC's in the rounds. Stopped without a solution, it gives no bound (OR-Tools then
 * reports 0 for SCIP's). SCIP is deterministic, and its node limit scales with the
 * deterministic budget, so the result repeats unless the deadline stops it first.
 */
final class ClosingSolve {
    /**
     * How the solve ended: not run, skipped (a model above {@value #MOST_VARIABLES} variables),
     * proved optimal below the start, start proved, a cheaper solution, nothing.
     */
    enum Status {
        NOT_RUN,
        SKIPPED,
        OPTIMAL,
        START_OPTIMAL,
        IMPROVED,
        UNFINISHED;

        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * What the solve found.
     *
     * @param bound a proved lower bound on phase two's cost, if any
     * @param start a solution cheaper than the one it was given, if found
     */
    record Result(Status status, OptionalLong bound, Optional<ConnectivityRepair.Repaired> start) {
        static final Result NONE = new Result(Status.NOT_RUN, OptionalLong.empty(), Optional.empty());
    }

    private ClosingSolve() {}

    /**
     * Branch-and-bound nodes per deterministic second of the budget: SCIP has no deterministic
     * time, and a node limit makes a run without a time limit repeat. Four-tier 500 peers, seed
     * 21, took 322 nodes (47 s); at 2,000 peers 3,000 nodes in 600 s found nothing.
     */
    static final int NODES_PER_SECOND = 50;

    /**
     * The largest model, in variables, that the solve is tried on. Above it, on the seven
     * instances of ExactVersusGreedyTest with 24,219 to 68,625 variables (four-tier 1,000 peers
     * and the 2,000-peer families), it found no solution and no bound above the rounds' in any,
     * and added 2 to 5 minutes to each run (a few of which are SCIP's presolve and first LP,
     * which no node limit bounds: 64 s at 30,612 variables); on the strategy contract's 2,000
     * peers with parity 2 it ran into its {@value #SECONDS} s. It proved four-tier 500 peers,
     * seed 21 (19,289 variables), optimal.
     */
    static final int MOST_VARIABLES = ConnectivityRounds.ROUND_VARIABLES;

    /** The branch-and-bound nodes the budget gives one SCIP solve at {@code perSecond} nodes per deterministic second. */
    static long nodes(Budget budget, int perSecond) {
        return (long) Math.floor(perSecond * budget.deterministicSeconds());
    }

    /**
     * Branch-and-bound nodes per deterministic second of the budget after a search that stalled
     * ({@link SubstreamSearch.Result#stalled}): its start is a local optimum of every pair of
     * substreams and may be the optimum, which SCIP, capped just below it, proves by finding the
     * model infeasible. Four-tier 1,000 peers, seed 22 (24,219 variables): the search's 291,600
     * was a local optimum of every pair and every triple, and SCIP proved it optimal in 2,732
     * nodes (165 s at load about 2); with 500 nodes it stopped without an answer.
     */
    static final int PROOF_NODES_PER_SECOND = 400;

    /** Without a deadline, the wall-clock seconds the solve may take: a safety net above the node limit. */
    static final int SECONDS = 300;

    /**
     * Solves {@code phaseTwo}'s linear rows (not changed) with the cuts of the {@code rounds}'
     * sets, below the cost of their start when there is one, within {@value #NODES_PER_SECOND}
     * nodes per deterministic second ({@value #PROOF_NODES_PER_SECOND} after a {@code stalled}
     * search) and the budget's deadline, or {@value #SECONDS} s without one; skipped on a model
     * above {@value #MOST_VARIABLES} variables unless the {@link SubstreamSearch} before it
     * {@code stalled}. After a stalled search the rows that order the substreams are left out,
     * as in the search (the substreams are interchangeable, so the capped model is infeasible
     * with them iff without them): so the proof of four-tier 1,000 peers, seed 22, was measured;
     * with them it ended unfinished (within 4,000 nodes or 300 s; which, was not recorded).
     */
    static Result run(
            ClassModel model,
            CpModel phaseTwo,
            LinearExpr cost,
            ConnectivityRounds.Result rounds,
            boolean stalled,
            Budget budget) {
        if (model.variables() > MOST_VARIABLES && !stalled) {
            return new Result(Status.SKIPPED, OptionalLong.empty(), Optional.empty());
        }
        Duration left = budget.left().orElse(Duration.ofSeconds(SECONDS));
        long nodes = nodes(budget, stalled ? PROOF_NODES_PER_SECOND : NODES_PER_SECOND);
        if (left.toMillis() < 1 || nodes < 1) {
            return Result.NONE;
        }
        Optional<ConnectivityRepair.Repaired> start = rounds.start();
        Optional<LinearModel> loaded =
                withCuts(model, phaseTwo, stalled ? model.order : new LpBound.Omitted(0, 0), cost, rounds.entries());
        if (loaded.isEmpty()) {
            return Result.NONE;
        }
        LinearModel whole = loaded.get();
        try {
            int own = whole.rows.size();
            start.ifPresent(s -> whole.capCost(s.cost() - 1));
            whole.solver.setTimeLimit(left.toMillis());
            whole.solver.setSolverSpecificParametersAsString("limits/nodes = " + nodes);
            MPSolver.ResultStatus status = whole.solveExactly();
            return switch (status) {
                case INFEASIBLE -> start.isPresent()
                        ? new Result(
                                Status.START_OPTIMAL,
                                OptionalLong.of(start.get().cost()),
                                Optional.empty())
                        : Result.NONE;
                case OPTIMAL, FEASIBLE -> solution(model, whole, own, status == MPSolver.ResultStatus.OPTIMAL);
                default -> new Result(Status.UNFINISHED, OptionalLong.empty(), Optional.empty());
            };
        } finally {
            whole.delete();
        }
    }

    /**
     * The solve's solution, taken when, rounded, it meets the model's {@code own} rows (those
     * before the cuts and the cap) in integers; its cost is the bound when {@code proved}.
     */
    private static Result solution(ClassModel model, LinearModel whole, int own, boolean proved) {
        Optional<ConnectivityRepair.Repaired> found = taken(model, whole, own);
        if (found.isEmpty()) {
            return new Result(Status.UNFINISHED, bound(whole), Optional.empty());
        }
        return proved
                ? new Result(Status.OPTIMAL, OptionalLong.of(found.get().cost()), found)
                : new Result(Status.IMPROVED, bound(whole), found);
    }

    /**
     * {@code phaseTwo}'s linear rows (without the {@code omitted} ones) on SCIP, minimising {@code
     * cost}, with the cuts of every entry; {@link LinearModel#rows} holds only the model's own rows.
     * Empty when this build of OR-Tools lacks SCIP.
     */
    static Optional<LinearModel> withCuts(
            ClassModel model,
            CpModel phaseTwo,
            LpBound.Omitted omitted,
            LinearExpr cost,
            List<UnreachedSets.Entry> entries) {
        Optional<LinearModel> loaded = LinearModel.of("SCIP", phaseTwo.model(), omitted, cost, true);
        loaded.ifPresent(whole -> entries.forEach(entry -> UnreachedSets.add(whole, model, entry)));
        return loaded;
    }

    /**
     * The solver's last solution as a solution of the class model, with its cost, when rounded to
     * integers it meets the first {@code own} rows of {@code whole} exactly.
     */
    static Optional<ConnectivityRepair.Repaired> taken(ClassModel model, LinearModel whole, int own) {
        long[] rounded = rounded(whole);
        if (!whole.meets(rounded, own)) {
            return Optional.empty();
        }
        return Optional.of(
                new ConnectivityRepair.Repaired(PlanHint.of(model, values(model, rounded)), whole.costOf(rounded)));
    }

    /** The solver's last solution rounded to integers, by the linear model's variable indices. */
    static long[] rounded(LinearModel whole) {
        long[] rounded = new long[whole.vars.length];
        for (int j = 0; j < rounded.length; j++) {
            rounded[j] = Math.round(whole.vars[j].solutionValue());
        }
        return rounded;
    }

    /** A rounded solution ({@link #rounded}) by the class model's variable numbers. */
    static long[] values(ClassModel model, long[] rounded) {
        long[] values = new long[model.variables()];
        for (int i = 0; i < values.length; i++) {
            values[i] = rounded[model.solve.var(i).getIndex()];
        }
        return values;
    }

    private static OptionalLong bound(LinearModel whole) {
        double bound = whole.solver.objective().bestBound();
        return Double.isFinite(bound) ? OptionalLong.of((long) Math.ceil(bound - 1e-6)) : OptionalLong.empty();
    }
}
