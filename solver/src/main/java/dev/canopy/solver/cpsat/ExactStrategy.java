package dev.canopy.solver.cpsat;

import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Plan;
import dev.canopy.solver.FinishingPasses;
import dev.canopy.solver.Locality;
import dev.canopy.solver.PlanAssembler;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.PolicyGate;
import dev.canopy.solver.Resources;
import dev.canopy.solver.Strategy;
import dev.canopy.solver.flow.LocalityLowerBound;
import dev.canopy.solver.greedy.GreedyStrategy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The optimum that other strategies are measured against, with OR-Tools CP-SAT. Objective,
 * lexicographic: first the most served (node, channel) pairs, premium before standard before
 * free; then the least {@link Locality} cost. Solved in two phases (see {@link
 * LexicographicSolve}); the plan's metrics say {@code optimal} (true only when both phases are
 * proved and, for the class model, every unit was placed as solved), the {@code gap} and the
 * objective values and bounds ({@code exact.*}).
 *
 * <p><b>Per-node model</b>, for problems of at most {@value #NODE_MODEL_EDGES} candidate edge
 * variables ({@link NodeModel}): every rule of the verifier is a constraint (capacities in kbps,
 * links, pairing, depth labels and maxDepth), and any node may relay any substream, parity ones
 * included. Its {@code optimal=true} is the true optimum.
 *
 * <p><b>Class model</b>, for larger problems (up to {@value #MAX_RECEIVERS} receivers): nodes are
 * grouped into classes that share leaf region, type, limits, access list, role, tier and wanted
 * channels ({@link PeerClasses}); edges are counted per class and hub ({@link ClassModel}). It is
 * a relaxation: every per-node plan maps onto one of its solutions with the same served weight
 * and cost, so its proved optimum bounds the true optimum. The solution is then realised as
 * per-node trees ({@link Realizer}); when that succeeds, the plan has the bound's served weight
 * and cost and is therefore optimal, and the metrics say {@code optimal=true}. When the
 * realisation falls short (the relaxation does not state every per-node condition), the plan
 * keeps what was placed, moved to cheaper parents by {@link Reparenting} ({@code
 * exact.reparentMoves}), and gives its gap to the bounds. The primal side is a heuristic plan
 * ({@link StartPlan}): greedy's, local's and multi-tree's plans, each moved to cheaper parents
 * by a local search ({@link Reparenting}), the best of them by the same lexicographic objective
 * (so never fewer served, nor dearer, than greedy). When it beats the class model's own plan,
 * it is returned, marked {@code exact.fallback} with its origin (such as {@code
 * greedy+reparenting}) and {@code exact.reparentMoves}, with its own gap to the proved bounds;
 * it says {@code optimal=true} only when that gap is 0. A plan that serves every receiver is also
 * measured against the locality flow bound ({@link LocalityLowerBound}, {@code
 * exact.flowBound}), which at k = 8 is often the stronger: its gap is to the larger bound. The
 * class model's cost bound is also its LP relaxation's optimum ({@link LpBound}, {@code
 * exact.lpBound}, certified from GLOP's duals in exact arithmetic), when that is higher: with
 * the {@link RelayEntryCuts} it is, at 500 to 2,000 peers, far above what CP-SAT proves within
 * its budget; and the {@link ConnectivityRounds}' ({@code exact.connectivityBound}), which cut
 * off the LP's solutions that feed classes no source reaches, and lift it further; their
 * solutions, repaired into solutions of the class model ({@link ConnectivityRepair}), are a
 * second primal side: the cheapest is where phase two starts when it beats the heuristic plan
 * ({@code exact.roundsStartCost}, {@code exact.roundsStart}). The
 * best heuristic plan is also where the class model's search starts ({@link PlanHint}); when it
 * serves every receiver, it proves the first phase, and CP-SAT's budget goes to the cost phase.
 * Refused (with the reason): channels of different substream rates, a channel with maxDepth, a
 * capped link that a plan could fill, more than {@value PeerClasses#MAX_CHANNELS_PER_CLASS}
 * channels per node.
 *
 * <p><b>Operator policies</b>: the per-node model states every hard one ({@link NodeModel}):
 * barred nodes get no edge and are listed with the bar's reason and policy, edges a hard filter
 * forbids have no variable, max-depth bounds the depth labels, redundancy raises the substreams
 * a node needs, and the caps (link-cap, region-cap, serve-window share, single- and
 * dual-ingress copies) are linear constraints; a priority policy orders the tier weights. Soft
 * costs are ignored and nothing is relaxed beyond what {@link FinishingPasses#apply}, run last
 * as in every strategy, sets aside (a relaxable dual-ingress domain left with one copy). The
 * class model does not state policies: its problems are then planned by greedy under the
 * policies and marked {@code exact.fallback=greedy}, {@code exact.fallbackWhy=policies}.
 *
 * <p>Deterministic: one CP-SAT worker, the options' seed, and a deterministic-time budget per
 * CP-SAT solve; without a time limit, the heuristic side is bounded by deterministic work too
 * ({@link Reparenting}). A wall-clock {@code timeLimit} bounds the whole run ({@link Budget}):
 * the heuristic plans and their local search take at most {@value #PRIMAL_SHARE} of it, the
 * class model's solves end at {@value #SOLVE_SHARE} of what is left, and when it has run out
 * before CP-SAT starts the best heuristic plan is returned with the trivial bounds (a run cut by
 * the clock may not repeat). A limit longer than twice the deterministic budget raises that
 * budget to half of it, so that a longer limit buys a closer bound and plan. Stateless and
 * thread-safe.
 */
public final class ExactStrategy implements Strategy {
    /** The registered name. */
    public static final String NAME = "exact";

    /** The most receivers taken: the class model grows with classes, which grow slowly with peers. */
    public static final int MAX_RECEIVERS = 5_000;

    /** Up to this many candidate edge variables, the per-node model is used. */
    static final long NODE_MODEL_EDGES = 40_000;

    /** Share of a time limit the heuristic plans and their local search may take (CP-SAT gets the rest). */
    static final double PRIMAL_SHARE = 0.4;

    /**
     * Share of the time left after the heuristic plans that building and solving the class model
     * may take (the rest is for realising its solution and assembling the plan).
     */
    static final double SOLVE_SHARE = 0.7;

    /** CP-SAT's deterministic seconds per solve. */
    private final double deterministicSeconds;

    /** Exact with CP-SAT's default budget ({@link LexicographicSolve#DETERMINISTIC_SECONDS} per solve). */
    public ExactStrategy() {
        this(LexicographicSolve.DETERMINISTIC_SECONDS);
    }

    /** Exact with another deterministic budget per CP-SAT solve (the contract test runs a short one). */
    ExactStrategy(double deterministicSeconds) {
        this.deterministicSeconds = deterministicSeconds;
    }

    /** Which model plans a problem. */
    enum Model {
        AUTO,
        NODE,
        CLASS
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "the optimum by CP-SAT: most served pairs (by tier), then least locality cost; small problems only";
    }

    @Override
    public int maxReceivers() {
        return MAX_RECEIVERS;
    }

    @Override
    public Plan plan(PlanningProblem problem) {
        return plan(problem, Model.AUTO);
    }

    /** Plans with the given model (the tests compare the two). */
    Plan plan(PlanningProblem problem, Model model) {
        Budget budget = Budget.start(problem.options(), deterministicSeconds);
        SnapshotIndex index = problem.index();
        long receivers = 0;
        for (int c = 0; c < index.channelCount(); c++) {
            receivers += index.receivers(c).length;
        }
        if (receivers > MAX_RECEIVERS) {
            throw new IllegalArgumentException("exact takes at most " + MAX_RECEIVERS + " receivers, the problem has "
                    + receivers + "; use greedy");
        }
        Model chosen =
                model == Model.AUTO ? (NodeModel.size(index) <= NODE_MODEL_EDGES ? Model.NODE : Model.CLASS) : model;
        if (chosen == Model.CLASS && !problem.compiled().isEmpty()) {
            return Comparison.fallback(new GreedyStrategy().plan(problem), NAME, "policies");
        }
        if (chosen == Model.CLASS) {
            Optional<String> why = ClassPlanner.unsupported(problem);
            if (why.isPresent()) {
                throw new IllegalArgumentException("exact cannot plan this problem exactly: " + why.get()
                        + " (supported on problems of at most " + NODE_MODEL_EDGES + " candidate edges)");
            }
        }
        PlanAssembler plan = new PlanAssembler(index);
        if (chosen == Model.NODE) {
            PolicyGate gate = PolicyGate.of(problem, new Resources(problem.routing()));
            NodePlanner.Reception reception = NodePlanner.plan(problem, gate, plan, budget);
            ExactUnserved.list(problem, gate, plan, reception.received(), reception.hops());
            if (FinishingPasses.apply(gate, plan) > 0) {
                plan.metric("optimal", false);
            }
            plan.relaxed(gate.relaxations().entries());
            return plan.build(NAME, problem.options());
        }
        Plan greedy = new GreedyStrategy().plan(problem);
        StartPlan.Chosen start = StartPlan.best(problem, greedy, budget.share(PRIMAL_SHARE));
        if (budget.expired()) {
            return withFlowBound(problem, Comparison.unsolved(index, start, greedy, NAME));
        }
        Plan exact = ClassPlanner.reparented(
                problem,
                assemble(problem, plan, ClassPlanner.plan(problem, plan, start.plan(), budget.share(SOLVE_SHARE))),
                budget);
        boolean proved = Boolean.TRUE.equals(exact.metrics().get("optimal"));
        return withFlowBound(
                problem,
                !proved && Comparison.better(index, start.plan(), exact)
                        ? Comparison.relabel(index, start, exact, NAME)
                        : exact);
    }

    /**
     * The plan with {@code exact.flowBound} ({@link LocalityLowerBound}, a bound on every plan
     * that serves every receiver) and, when it serves everyone, its gap to the larger of the two
     * proved cost bounds; {@code optimal} when that gap is 0.
     */
    private static Plan withFlowBound(PlanningProblem problem, Plan plan) {
        if (!plan.unserved().isEmpty()) {
            return plan;
        }
        long flow = LocalityLowerBound.compute(problem).cost();
        Map<String, Object> metrics = new LinkedHashMap<>(plan.metrics());
        long bound = Math.max(flow, (Long) metrics.get("exact.costBound"));
        double gap = ExactMetrics.gap(
                (Long) metrics.get("exact.planServed"),
                (Long) metrics.get("exact.planCost"),
                (Long) metrics.get("exact.servedBound"),
                bound);
        metrics.put("exact.flowBound", flow);
        metrics.put("gap", Math.min(gap, (Double) metrics.get("gap")));
        if (gap == 0) {
            metrics.put("optimal", true);
        }
        return plan.withMetrics(metrics);
    }

    /** Lists every receiver that got fewer than k substreams as unserved, and builds the plan. */
    static Plan assemble(PlanningProblem problem, PlanAssembler plan, int[][] received) {
        ExactUnserved.list(
                problem,
                PolicyGate.unrestricted(problem.index(), new Resources(problem.routing())),
                plan,
                received,
                new int[0][]);
        return plan.build(NAME, problem.options());
    }
}
