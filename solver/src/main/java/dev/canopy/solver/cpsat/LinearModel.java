package dev.canopy.solver.cpsat;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import com.google.ortools.sat.CpModelProto;
import com.google.ortools.sat.IntegerVariableProto;
import com.google.ortools.sat.LinearConstraintProto;
import com.google.ortools.sat.LinearExpr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A CP-SAT model's linear rows loaded into an OR-Tools linear solver: GLOP for the LP bound
 * ({@link LpBound}), CBC for the connectivity rounds' integer relaxation ({@link
 * ConnectivityRounds}), where it solves in a tenth of CP-SAT's time (four-tier 2,000 peers: 1.5
 * s against 15.7 s). Rows with enforcement literals and non-linear constraints are left out, as
 * are the omitted ones: a relaxation of the model. Variables keep the proto's indices. Owns
 * native memory: {@link #delete()} when done.
 */
final class LinearModel {
    /** Sides at least this large are taken as missing (doubles could not hold them anyway). */
    private static final long INFINITE = 1L << 53;

    final MPSolver solver;
    final MPVariable[] vars;
    /** The rows loaded and added, in order; {@code constraints} holds the solver's row for each. */
    final List<LpBound.Row> rows;

    final List<MPConstraint> constraints = new ArrayList<>();
    /** The cost's coefficient per variable. */
    final long[] cost;

    final long[] lower;
    final long[] upper;

    private LinearModel(
            MPSolver solver, CpModelProto proto, LpBound.Omitted omitted, LinearExpr objective, boolean integer) {
        this.solver = solver;
        int n = proto.getVariablesCount();
        lower = new long[n];
        upper = new long[n];
        vars = new MPVariable[n];
        for (int j = 0; j < n; j++) {
            IntegerVariableProto v = proto.getVariables(j);
            lower[j] = v.getDomain(0);
            upper[j] = v.getDomain(v.getDomainCount() - 1);
            vars[j] = integer ? solver.makeIntVar(lower[j], upper[j], "") : solver.makeNumVar(lower[j], upper[j], "");
        }
        rows = new ArrayList<>();
        for (LpBound.Row row : rows(proto, omitted)) {
            add(row);
        }
        cost = new long[n];
        for (int t = 0; t < objective.numElements(); t++) {
            cost[objective.getVariableIndex(t)] += objective.getCoefficient(t);
        }
        for (int j = 0; j < n; j++) {
            solver.objective().setCoefficient(vars[j], cost[j]);
        }
        solver.objective().setMinimization();
    }

    /**
     * The model on the named solver ({@code "GLOP"}, {@code "CBC"}), minimising {@code cost},
     * with integer variables when {@code integer}; empty when this build of OR-Tools lacks it.
     */
    static Optional<LinearModel> of(
            String solverId, CpModelProto proto, LpBound.Omitted omitted, LinearExpr cost, boolean integer) {
        MPSolver solver = MPSolver.createSolver(solverId);
        return solver == null ? Optional.empty() : Optional.of(new LinearModel(solver, proto, omitted, cost, integer));
    }

    /** Adds a row {@code lo <= sum coeffs[t] x[vars[t]] <= hi} (sides beyond 2^53 in size: none). */
    void add(LpBound.Row r) {
        rows.add(r);
        constraints.add(constraint(r));
    }

    /**
     * Adds a row {@code lo <= sum coeffs[t] x[vars[t]] + shared <= hi}, where {@code shared} is a
     * variable of {@link #sum}: many rows that share a long sum are written with far fewer terms.
     * Such rows are not in {@link #rows}, so a model that has them is not for {@link
     * LpBound#certified}.
     */
    void add(LpBound.Row r, MPVariable shared) {
        constraint(r).setCoefficient(shared, 1);
    }

    /**
     * A new variable, outside the CP-SAT model, equal to {@code sum_t x[vars[t]]}. (Written as
     * {@code <=} instead, the relaxation is the same but CBC returns other optima among equals:
     * at --time-limit 60 log-normal 2,000 peers, k = 8, got a second round and 395,550 instead of
     * 403,500, while four-tier 500 peers, seed 1, without a limit was no longer proved optimal.)
     */
    MPVariable sum(int[] sumOf) {
        MPVariable shared = solver.makeNumVar(0, MPSolver.infinity(), "");
        long[] ones = new long[sumOf.length];
        Arrays.fill(ones, 1);
        constraint(new LpBound.Row(sumOf, ones, 0, 0)).setCoefficient(shared, -1);
        return shared;
    }

    private MPConstraint constraint(LpBound.Row r) {
        double infinity = MPSolver.infinity();
        MPConstraint c =
                solver.makeConstraint(finite(r.lo()) ? r.lo() : -infinity, finite(r.hi()) ? r.hi() : infinity, "");
        // Summed here: a variable may appear twice in a row, and each native call costs (the
        // rounds add thousands of rows of hundreds of terms).
        Map<Integer, Long> terms = new LinkedHashMap<>();
        for (int t = 0; t < r.vars().length; t++) {
            terms.merge(r.vars()[t], r.coeffs()[t], Long::sum);
        }
        for (Map.Entry<Integer, Long> term : terms.entrySet()) {
            c.setCoefficient(vars[term.getKey()], term.getValue());
        }
        return c;
    }

    /**
     * Solves to a proved optimum (relative gap 0; the solver's default tolerances otherwise),
     * within whatever limits are set on {@link #solver}.
     */
    MPSolver.ResultStatus solveExactly() {
        MPSolverParameters exactly = new MPSolverParameters();
        try {
            exactly.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0);
            return solver.solve(exactly);
        } finally {
            exactly.delete();
        }
    }

    /** The cost at {@code values} (by the proto's indices). */
    long costOf(long[] values) {
        long sum = 0;
        for (int j = 0; j < cost.length; j++) {
            sum += cost[j] * values[j];
        }
        return sum;
    }

    /** Adds the row {@code cost <= most}; returns it, for a new {@code most}. */
    MPConstraint capCost(long most) {
        int terms = (int) Arrays.stream(cost).filter(c -> c != 0).count();
        int[] costVars = new int[terms];
        long[] coeffs = new long[terms];
        for (int j = 0, t = 0; j < cost.length; j++) {
            if (cost[j] != 0) {
                costVars[t] = j;
                coeffs[t++] = cost[j];
            }
        }
        add(new LpBound.Row(costVars, coeffs, Long.MIN_VALUE, most));
        return constraints.get(constraints.size() - 1);
    }

    /**
     * Whether {@code values} (by the proto's indices) lie within every variable's domain and meet
     * the first {@code count} of {@link #rows} exactly, in integers.
     */
    boolean meets(long[] values, int count) {
        for (int j = 0; j < values.length; j++) {
            if (values[j] < lower[j] || values[j] > upper[j]) {
                return false;
            }
        }
        for (LpBound.Row row : rows.subList(0, count)) {
            long sum = 0;
            for (int t = 0; t < row.vars().length; t++) {
                sum += row.coeffs()[t] * values[row.vars()[t]];
            }
            if (sum < row.lo() || sum > row.hi()) {
                return false;
            }
        }
        return true;
    }

    void delete() {
        solver.delete();
    }

    /** Whether a row's side is a number (CP-SAT writes a missing side as a huge one). */
    static boolean finite(long side) {
        return side > -INFINITE && side < INFINITE;
    }

    /** The proto's linear constraints without enforcement literals, but the omitted ones. */
    private static List<LpBound.Row> rows(CpModelProto proto, LpBound.Omitted omitted) {
        List<LpBound.Row> rows = new ArrayList<>();
        for (int i = 0; i < proto.getConstraintsCount(); i++) {
            var ct = proto.getConstraints(i);
            if (i >= omitted.from() && i < omitted.to() || !ct.hasLinear() || ct.getEnforcementLiteralCount() > 0) {
                continue;
            }
            LinearConstraintProto lin = ct.getLinear();
            int[] vars = lin.getVarsList().stream().mapToInt(Integer::intValue).toArray();
            if (Arrays.stream(vars).allMatch(v -> v >= 0)) {
                long[] coeffs =
                        lin.getCoeffsList().stream().mapToLong(Long::longValue).toArray();
                rows.add(new LpBound.Row(vars, coeffs, lin.getDomain(0), lin.getDomain(lin.getDomainCount() - 1)));
            }
        }
        return rows;
    }
}
