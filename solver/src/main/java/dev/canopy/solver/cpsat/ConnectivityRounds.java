package dev.canopy.solver.cpsat;

import com.google.ortools.sat.ConstraintProto;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A lower bound on the class model's cost phase from connectivity cuts found on demand, far
 * above its LP's. Why: the LP (with the {@link ConnectivityCuts} and {@link RelayEntryCuts})
 * is the optimum of the model <em>without</em> its {@link SourceFlow}, and that model's integer
 * solutions hold substreams in classes no source reaches: groups of countries feeding each other
 * in a cycle (four-tier 500 peers: 192,600 with most classes unreached, against 194,700 for the
 * best solution found). The flow's big-M rows state reachability to the integer search only, and
 * CP-SAT's own bound stays far below the LP's within exact's budget.
 *
 * <p>Rounds, as for subtours of a travelling salesman: the model with phase two's constraint and
 * without the flow's rows (a relaxation) is solved to optimality; per substream, the vertices
 * (classes and hubs) that the solution's arcs carrying edges do not reach from a source split
 * into components, weakly connected by such arcs; for each component C and each class h in it
 * that holds the substream, a cut: {@code edges of s entering C >= holds[s][h]}. Valid for every
 * plan (the tree path from a source to a holder of h enters C along some arc, which carries the
 * edge), so for every solution of the class model; violated by this one (no arc carrying edges
 * enters C). The model with the cuts is again a relaxation, so every round's proved optimum
 * bounds phase two. A round whose solution violates no cut reaches every holding class: with its
 * flow set along the reaching paths it is a solution of the class model itself, and optimal.
 *
 * <p>Deterministic: each round is one CP-SAT worker under a deterministic-time limit; the
 * rounds stop when one finds no cut, after {@value #MAX_ROUNDS} rounds, after {@value
 * #PATIENCE} rounds without a higher bound, when a round is not proved, or when their
 * deterministic time reaches {@value #DETERMINISTIC_SHARE} solves' worth.
 */
final class ConnectivityRounds {
    static final int MAX_ROUNDS = 20;
    static final int PATIENCE = 3;
    static final double DETERMINISTIC_SHARE = 4;

    /**
     * What the rounds found.
     *
     * @param bound the highest proved optimum of a round, if one was proved
     * @param rounds rounds solved
     * @param cuts the cuts found, as rows {@code sum coefficient * variable >= 0} over the class
     *     model's variable numbers: valid for every solution of the class model
     * @param solution a solution of the class model (flow included) of cost {@code bound}, when
     *     the last round's reached every holding class
     */
    record Result(OptionalLong bound, int rounds, List<Cut> cuts, Optional<long[]> solution) {}

    /** A cut {@code sum_i coefficients[i] * x[variables[i]] >= 0}. */
    record Cut(int[] variables, long[] coefficients) {}

    private ConnectivityRounds() {}

    /**
     * Runs the rounds on a copy of {@code phaseTwo} (the class model's CP-SAT model holding phase
     * two's served constraint, cost objective and a feasible hint); {@code phaseTwo} is not changed.
     */
    static Result run(ClassModel model, CpModel phaseTwo, long seed, Budget budget) {
        CpModel relaxed = relaxed(model, phaseTwo);
        List<Cut> cuts = new ArrayList<>();
        OptionalLong bound = OptionalLong.empty();
        double spent = 0;
        int rounds = 0;
        int stale = 0;
        while (rounds < MAX_ROUNDS && stale < PATIENCE && !budget.expired()) {
            double left = DETERMINISTIC_SHARE * budget.deterministicSeconds() - spent;
            if (left <= 0) {
                break;
            }
            CpSolver solver = LexicographicSolve.solver(
                    seed, new Budget(Math.min(left, budget.deterministicSeconds()), budget.deadline()));
            CpSolverStatus status = solver.solve(relaxed);
            spent += solver.response().getDeterministicTime();
            rounds++;
            if (status != CpSolverStatus.OPTIMAL) {
                break;
            }
            long optimum = Math.round(solver.objectiveValue());
            stale = bound.isPresent() && optimum <= bound.getAsLong() ? stale + 1 : 0;
            bound = OptionalLong.of(Math.max(optimum, bound.orElse(optimum)));
            long[] values = new long[model.variables()];
            for (int i = 0; i < values.length; i++) {
                values[i] = solver.value(model.solve.var(i));
            }
            List<Cut> found = separate(model, values);
            if (found.isEmpty()) {
                return new Result(bound, rounds, cuts, Optional.of(values));
            }
            for (Cut cut : found) {
                relaxed.addGreaterOrEqual(expression(model, cut), 0);
            }
            cuts.addAll(found);
        }
        return new Result(bound, rounds, cuts, Optional.empty());
    }

    /** The cut's left-hand side over the class model's variables. */
    static LinearExpr expression(ClassModel model, Cut cut) {
        LinearExprBuilder sum = LinearExpr.newBuilder();
        for (int i = 0; i < cut.variables().length; i++) {
            sum.addTerm(model.solve.var(cut.variables()[i]), cut.coefficients()[i]);
        }
        return sum.build();
    }

    /**
     * A copy of {@code phaseTwo} without the flow's rows (the list rebuilt: removing them one by
     * one is quadratic).
     */
    static CpModel relaxed(ClassModel model, CpModel phaseTwo) {
        CpModel relaxed = phaseTwo.getClone();
        var builder = relaxed.getBuilder();
        List<ConstraintProto> all = new ArrayList<>(builder.getConstraintsList());
        builder.clearConstraints();
        builder.addAllConstraints(all.subList(0, model.flow.from()));
        builder.addAllConstraints(all.subList(model.flow.to(), all.size()));
        return relaxed;
    }

    /**
     * The cuts that {@code values} violates, none when every holding class is reached; in that
     * case the flow variables in {@code values} are set along the reaching paths.
     */
    static List<Cut> separate(ClassModel model, long[] values) {
        List<Cut> cuts = new ArrayList<>();
        for (int c = 0; c < model.graphs.length; c++) {
            for (int s = 0; s < model.x[c].length; s++) {
                separate(model, c, s, values, cuts);
            }
        }
        return cuts;
    }

    private static void separate(ClassModel model, int c, int s, long[] values, List<Cut> cuts) {
        ChannelGraph graph = model.graphs[c];
        int[] x = model.x[c][s];
        int[] holds = model.holds[c][s];
        int[] via = reach(graph, x, values);
        int[] root = new int[graph.vertices];
        for (int v = 0; v < graph.vertices; v++) {
            root[v] = v;
        }
        for (int a = 0; a < graph.arcs(); a++) {
            if (values[x[a]] > 0 && via[graph.tail[a]] == UNREACHED && via[graph.head[a]] == UNREACHED) {
                root[find(root, graph.tail[a])] = find(root, graph.head[a]);
            }
        }
        Map<Integer, List<Integer>> components = new LinkedHashMap<>();
        for (int h = 0; h < graph.classes; h++) {
            if (holds[h] >= 0 && values[holds[h]] > 0 && via[h] == UNREACHED) {
                components
                        .computeIfAbsent(find(root, h), k -> new ArrayList<>())
                        .add(h);
            }
        }
        if (components.isEmpty()) {
            setFlow(model, c, s, via, values);
            return;
        }
        for (Map.Entry<Integer, List<Integer>> component : components.entrySet()) {
            List<Integer> entering = new ArrayList<>();
            for (int a = 0; a < graph.arcs(); a++) {
                if (!inside(graph.tail[a], component.getKey(), root, via)
                        && inside(graph.head[a], component.getKey(), root, via)) {
                    entering.add(a);
                }
            }
            for (int h : component.getValue()) {
                cuts.add(cut(graph, x, entering, h, holds[h]));
            }
        }
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

    private static final int UNREACHED = -2;
    private static final int SOURCE = -1;

    /** Per vertex, the arc it was first reached by from a source along arcs carrying edges, SOURCE or UNREACHED. */
    private static int[] reach(ChannelGraph graph, int[] x, long[] values) {
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
                if (values[x[a]] > 0 && via[head] == UNREACHED) {
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

    private static boolean inside(int v, int component, int[] root, int[] via) {
        return via[v] == UNREACHED && find(root, v) == component;
    }

    private static int find(int[] root, int v) {
        while (root[v] != v) {
            root[v] = root[root[v]];
            v = root[v];
        }
        return v;
    }
}
