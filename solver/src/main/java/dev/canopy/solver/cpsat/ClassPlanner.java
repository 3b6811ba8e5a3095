package dev.canopy.solver.cpsat;

import dev.canopy.model.Link;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.routing.Route;
import dev.canopy.model.routing.Routing;
import dev.canopy.solver.Locality;
import dev.canopy.solver.Pairing;
import dev.canopy.solver.PlanAssembler;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.reparent.Reparenting;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Plans with the class model: checks what it takes, solves, realises per node, certifies, assembles. */
final class ClassPlanner {
    private ClassPlanner() {}

    /** Why the class model cannot take the problem, or empty. */
    static Optional<String> unsupported(PlanningProblem problem) {
        SnapshotIndex index = problem.index();
        if (!PeerClasses.uniformRate(index)) {
            return Optional.of("channels have different substream rates");
        }
        if (index.channelCount() > 30) {
            return Optional.of("more than 30 channels");
        }
        for (int c = 0; c < index.channelCount(); c++) {
            if (index.channel(c).maxDepth().isPresent()) {
                return Optional.of("channel \"" + index.channel(c).id() + "\" bounds its depth");
            }
        }
        return bindingLink(problem.routing());
    }

    /**
     * A capped link that some plan could fill, if any: what crosses a link in one direction is
     * at most what the nodes behind it can receive (every substream of every channel they may
     * hold, within their downlinks) and at most what the senders before it can send.
     */
    private static Optional<String> bindingLink(Routing routing) {
        SnapshotIndex index = routing.index();
        boolean anyCap = false;
        for (int l = 0; l < index.linkCount(); l++) {
            anyCap |= index.link(l).capacityKbps().isPresent();
        }
        if (!anyCap) {
            return Optional.empty();
        }
        int regions = index.regionCount();
        long[] demand = new long[regions];
        long[] uplink = new long[regions];
        for (int i = 0; i < index.nodeCount(); i++) {
            int r = index.regionOf(i);
            long take = 0;
            for (int c = 0; c < index.channelCount(); c++) {
                if (!index.isSource(c, i)) {
                    take += index.channel(c).totalSubstreams()
                            * index.channel(c).substreamRateKbps();
                }
            }
            var down = index.node(i).downlinkKbps();
            demand[r] += down.isPresent() ? Math.min(take, down.getAsLong()) : take;
            if (index.node(i).canRelay()) {
                uplink[r] += index.node(i).uplinkKbps();
            }
        }
        int links = index.linkCount();
        boolean[][] senderBehind = new boolean[links * 2][regions];
        boolean[][] receiverBehind = new boolean[links * 2][regions];
        for (int a = 0; a < regions; a++) {
            if (uplink[a] == 0) {
                continue;
            }
            for (int b = 0; b < regions; b++) {
                if (demand[b] == 0 || a == b) {
                    continue;
                }
                Route route = routing.route(a, b);
                for (int h = 0; h < route.hops(); h++) {
                    int key = route.link(h) * 2 + (route.aToB(h) ? 0 : 1);
                    senderBehind[key][a] = true;
                    receiverBehind[key][b] = true;
                }
            }
        }
        for (int key = 0; key < links * 2; key++) {
            Link link = index.link(key / 2);
            if (link.capacityKbps().isEmpty()) {
                continue;
            }
            long in = 0;
            long out = 0;
            for (int r = 0; r < regions; r++) {
                in += receiverBehind[key][r] ? demand[r] : 0;
                out += senderBehind[key][r] ? uplink[r] : 0;
            }
            if (Math.min(in, out) > link.capacityKbps().getAsLong() - link.loadKbps()) {
                return Optional.of("link \"" + link.id() + "\" may be filled by the plan");
            }
        }
        return Optional.empty();
    }

