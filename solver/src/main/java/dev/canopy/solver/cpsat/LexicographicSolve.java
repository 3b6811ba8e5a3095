package dev.canopy.solver.cpsat;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Solves a model in two phases, lexicographically: first the served weight is maximised, then,
 * with the served weight held at what phase one found, the locality cost is minimised (hinted
 * with phase one's solution, so phase two always starts from a feasible point).
 *
 * <p>Phase one is skipped when the hint already reaches the served objective's ceiling (every
 * counted receiver served): the hint proves it optimal, and phase two starts at once.
 *
 * <p>Deterministic: one search worker (with the LP at linearization level 2, which finds and
 * proves these network-like models far better than the default), the options' seed as CP-SAT's
 * random seed, and a deterministic-time budget per solve ({@link Budget}, by default {@link
 * #DETERMINISTIC_SECONDS}) so that the same model gives the same answer on any machine. The
 * budget's wall-clock deadline is honoured on top (each solve gets what is left); a search cut
 * by the wall clock may differ between runs, which the plan records as {@code optimal=false}.
 *
 * <p>Every CP-SAT status is mapped: OPTIMAL (proved), FEASIBLE (cut by a limit: a solution and
 * a bound), UNKNOWN (cut before any solution, or not solved at all once the deadline has
 * passed: phase one falls back to its hint or to serving nothing, with the served objective's
 * ceiling as its bound, phase two to phase one's solution), INFEASIBLE and MODEL_INVALID (a
 * bug in the model: every model here admits the empty plan) and UNRECOGNIZED throw {@link
 * IllegalStateException}.
 */
final class LexicographicSolve {
    /** Deterministic-time budget of each phase (CP-SAT's deterministic seconds). */
    static final double DETERMINISTIC_SECONDS = 10;

    /**
     * Deterministic-time limit of completing a hint ({@link #complete}): the hinted values fix
     * the model's choices, so propagation alone usually finishes it (in hundredths of a second).
     */
    static final double COMPLETION_SECONDS = 1;

    /** One search worker: CP-SAT is then deterministic under a deterministic-time limit. */
    static final int WORKERS = 1;

    static {
        Loader.loadNativeLibraries();
    }

    private final CpModel model = new CpModel();
    private final List<IntVar> vars = new ArrayList<>();

    /**
     * The outcome of both phases: {@code values} by variable number, a solution of the model
     * unless {@code start} is {@link StartUse#TAKEN} (then only its counting variables are);
     * {@code servedLp} is the {@link ServedBound} when one was asked for and found (then {@code
     * servedBound} is at most it).
     */
    record Outcome(
            long[] values,
            boolean optimal,
            String servedStatus,
            long served,
            long servedBound,
            String costStatus,
            long cost,
            long costBound,
            PhaseTwoBounds bounds,
            StartUse start,
            OptionalLong servedLp) {

        long value(int var) {
            return values[var];
        }

        /** Relative gap of the phase that was cut, 0 when both are proved. */
        double gap() {
            double servedGap = served == servedBound ? 0 : (servedBound - served) / (double) Math.max(1, servedBound);
            double costGap = cost == costBound ? 0 : (cost - costBound) / (double) Math.max(1, cost);
            return Math.max(servedGap, costGap);
        }
    }

    CpModel model() {
        return model;
    }

    /**
     * Bounds on phase two's cost found before its search (the class model's {@link LpBound} and
     * {@link ConnectivityRounds}). Given the model with phase two's served constraint, objective
     * and hint ({@code hint}, a solution of the model: phase one's), it may add constraints that
     * every solution of the model satisfies.
     */
    interface CostBounds {
        PhaseTwoBounds of(CpModel model, LinearExpr cost, long seed, Budget budget, long[] hint);
    }

    /**
     * An upper bound on phase one's served weight over every solution of the model (the class
     * model's {@link LpBound}), asked when CP-SAT did not prove phase one: its own bound, within
     * exact's budget, may stay at the ceiling (every receiver served) where capacity is short.
     */
    interface ServedBound {
        OptionalLong of(CpModel model, Budget budget);
    }

    /** A new integer variable; returns its number for {@link Outcome#value}. */
    int newInt(long lo, long hi) {
        vars.add(model.newIntVar(lo, hi, ""));
        return vars.size() - 1;
    }

    /** A new Boolean variable; returns its number. */
    int newBool() {
        vars.add(model.newBoolVar(""));
        return vars.size() - 1;
    }

    /** A variable made by {@link #newBool}. */
    BoolVar bool(int number) {
        return (BoolVar) vars.get(number);
    }

    IntVar var(int number) {
        return vars.get(number);
    }

    int size() {
        return vars.size();
    }

    /** A linear expression over variable numbers and coefficients. */
    LinearExpr sum(int[] numbers, long[] coefficients, int count) {
        IntVar[] v = new IntVar[count];
        long[] c = new long[count];
        for (int i = 0; i < count; i++) {
            v[i] = vars.get(numbers[i]);
            c[i] = coefficients[i];
        }
        return LinearExpr.weightedSum(v, c);
    }

    /**
     * Solves both phases, phase one hinted with {@code warm} (a full solution, such as one from
     * {@link #complete}, or null for the empty plan). The model can be solved again afterwards
     * (phase two's constraint is removed again).
     */
    Outcome solve(LinearExpr served, LinearExpr cost, long seed, Budget budget, long[] warm) {
        return solve(served, cost, seed, budget, warm, Optional.empty(), Optional.empty());
    }

    /**
     * As {@link #solve(LinearExpr, LinearExpr, long, Budget, long[])}; when phase one is proved,
     * {@code costBounds} run first on phase two's model: phase two's cost bound is also theirs
     * when higher, the model holds {@code cost >= that bound} during phase two (valid, so the
     * search prunes with it and proves a solution that reaches it), and their solution, if any,
     * is phase two's hint when it is cheaper than phase one's solution (completed by CP-SAT
     * first). When CP-SAT does not prove phase one, {@code servedBounds} lowers its bound, and
     * proves it when it meets the served weight found.
     */
    Outcome solve(
            LinearExpr served,
            LinearExpr cost,
            long seed,
            Budget budget,
            long[] warm,
            Optional<ServedBound> servedBounds,
            Optional<CostBounds> costBounds) {
        String invalid = model.validate();
        if (!invalid.isEmpty()) {
            throw new IllegalStateException("exact: the CP-SAT model is invalid: " + invalid);
        }
        long[] values = new long[vars.size()];
        long servedValue;
        long servedBound;
        CpSolverStatus s1;
        OptionalLong hinted = warm == null ? OptionalLong.empty() : evaluate(served, warm);
        if (hinted.isPresent() && hinted.getAsLong() == ceiling(served)) {
            s1 = CpSolverStatus.OPTIMAL;
            System.arraycopy(warm, 0, values, 0, values.length);
            servedValue = hinted.getAsLong();
            servedBound = servedValue;
        } else {
            model.clearObjective();
            model.maximize(served);
            model.clearHints();
            for (int i = 0; i < vars.size(); i++) {
                IntVar v = vars.get(i);
                model.addHint(v, warm != null ? warm[i] : v.getDomain().min());
            }
            CpSolver first = solver(seed, budget);
            s1 = run(first, budget);
            switch (s1) {
                case OPTIMAL, FEASIBLE -> {
                    for (int i = 0; i < values.length; i++) {
                        values[i] = first.value(vars.get(i));
                    }
                    servedValue = Math.round(first.objectiveValue());
                    servedBound = (long) Math.floor(first.bestObjectiveBound() + 1e-6);
                }
                case UNKNOWN -> {
                    // No solution within the limit: the hint if there is one, else every variable at
                    // its lower bound (the empty plan).
                    for (int i = 0; i < values.length; i++) {
                        values[i] = hinted.isPresent()
                                ? warm[i]
                                : vars.get(i).getDomain().min();
                    }
                    servedValue = hinted.orElse(0);
                    // CP-SAT's bound without a solution is not one (it may say 0): the ceiling is.
                    servedBound = ceiling(served);
                }
                case INFEASIBLE, MODEL_INVALID, UNRECOGNIZED -> throw new IllegalStateException(
                        "exact: CP-SAT answered " + s1 + " on a model that admits the empty plan");
                default -> throw new IllegalStateException("exact: unknown CP-SAT status " + s1);
            }
        }
        OptionalLong servedLp = s1 == CpSolverStatus.OPTIMAL || servedBounds.isEmpty() || budget.expired()
                ? OptionalLong.empty()
                : servedBounds.get().of(model, budget);
        if (servedLp.isPresent()) {
            servedBound = Math.max(servedValue, Math.min(servedBound, servedLp.getAsLong()));
        }
        boolean servedProved = servedValue == servedBound;
        model.clearObjective();
        int held = model.getBuilder().getConstraintsCount();
        model.addGreaterOrEqual(served, servedValue);
        model.minimize(cost);
        model.clearHints();
        for (int i = 0; i < values.length; i++) {
            model.addHint(vars.get(i), values[i]);
        }
        PhaseTwoBounds bounds = costBounds.isPresent() && servedProved && !budget.expired()
                ? costBounds.get().of(model, cost, seed, budget, values.clone())
                : PhaseTwoBounds.NONE;
        OptionalLong hintCost = evaluate(cost, values);
        Optional<long[]> started = bounds.start()
                .filter(start -> hintCost.isEmpty() || start.cost() < hintCost.getAsLong())
                .flatMap(start -> complete(model.getClone(), start.hint(), seed, budget));
        started.ifPresent(start -> {
            model.clearHints();
            for (int i = 0; i < start.length; i++) {
                model.addHint(vars.get(i), start[i]);
            }
        });
        int floor = model.getBuilder().getConstraintsCount();
        bounds.best().ifPresent(bound -> model.addGreaterOrEqual(cost, bound));
        CpSolver second = solver(seed, budget);
        CpSolverStatus s2 = run(second, budget);
        if (bounds.best().isPresent()) {
            model.getBuilder().removeConstraints(floor);
        }
        model.getBuilder().removeConstraints(held);
        long costValue;
        long costBound;
        switch (s2) {
            case OPTIMAL, FEASIBLE -> {
                for (int i = 0; i < values.length; i++) {
                    values[i] = second.value(vars.get(i));
                }
                costValue = Math.round(second.objectiveValue());
                costBound = (long) Math.ceil(second.bestObjectiveBound() - 1e-6);
            }
            case UNKNOWN -> {
                costValue = -1;
                costBound = budget.expired() ? 0 : Math.max(0, (long) Math.ceil(second.bestObjectiveBound() - 1e-6));
            }
            case INFEASIBLE, MODEL_INVALID, UNRECOGNIZED -> throw new IllegalStateException(
                    "exact: CP-SAT answered " + s2 + " in phase two, whose hint is feasible");
            default -> throw new IllegalStateException("exact: unknown CP-SAT status " + s2);
        }
        StartUse use = bounds.start().isEmpty() ? StartUse.NONE : started.isPresent() ? StartUse.HINT : StartUse.UNUSED;
        long reached = costValue >= 0 ? costValue : hintCost.orElse(Long.MAX_VALUE);
        if (use != StartUse.NONE && bounds.start().get().cost() < reached) {
            bounds.start().get().hint().copyInto(values);
            costValue = bounds.start().get().cost();
            use = StartUse.TAKEN;
        }
        boolean optimal = servedProved && s2 == CpSolverStatus.OPTIMAL;
        if (bounds.best().isPresent()) {
            costBound = Math.max(costBound, bounds.best().getAsLong());
        }
        return new Outcome(
                values,
                optimal,
                s1.name(),
                servedValue,
                servedBound,
                s2.name(),
                costValue,
                costBound,
                bounds,
                use,
                servedLp);
    }

    /**
     * A full solution with the given variables at the given values (a hint from {@link
     * PlanHint}), or empty when there is none: INFEASIBLE (the values break a constraint) or
     * UNKNOWN (none found within the limits); MODEL_INVALID and UNRECOGNIZED throw.
     */
    Optional<long[]> complete(PlanHint.Values given, long seed, Budget budget) {
        return complete(model, given, seed, budget);
    }

    /** {@link #complete(PlanHint.Values, long, Budget)} on {@code on}, this model or a clone; clears its objective and hints. */
    private Optional<long[]> complete(CpModel on, PlanHint.Values given, long seed, Budget budget) {
        on.clearObjective();
        on.clearHints();
        for (int i = 0; i < given.vars().length; i++) {
            on.addHint(vars.get(given.vars()[i]), given.values()[i]);
        }
        CpSolver solver = solver(seed, budget);
        solver.getParameters().setFixVariablesToTheirHintedValue(true).setMaxDeterministicTime(COMPLETION_SECONDS);
        CpSolverStatus status = run(solver, budget, on);
        switch (status) {
            case OPTIMAL, FEASIBLE -> {
                long[] values = new long[vars.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = solver.value(vars.get(i));
                }
                return Optional.of(values);
            }
            case INFEASIBLE, UNKNOWN -> {
                return Optional.empty();
            }
            case MODEL_INVALID, UNRECOGNIZED -> throw new IllegalStateException(
                    "exact: CP-SAT answered " + status + " when completing a hint");
            default -> throw new IllegalStateException("exact: unknown CP-SAT status " + status);
        }
    }

    /**
     * The value of {@code expr} at {@code values} (indexed by variable number), or empty when it
     * has a term over a variable not made here.
     */
    OptionalLong evaluate(LinearExpr expr, long[] values) {
        Map<Integer, Integer> number = new HashMap<>();
        for (int i = 0; i < vars.size(); i++) {
            number.put(vars.get(i).getIndex(), i);
        }
        long sum = expr.getOffset();
        for (int i = 0; i < expr.numElements(); i++) {
            Integer n = number.get(expr.getVariableIndex(i));
            if (n == null) {
                return OptionalLong.empty();
            }
            sum += expr.getCoefficient(i) * values[n];
        }
        return OptionalLong.of(sum);
    }

    /** The most {@code expr} can reach within its variables' domains. */
    private long ceiling(LinearExpr expr) {
        long sum = expr.getOffset();
        for (int i = 0; i < expr.numElements(); i++) {
            List<Long> domain =
                    model.getBuilder().getVariables(expr.getVariableIndex(i)).getDomainList();
            long c = expr.getCoefficient(i);
            sum += Math.max(c * domain.get(0), c * domain.get(domain.size() - 1));
        }
        return sum;
    }

    /** Solves, or answers UNKNOWN without solving when the budget's deadline has passed. */
    private CpSolverStatus run(CpSolver solver, Budget budget) {
        return run(solver, budget, model);
    }

    private static CpSolverStatus run(CpSolver solver, Budget budget, CpModel on) {
        return budget.expired() ? CpSolverStatus.UNKNOWN : solver.solve(on);
    }

    /** A deterministic CP-SAT solver (one worker, linearization 2) within {@code budget}. */
    static CpSolver solver(long seed, Budget budget) {
        CpSolver solver = new CpSolver();
        solver.getParameters()
                .setNumWorkers(WORKERS)
                .setInterleaveSearch(WORKERS > 1)
                .setLinearizationLevel(2)
                .setRandomSeed((int) (seed ^ (seed >>> 32)))
                .setMaxDeterministicTime(budget.deterministicSeconds())
                .setLogSearchProgress(false);
        budget.left()
                .ifPresent(left -> solver.getParameters().setMaxTimeInSeconds(Math.max(0.001, left.toNanos() / 1e9)));
        return solver;
    }
}
