package dev.canopy.solver.cpsat;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.LinearExpr;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.IntPredicate;

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
 * a solution of the class model ({@link ConnectivityRepair}), and the cheapest is phase two's
 * start when it beats the heuristic plan's.
 *
 * <p>The bound rests on CBC's proof, in floating point (relative gap 0, its default
 * tolerances), rounded up to an integer (costs are integral); {@code exact.costBound} takes it
 * with the certified {@link LpBound} (computed before the rounds) and CP-SAT's. The cuts
 * themselves stay out of the CP-SAT model (see {@link ClassModel}).
 *
 * <p>The rounds stop when one finds no cut, after {@value #MAX_ROUNDS} rounds or {@value
 * #ROUNDS_PER_SECOND} per deterministic second of the budget and per {@value #ROUND_VARIABLES}
 * variables of the model (a round's work grows with the model, and CBC has no deterministic
 * time of its own: with 1 deterministic second, 3 rounds at 500 peers, none at 3,000 peers and
 * k = 8, where one round takes CBC 10 seconds and more), after {@value #PATIENCE} rounds
 * without a higher bound twice (the first time, the rounds go on adding also the cuts of each
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

    /** Rounds in a row without a higher bound after which the rounds stop (the bound has stalled). */
    static final int PATIENCE = 4;
    /**
     * Without a deadline, the wall-clock seconds all rounds may take (CBC has no deterministic
     * time): the one step of exact whose result may depend on the machine's speed.
     */
    static final int ROUNDS_SECONDS = 60;

    /**
     * What the rounds found.
     *
     * @param bound the highest proved optimum of a round, if one was proved
     * @param rounds rounds solved
     * @param cuts the cuts found, as rows {@code sum coefficient * variable >= 0} over the class
     *     model's variable numbers: valid for every solution of the class model
     * @param start the cheapest solution of the class model found: the last round's when it
     *     reached every holding class (then of cost {@code bound}, optimal), else the cheapest
     *     {@link ConnectivityRepair} of a round's
     */
    record Result(OptionalLong bound, int rounds, List<Cut> cuts, Optional<ConnectivityRepair.Repaired> start) {}

    /** A cut {@code sum_i coefficients[i] * x[variables[i]] >= 0}. */
    record Cut(int[] variables, long[] coefficients) {}

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
            return new Result(OptionalLong.empty(), 0, List.of(), Optional.empty());
        }
        LinearModel relaxed = loaded.get();
        List<Cut> cuts = new ArrayList<>();
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
                stale = bound.isPresent() && optimum <= bound.getAsLong() ? stale + 1 : 0;
                bound = OptionalLong.of(Math.max(optimum, bound.orElse(optimum)));
                long[] values = solved.get();
                Optional<ConnectivityRepair.Repaired> repaired = ConnectivityRepair.of(model, values);
                if (repaired.isPresent()
                        && (start.isEmpty()
                                || repaired.get().cost() < start.get().cost())) {
                    start = repaired;
                }
                List<Cut> found = separate(model, values, whole);
                if (found.isEmpty()) {
                    return new Result(bound, rounds, cuts, start);
                }
                for (Cut cut : found) {
                    relaxed.add(row(model, cut));
                }
                cuts.addAll(found);
            }
        } finally {
            relaxed.delete();
        }
        return new Result(bound, rounds, cuts, start);
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
        MPSolverParameters exactly = new MPSolverParameters();
        try {
            exactly.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0);
            if (relaxed.solver.solve(exactly) != MPSolver.ResultStatus.OPTIMAL) {
                return Optional.empty();
            }
        } finally {
            exactly.delete();
        }
        long[] values = new long[model.variables()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.round(relaxed.vars[model.solve.var(i).getIndex()].solutionValue());
        }
        return Optional.of(values);
    }

    /** The cut as a row over the CP-SAT model's variable indices. */
    private static LpBound.Row row(ClassModel model, Cut cut) {
        int[] vars = new int[cut.variables().length];
        for (int i = 0; i < vars.length; i++) {
            vars[i] = model.solve.var(cut.variables()[i]).getIndex();
        }
        return new LpBound.Row(vars, cut.coefficients(), 0, Long.MAX_VALUE);
    }

    /**
     * Cuts that {@code values} violates, each also for the channel's other substreams (which it
     * may not violate); none when every holding class is reached, and then the flow variables
     * in {@code values} are set along the reaching paths. With {@code whole}, also the cuts of
     * each substream's whole unreached vertex set (the union of its components and of the
     * unreached vertices that hold nothing).
     */
    static List<Cut> separate(ClassModel model, long[] values, boolean whole) {
        List<Cut> cuts = new ArrayList<>();
        for (int c = 0; c < model.graphs.length; c++) {
            ChannelGraph graph = model.graphs[c];
            Set<BitSet> unreached = new LinkedHashSet<>();
            for (int s = 0; s < model.x[c].length; s++) {
                unreached.addAll(unreached(model, c, s, values, whole));
            }
            for (BitSet inside : unreached) {
                List<Integer> entering = new ArrayList<>();
                for (int a = 0; a < graph.arcs(); a++) {
                    if (!inside.get(graph.tail[a]) && inside.get(graph.head[a])) {
                        entering.add(a);
                    }
                }
                // The set needs an entry in every substream, not only in the one found: the
                // substreams are interchangeable, and the next solution would move there.
                for (int s = 0; s < model.x[c].length; s++) {
                    for (int h = inside.nextSetBit(0); h >= 0 && h < graph.classes; h = inside.nextSetBit(h + 1)) {
                        if (model.holds[c][s][h] >= 0) {
                            cuts.add(cut(graph, model.x[c][s], entering, h, model.holds[c][s][h]));
                        }
                    }
                }
            }
        }
        return cuts;
    }

    /**
     * The vertex sets of (c, s) that hold the substream in some class without an arc carrying it
     * from a source: the components, weakly connected by arcs carrying it, of the vertices not
     * reached along such arcs, that contain a holding class. When there is none, sets the flow.
     */
    private static List<BitSet> unreached(ClassModel model, int c, int s, long[] values, boolean whole) {
        ChannelGraph graph = model.graphs[c];
        int[] x = model.x[c][s];
        int[] holds = model.holds[c][s];
        int[] via = reach(graph, a -> values[x[a]] > 0);
        int[] root = new int[graph.vertices];
        for (int v = 0; v < graph.vertices; v++) {
            root[v] = v;
        }
        for (int a = 0; a < graph.arcs(); a++) {
            if (values[x[a]] > 0 && via[graph.tail[a]] == UNREACHED && via[graph.head[a]] == UNREACHED) {
                root[find(root, graph.tail[a])] = find(root, graph.head[a]);
            }
        }
        Map<Integer, BitSet> components = new LinkedHashMap<>();
        for (int h = 0; h < graph.classes; h++) {
            if (holds[h] >= 0 && values[holds[h]] > 0 && via[h] == UNREACHED) {
                components.putIfAbsent(find(root, h), new BitSet(graph.vertices));
            }
        }
        if (components.isEmpty()) {
            setFlow(model, c, s, via, values);
        }
        for (int v = 0; v < graph.vertices; v++) {
            BitSet component = via[v] == UNREACHED ? components.get(find(root, v)) : null;
            if (component != null) {
                component.set(v);
            }
        }
        List<BitSet> sets = new ArrayList<>(components.values());
        if (whole && !sets.isEmpty()) {
            BitSet all = new BitSet(graph.vertices);
            for (int v = 0; v < graph.vertices; v++) {
                if (via[v] == UNREACHED) {
                    all.set(v);
                }
            }
            sets.add(all);
        }
        return sets;
    }

    /**
     * {@code edges entering C >= holds}, counting only the arcs that end in a hub, in h or in a
     * class that relays: the path from a source to a holder of h enters C last along an arc into
     * h or into a node further up the path, which sends (as in {@link RelayEntryCuts}).
     */
    private static Cut cut(ChannelGraph graph, int[] x, List<Integer> entering, int h, int holds) {
        List<Integer> counted = new ArrayList<>();
        for (int a : entering) {
            int head = graph.head[a];
            if (graph.isHub(head) || head == h || graph.sender[head]) {
                counted.add(x[a]);
            }
        }
        int[] vars = new int[counted.size() + 1];
        long[] coefficients = new long[vars.length];
        for (int i = 0; i < counted.size(); i++) {
            vars[i] = counted.get(i);
            coefficients[i] = 1;
        }
        vars[counted.size()] = holds;
        coefficients[counted.size()] = -1;
        return new Cut(vars, coefficients);
    }

    /** {@link #reach}'s mark of a vertex no source reaches. */
    static final int UNREACHED = -2;

    private static final int SOURCE = -1;

    /**
     * Per vertex, the arc it was first reached by from a source along arcs that {@code carries},
     * breadth first, -1 for a source, or {@link #UNREACHED}.
     */
    static int[] reach(ChannelGraph graph, IntPredicate carries) {
        int[] via = new int[graph.vertices];
        java.util.Arrays.fill(via, UNREACHED);
        List<List<Integer>> out = graph.outArcs();
        Deque<Integer> queue = new ArrayDeque<>();
        for (int g = 0; g < graph.classes; g++) {
            if (graph.source[g]) {
                via[g] = SOURCE;
                queue.add(g);
            }
        }
        while (!queue.isEmpty()) {
            int v = queue.poll();
            for (int a : out.get(v)) {
                int head = graph.head[a];
                if (carries.test(a) && via[head] == UNREACHED) {
                    via[head] = a;
                    queue.add(head);
                }
            }
        }
        return via;
    }

    /** The flow of {@link SourceFlow}: one unit per holding class along its reaching path. */
    private static void setFlow(ClassModel model, int c, int s, int[] via, long[] values) {
        ChannelGraph graph = model.graphs[c];
        int[] f = model.flowUnits[c][s];
        for (int a = 0; a < graph.arcs(); a++) {
            values[f[a]] = 0;
        }
        for (int h = 0; h < graph.classes; h++) {
            int held = model.holds[c][s][h];
            if (held < 0 || values[held] == 0) {
                continue;
            }
            for (int v = h; via[v] >= 0; v = graph.tail[via[v]]) {
                values[f[via[v]]]++;
            }
        }
    }

    private static int find(int[] root, int v) {
        while (root[v] != v) {
            root[v] = root[root[v]];
            v = root[v];
        }
        return v;
    }
}