    /**
     * Solves within {@code budget}, starting from {@code start} (a plan of the same problem, such
     * as the best heuristic plan) seen as a class-level solution, realises the solution and adds
     * the trees and the figures to the assembler. The plan is optimal iff both phases were proved
     * and the solution was realised: the class model is a relaxation (see {@link ClassModel}), so
     * its proved optimum bounds every plan, and a realised solution is a plan with the same served
     * weight and cost. The model has the {@link InboundCuts} when {@code start} leaves a receiver
     * unserved. Returns substreams received per channel and node.
     */
    static int[][] plan(PlanningProblem problem, PlanAssembler plan, Plan start, Budget budget) {
        PeerClasses classes = PeerClasses.of(problem);
        ClassModel model = new ClassModel(classes, true, !start.unserved().isEmpty());
        long seed = problem.options().seed();
        Optional<long[]> warm = PlanHint.of(model, start).flatMap(hint -> model.solve.complete(hint, seed, budget));
        LexicographicSolve.Outcome outcome = model.solve(seed, budget, warm.orElse(null));
        Realizer.Result result = Realizer.of(model, outcome::value).run();
        long cost = addTrees(problem.index(), plan, result);
        long served = servedWeight(problem.index(), model.tierWeights(), result.received());
        ExactMetrics.record(plan, "class", outcome, result.complete(), served, cost);
        plan.metric("exact.hinted", warm.isPresent());
        plan.metric("exact.cuts", model.cuts);
        plan.metric("exact.inboundCuts", model.inbound.count());
        plan.metric("exact.classes", classes.count);
        plan.metric("exact.variables", model.variables());
        return result.received();
    }

    /**
     * The class model's plan moved to cheaper parents by {@link Reparenting} when its solution was
     * not realised (a stray edge placed a holder off the solution's arcs, at a cost above it), with
     * its cost, gap and {@code exact.reparentMoves}; {@code optimal} when it then meets both proved
     * bounds. A realised plan, or one the search cannot improve, is returned as it is. With the
     * tree builder of stop 20, homogeneous 2,000 peers, k = 8, seed 24, was realised at 440,250
     * against its proved 440,100; one move made it 440,100, optimal.
     */
    static Plan reparented(PlanningProblem problem, Plan plan, Budget budget) {
        Map<String, Object> metrics = plan.metrics();
        if (!Boolean.FALSE.equals(metrics.get("exact.realized")) || budget.expired()) {
            return plan;
        }
        Optional<Reparenting.Outcome> moved = StartPlan.reparented(problem, plan, budget);
        if (moved.isEmpty()) {
            return plan;
        }
        long cost = Locality.planCost(problem.index(), moved.get().plan());
        Map<String, Object> updated = new LinkedHashMap<>(metrics);
        double gap = ExactMetrics.gap(
                (Long) metrics.get("exact.planServed"), cost, (Long) metrics.get("exact.servedBound"), (Long)
                        metrics.get("exact.costBound"));
        updated.put("exact.planCost", cost);
        updated.put("exact.reparentMoves", moved.get().moves());
        updated.put("gap", gap);
        updated.put("optimal", gap == 0);
        return moved.get().plan().withMetrics(updated);
    }

    /** Adds the realized trees' edges to the plan; returns their locality cost. */
    static long addTrees(SnapshotIndex index, PlanAssembler plan, Realizer.Result result) {
        long cost = 0;
        for (Realizer.Tree tree : result.trees()) {
            long rate = index.channel(tree.channel()).substreamRateKbps();
            for (int e = 0; e < tree.children().length; e++) {
                int p = tree.parents()[e];
                int q = tree.children()[e];
                plan.edge(tree.channel(), tree.substream(), p, q, Pairing.initiator(index.node(p), index.node(q)));
                cost += rate * Locality.edgeCost(index, p, q);
            }
        }
        return cost;
    }

    /** The served objective of received substream counts, as the models weigh it. */
    static long servedWeight(SnapshotIndex index, long[] weight, int[][] received) {
        long sum = 0;
        for (int c = 0; c < index.channelCount(); c++) {
            int k = index.channel(c).substreams();
            for (int q : index.receivers(c)) {
                sum += received[c][q] >= k ? weight[index.node(q).tier().ordinal()] : 0;
            }
        }
        return sum;
    }
}
