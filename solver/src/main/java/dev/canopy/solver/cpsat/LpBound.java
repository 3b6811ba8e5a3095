package dev.canopy.solver.cpsat;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.sat.CpModelProto;
import com.google.ortools.sat.LinearExpr;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A lower bound on the class model's cost phase from the LP relaxation of the very same model,
 * solved by GLOP. Why: on these network models CP-SAT's own bound, within exact's budget, often
 * stays far below the model's LP optimum at 2,000 peers (it has not finished its root LP when the
 * time limit hits), while GLOP solves the LP in seconds.
 *
 * <p><b>Why the bound is valid whatever GLOP's accuracy.</b> Write the model (with phase two's
 * constraint {@code served >= phase one's value}) as: minimise {@code c.x} over integer x with
 * {@code L <= A x <= U} and {@code l <= x <= u} (every CP-SAT variable has finite bounds;
 * non-linear constraints, of which the class model has none, are left out, which only relaxes).
 * For <em>any</em> vector y (here GLOP's dual values, rounded to multiples of 2^-20), and every
 * feasible x: {@code c.x = y.(A x) + d.x} with reduced costs {@code d = c - A^T y}; {@code
 * y_i (A x)_i >= y_i L_i} when {@code y_i > 0} and {@code >= y_i U_i} when {@code y_i < 0} (a
 * dual whose side is infinite is set to 0), and {@code d_j x_j >= min(d_j l_j, d_j u_j)}. The sum
 * of these minima is computed exactly in integers (y scaled by 2^20), so it is a lower bound on
 * {@code c.x} for every feasible x, in exact arithmetic, with no floating-point tolerance: a
 * poor dual only weakens it. Since c is integral, the ceiling of that sum bounds every integer
 * solution, hence (the class model being a relaxation, see {@link ClassModel}) the cost of every
 * plan with at least phase one's served weight.
 */
final class LpBound {
    /** Duals are rounded to multiples of 2^-SCALE_BITS, so the certificate is exact in integers. */
    private static final int SCALE_BITS = 20;

    private LpBound() {}

    /**
     * The bound on {@code cost} over the solutions of {@code proto} (which holds phase two's
     * constraint), or empty when GLOP stops before an optimal basis: at the budget's deadline or
     * after its deterministic seconds (GLOP's own deterministic time, so that a run without a
     * time limit gives the same bound on every machine).
     */
    static OptionalLong of(CpModelProto proto, LinearExpr cost, Budget budget) {
        return of(proto, new Omitted(0, 0), cost, budget);
    }

    /**
     * Constraints {@code from} (inclusive) to {@code to} of the model, left out of the LP: a
     * relaxation, so the bound stays valid. The class model leaves out its {@link SourceFlow},
     * whose big-M coupling adds nothing to the LP's optimum (four-tier 500 peers: 192,600
     * without, 192,599 with, in a fifth of the time) but doubles its size.
     */
    record Omitted(int from, int to) {
        /** How many constraints the range holds. */
        int count() {
            return to - from;
        }
    }

    /** As {@link #of(CpModelProto, LinearExpr, Budget)}, without the {@code omitted} constraints. */
    static OptionalLong of(CpModelProto proto, Omitted omitted, LinearExpr cost, Budget budget) {
        Optional<Duration> left = budget.left();
        if (left.isPresent() && left.get().toMillis() < 1) {
            return OptionalLong.empty();
        }
        Optional<LinearModel> loaded = LinearModel.of("GLOP", proto, omitted, cost, false);
        if (loaded.isEmpty()) {
            return OptionalLong.empty();
        }
        LinearModel lp = loaded.get();
        MPSolver solver = lp.solver;
        left.ifPresent(time -> solver.setTimeLimit(time.toMillis()));
        // The dual simplex: 1 s instead of 15 s for the primal on log-normal 2,000 peers, k = 8.
        solver.setSolverSpecificParametersAsString(
                "use_dual_simplex: true max_deterministic_time: " + budget.deterministicSeconds());
        try {
            MPSolver.ResultStatus status = solver.solve();
            if (status != MPSolver.ResultStatus.OPTIMAL) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(certified(lp) + cost.getOffset());
        } finally {
            lp.delete();
        }
    }

    /**
     * The bound that the dual values of {@code lp}'s last optimal solve certify, over all its rows
     * (without the objective's offset).
     */
    static long certified(LinearModel lp) {
        long[] y = new long[lp.rows.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.round(Math.scalb(lp.constraints.get(i).dualValue(), SCALE_BITS));
        }
        return certify(lp.rows, y, lp.cost, lp.lower, lp.upper);
    }

    /**
     * The ceiling of {@code min c.x} over {@code L <= A x <= U, l <= x <= u} bounded below by the
     * dual {@code y / 2^SCALE_BITS} (see the class comment), in exact integer arithmetic.
     */
    static long certify(List<Row> rows, long[] scaledDuals, long[] c, long[] lower, long[] upper) {
        int n = c.length;
        BigInteger[] reduced = new BigInteger[n];
        for (int j = 0; j < n; j++) {
            reduced[j] = BigInteger.valueOf(c[j]).shiftLeft(SCALE_BITS);
        }
        BigInteger total = BigInteger.ZERO;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            long yi = scaledDuals[i];
            long side = yi > 0 ? r.lo : r.hi;
            if (yi == 0 || !LinearModel.finite(side)) {
                continue;
            }
            BigInteger y = BigInteger.valueOf(yi);
            total = total.add(y.multiply(BigInteger.valueOf(side)));
            for (int t = 0; t < r.vars.length; t++) {
                int j = r.vars[t];
                reduced[j] = reduced[j].subtract(y.multiply(BigInteger.valueOf(r.coeffs[t])));
            }
        }
        for (int j = 0; j < n; j++) {
            long at = reduced[j].signum() > 0 ? lower[j] : upper[j];
            total = total.add(reduced[j].multiply(BigInteger.valueOf(at)));
        }
        BigInteger[] qr = total.divideAndRemainder(BigInteger.ONE.shiftLeft(SCALE_BITS));
        BigInteger ceiling = qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
        return ceiling.longValueExact();
    }

    /** One row {@code lo <= sum coeffs[t] x[vars[t]] <= hi} (a side at or beyond 2^53 in size: none). */
    record Row(int[] vars, long[] coeffs, long lo, long hi) {}
}
