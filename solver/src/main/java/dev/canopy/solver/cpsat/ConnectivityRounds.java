package dev.canopy.solver.cpsat;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.LinearExpr;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A lower bound on the class model's cost phase from connectivity cuts found on demand, above
 * its LP's. Why: the LP (with the {@link ConnectivityCuts} and {@link RelayEntryCuts}) is the
 * optimum of the model <em>without</em> its {@link SourceFlow}, and that model's integer
 * solutions hold substreams in classes no source reaches: groups of countries feeding each other
 * in a cycle (four-tier 500 peers: 192,600 with most classes unreached, against 194,700 for the
 * best solution found). The flow's big-M rows state reachability to the integer search only, and
 * CP-SAT's own bound stays far below the LP's within exact's budget.
 *
 * <p>Rounds, as for subtours of a travelling salesman: the model's linear rows with phase two's
 * constraint and without the flow's (a relaxation) are solved to optimality by CBC, OR-Tools'
 * MIP solver, which takes a tenth of CP-SAT's time on them. Per substream, the vertices (classes
 * and hubs) that the solution's arcs carrying edges do not reach from a source split into
 * components, weakly connected by such arcs; for each component C, each substream s of the
 * channel (they are interchangeable, so the next solution would move the cycle to another) and
 * each class h in C that may hold s, a cut: {@code edges of s entering C >= holds[s][h]},
 * counting only arcs into hubs, into h or into relaying classes. Valid for every plan (the tree
 * path from a source to a holder of h enters C last along an arc, into h or into a node further
 * up the path, which sends), so for every solution of the class model; the solution violates the
 * cuts of the substream it was found in (no arc carrying it enters C). The rows with the cuts are
 * again a relaxation, so every round's proved optimum bounds phase two. A round whose solution
 * violates no cut reaches every holding class: with its flow set along the reaching paths it is a
 * solution of the class model itself, and optimal. Each round's solution is also repaired into
 * a solution of the class model ({@link ConnectivityRepair}), in {@value #REPAIR_ORDERS} orders
 * of the classes, and the cheapest of all is phase two's start when it beats the heuristic
 * plan's.
 *
 * <p>A set's cuts all count the edges entering it into a hub or a relaying class; that sum is
 * written once into CBC, as a variable of its own, and each cut adds only its class's own terms.
 * The rows state the same cuts with a fraction of the terms: at four-tier 2,000 peers, 11 rounds
 * took 71 s instead of 184 s, and at log-normal 2,000 peers, k = 8, a round 12 to 23 s instead
 * of 23 to 133 s.
 *
 * <p>The bound rests on CBC's proof, in floating point (relative gap 0, its default
 * tolerances), rounded up to an integer (costs are integral); {@code exact.costBound} takes it
 * with the certified {@link LpBound} (computed before the rounds) and CP-SAT's. The cuts
 * themselves stay out of the CP-SAT model (see {@link ClassModel}).
 *
 * <p>The rounds stop when one finds no cut, when a repair reaches the bound (it is then an
 * optimum of the class model: four-tier 2,000 peers, seed 1, is proved optimal this way with
 * phase two), after {@value #MAX_ROUNDS} rounds or {@value
 * #ROUNDS_PER_SECOND} per deterministic second of the budget and per {@value #ROUND_VARIABLES}
 * variables of the model (a round's work grows with the model, and CBC has no deterministic
 * time of its own: with 1 deterministic second, 3 rounds at 500 peers, none at 3,000 peers and
 * k = 8, where one round takes CBC 10 seconds and more), after {@value #PATIENCE} rounds
 * without a higher bound or a cheaper repair, twice (the first time, the rounds go on adding also the cuts of each
 * substream's whole unreached vertex set, which move the relaxation's solutions elsewhere: at
 * four-tier 500 peers, seed 1, their repairs reached 194,400, which the bound of the first
 * rounds proves optimal), or when a round is not proved within the deadline (without one,
 * within {@value #ROUNDS_SECONDS} seconds for all rounds). CBC is deterministic, so the rounds
 * are too unless that time runs out.
 */
final class ConnectivityRounds {
    static final int MAX_ROUNDS = 30;
    /**
     * Rounds per deterministic second of the budget, on a model of {@value #ROUND_VARIABLES}
     * variables (CBC has no deterministic time of its own).
     */
    static final double ROUNDS_PER_SECOND = 3;

    /** The model size, in variables, that {@link #ROUNDS_PER_SECOND} is for; larger models get fewer rounds. */
    static final int ROUND_VARIABLES = 20_000;

    /**
     * Orders of the classes each round's solution is repaired in, the cheapest repair kept: the
     * repair's moves of equal added cost depend on the order, and so does its cost (four-tier 500
     * peers, seed 21: 210,300 to 213,900 over 15 shuffled orders of the fifth round's solution,
     * against the bound 210,000).
     */
    static final int REPAIR_ORDERS = 16;

    /** Rounds in a row without a higher bound or a cheaper repair after which the rounds stop (both have stalled). */
    static final int PATIENCE = 4;
    /**
     * Without a deadline, the wall-clock seconds all rounds may take (CBC has no deterministic
     * time): the one step of exact whose result may depend on the machine's speed. A safety net
     * above what the round-count rule lets them take, so that a run without a time limit
     * repeats: at 60 s, four-tier 500 peers, seed 21, got 14 rounds at load 2 to 3 and 9 at load
     * 4, and plans of 212,100 and 212,700.
     */
    static final int ROUNDS_SECONDS = 600;

    /**
     * What the rounds found.
     *
     * @param bound the highest proved optimum of a round, if one was proved
     * @param rounds rounds solved
     * @param entries the vertex sets found, each with its cuts ({@link UnreachedSets#cuts}):
     *     valid for every solution of the class model
     * @param cuts the number of cuts of the entries
     * @param start the cheapest solution of the class model found: the last round's when it
     *     reached every holding class (then of cost {@code bound}, optimal), else the cheapest
     *     {@link ConnectivityRepair} of a round's
     */
    record Result(
            OptionalLong bound,
            int rounds,
            List<UnreachedSets.Entry> entries,
            int cuts,
            Optional<ConnectivityRepair.Repaired> start) {
        /** Whether the start reaches the bound: it is then an optimum of the class model. */
        boolean proved() {
            return start.isPresent() && bound.isPresent() && start.get().cost() <= bound.getAsLong();
        }

        /** The same rounds with another start (a cheaper one found after them). */
        Result withStart(Optional<ConnectivityRepair.Repaired> other) {
            return new Result(bound, rounds, entries, cuts, other);
        }
    }

    private ConnectivityRounds() {}

    /**
     * Runs the rounds on {@code phaseTwo}'s linear rows (the class model's CP-SAT model holding
     * phase two's served constraint and cost objective) without the flow's, with CBC; {@code
     * phaseTwo} is not changed.
     */
    static Result run(ClassModel model, CpModel phaseTwo, LinearExpr cost, Budget given) {
        Budget budget = given.deadline().isPresent()
                ? given
                : new Budget(
                        given.deterministicSeconds(), Optional.of(System.nanoTime() + ROUNDS_SECONDS * 1_000_000_000L));
        Optional<LinearModel> loaded = LinearModel.of("CBC", phaseTwo.model(), model.flow, cost, true);
        if (loaded.isEmpty()) {
            return new Result(OptionalLong.empty(), 0, List.of(), 0, Optional.empty());
        }
        LinearModel relaxed = loaded.get();
        List<UnreachedSets.Entry> entries = new ArrayList<>();
        int cuts = 0;
        Optional<ConnectivityRepair.Repaired> start = Optional.empty();
        OptionalLong bound = OptionalLong.empty();
        int rounds = 0;
        int stale = 0;
        boolean whole = false;
        try {
            double scale = Math.min(1, ROUND_VARIABLES / (double) model.variables());
            int most =
                    (int) Math.min(MAX_ROUNDS, Math.floor(ROUNDS_PER_SECOND * budget.deterministicSeconds() * scale));
            while (rounds < most) {
                if (stale >= PATIENCE) {
                    if (whole) {
                        break;
                    }
                    whole = true;
                    stale = 0;
                }
                Optional<long[]> solved = solve(relaxed, model, budget);
                if (solved.isEmpty()) {
                    break;
                }
                rounds++;
                long optimum = (long) Math.ceil(relaxed.solver.objective().bestBound() - 1e-6);
                boolean progress = bound.isEmpty() || optimum > bound.getAsLong();
                bound = OptionalLong.of(Math.max(optimum, bound.orElse(optimum)));
                long[] values = solved.get();
                Optional<ConnectivityRepair.Repaired> repaired =
                        ConnectivityRepair.cheapest(model, values, REPAIR_ORDERS, budget);
                if (repaired.isPresent()
                        && (start.isEmpty()
                                || repaired.get().cost() < start.get().cost())) {
                    progress |= start.isPresent();
                    start = repaired;
                }
                stale = progress ? 0 : stale + 1;
                if (start.isPresent() && start.get().cost() <= bound.getAsLong()) {
                    // A repair reaches the bound: it is an optimum of the class model.
                    return new Result(bound, rounds, entries, cuts, start);
                }
                List<UnreachedSets.Entry> found = UnreachedSets.entries(model, values, whole);
                if (found.isEmpty()) {
                    return new Result(bound, rounds, entries, cuts, start);
                }
                for (UnreachedSets.Entry entry : found) {
                    cuts += UnreachedSets.add(relaxed, model, entry);
                }
                entries.addAll(found);
            }
        } finally {
            relaxed.delete();
        }
        return new Result(bound, rounds, entries, cuts, start);
    }

    /**
     * The relaxation's optimum, by the class model's variable numbers, or empty when it was not
     * proved within the budget's deadline.
     */
    static Optional<long[]> solve(LinearModel relaxed, ClassModel model, Budget budget) {
        Optional<Duration> left = budget.left();
        if (left.isPresent() && left.get().toMillis() < 1) {
            return Optional.empty();
        }
        left.ifPresent(time -> relaxed.solver.setTimeLimit(time.toMillis()));
        if (relaxed.solveExactly() != MPSolver.ResultStatus.OPTIMAL) {
            return Optional.empty();
        }
        long[] values = new long[model.variables()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.round(relaxed.vars[model.solve.var(i).getIndex()].solutionValue());
        }
        return Optional.of(values);
    }
}
