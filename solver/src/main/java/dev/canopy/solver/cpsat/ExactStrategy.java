package dev.canopy.solver.cpsat;

import dev.canopy.model.Limit;
import dev.canopy.model.Node;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.plan.UnservedReason;
import dev.canopy.solver.Locality;
import dev.canopy.solver.Pairing;
import dev.canopy.solver.PlanAssembler;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.Strategy;
import dev.canopy.solver.greedy.GreedyStrategy;
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
 * keeps what was placed, says {@code optimal=false} and gives its gap to the bounds; if greedy's
 * plan is better, greedy's plan is returned, marked {@code exact.fallback=greedy}, with its own
 * gap to the bounds. Greedy's plan is also where the class model's search starts ({@link
 * PlanHint}). Refused (with
 * the reason): channels of different substream rates, a channel with maxDepth, a capped link
 * that a plan could fill, more than {@value PeerClasses#MAX_CHANNELS_PER_CLASS} channels per node.
 *
 * <p>Deterministic: one CP-SAT worker, the options' seed, and a deterministic-time budget; a
 * wall-clock {@code timeLimit} is honoured as well (a run cut by it may not repeat). Stateless
 * and thread-safe.
 */
public final class ExactStrategy implements Strategy {
    /** The registered name. */
    public static final String NAME = "exact";

    /** The most receivers taken: the class model grows with classes, which grow slowly with peers. */
    public static final int MAX_RECEIVERS = 5_000;

    /** Up to this many candidate edge variables, the per-node model is used. */
    static final long NODE_MODEL_EDGES = 40_000;

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
        if (!problem.compiled().isEmpty()) {
            throw new IllegalArgumentException(
                    "strategy exact does not plan under operator policies yet; use greedy or multi-tree");
        }
        return plan(problem, Model.AUTO);
    }

    /** Plans with the given model (the tests compare the two). */
    Plan plan(PlanningProblem problem, Model model) {
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
        if (chosen == Model.CLASS) {
            Optional<String> why = ClassPlanner.unsupported(problem);
            if (why.isPresent()) {
                throw new IllegalArgumentException("exact cannot plan this problem exactly: " + why.get()
                        + " (supported on problems of at most " + NODE_MODEL_EDGES + " candidate edges)");
            }
        }
        PlanAssembler plan = new PlanAssembler(index);
        if (chosen == Model.NODE) {
            return assemble(problem, plan, NodePlanner.plan(problem, plan));
        }
        Plan greedy = new GreedyStrategy().plan(problem);
        Plan exact = assemble(problem, plan, ClassPlanner.plan(problem, plan, greedy));
        boolean proved = Boolean.TRUE.equals(exact.metrics().get("optimal"));
        return !proved && Comparison.better(index, greedy, exact)
                ? Comparison.relabel(index, greedy, exact, NAME)
                : exact;
    }

    /** Lists every receiver that got fewer than k substreams as unserved, and builds the plan. */
    private static Plan assemble(PlanningProblem problem, PlanAssembler plan, int[][] received) {
        SnapshotIndex index = problem.index();
        for (int c = 0; c < index.channelCount(); c++) {
            int k = index.channel(c).substreams();
            for (int q : index.receivers(c)) {
                int got = received[c][q];
                if (got < k) {
                    UnservedReason reason = got > 0 ? UnservedReason.DEGRADED : reason(index, c, q);
                    plan.unserved(q, c, reason, Optional.empty(), got);
                }
            }
        }
        return plan.build(NAME, problem.options());
    }

    /** Why a node got nothing: its access list or the lightweight rules leave no holder, else capacity. */
    private static UnservedReason reason(SnapshotIndex index, int channel, int node) {
        Node child = index.node(node);
        var down = child.downlinkKbps();
        if (down.isPresent() && down.getAsLong() < index.channel(channel).rateKbps()) {
            return UnservedReason.CAPACITY;
        }
        for (int p = 0; p < index.nodeCount(); p++) {
            boolean holder = index.isSource(channel, p) || index.wants(channel, p);
            if (p != node && holder && Pairing.canPair(index.node(p), child)) {
                return UnservedReason.CAPACITY;
            }
        }
        return child.has(Limit.ACCESS_LIST) ? UnservedReason.ACCESS_LIST : UnservedReason.NO_COMPATIBLE_SOURCE;
    }
}
