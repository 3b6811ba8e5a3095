package dev.canopy.solver.cpsat;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import dev.canopy.model.Channel;
import dev.canopy.model.Link;
import dev.canopy.model.Node;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.routing.Route;
import dev.canopy.model.routing.Routing;
import dev.canopy.policies.compile.LinearCaps;
import dev.canopy.solver.Locality;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.PolicyGate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-node CP-SAT model: one Boolean per (channel, substream, parent, child) that the
 * lightweight rules, the links and the hard operator policies allow. It states every hard rule
 * of the verifier directly: one parent per child per substream, a parent holds what it sends,
 * depth labels (at most the channel's maxDepth and the node's max-depth policy) rule out cycles
 * and bound hops, uplink, downlink and link capacities in kbps, served = at least k of the k+n
 * substreams (k + p where a hard redundancy policy gives the node's region parity p). Operator
 * policies: a node a hard policy bars from a channel gets no edge of it and does not count as
 * served; an edge a hard filter forbids ({@link PolicyGate#admits}) is not created; the hard
 * caps are linear constraints ({@link LinearCaps}); a relaxable dual-ingress domain entered by
 * one copy costs more than every edge together (so the cost phase avoids it where two copies
 * can enter). Any node may receive and relay, including
 * parity substreams, nodes that stay unserved (degraded) and nodes that do not want the
 * channel. Its size grows with nodes squared, so it is for small problems and for checking the
 * class model.
 */
final class NodeModel {
    /** A (channel, substream, parent, child) edge and the number of its variable. */
    record EdgeVar(int channel, int substream, int parent, int child, int var) {}

    final List<EdgeVar> edges = new ArrayList<>();
    private final LexicographicSolve solve = new LexicographicSolve();
    private final SnapshotIndex index;
    private final Routing routing;
    private final LinearExprBuilder served = LinearExpr.newBuilder();
    private final LinearExprBuilder cost = LinearExpr.newBuilder();
    /** The most the edges' locality cost can add up to. */
    private long costCeiling;

    /**
     * Builds the model of the problem; {@code gate} answers the policy questions (bars, edge
     * filters, max-depth, redundancy) and is otherwise left as it is.
     */
    NodeModel(PlanningProblem problem, PolicyGate gate) {
        this.routing = problem.routing();
        this.index = routing.index();
        LinearCaps caps = problem.compiled().linearCaps();
        List<Map<Long, LinearExprBuilder>> capSums = new ArrayList<>();
        for (int i = 0; i < caps.size(); i++) {
            capSums.add(new HashMap<>());
        }
        CpModel model = solve.model();
        int nodes = index.nodeCount();
        LinearExprBuilder[] sent = new LinearExprBuilder[nodes];
        LinearExprBuilder[] got = new LinearExprBuilder[nodes];
        for (int i = 0; i < nodes; i++) {
            sent[i] = LinearExpr.newBuilder();
            got[i] = LinearExpr.newBuilder();
        }
        Map<Long, LinearExprBuilder> links = new HashMap<>();
        long[] weight = TierWeights.of(
                TierWeights.pairsPerTier(index), problem.compiled().priority());
        for (int c = 0; c < index.channelCount(); c++) {
            Channel channel = index.channel(c);
            long rate = channel.substreamRateKbps();
            int depthBound = channel.maxDepth().orElse(nodes);
            LinearExprBuilder[] receivedOfChannel = new LinearExprBuilder[nodes];
            for (int s = 0; s < channel.totalSubstreams(); s++) {
                IntVar[] depth = new IntVar[nodes];
                IntVar[] holds = new IntVar[nodes];
                LinearExprBuilder[] in = new LinearExprBuilder[nodes];
                for (int q = 0; q < nodes; q++) {
                    if (index.isSource(c, q)) {
                        depth[q] = model.newConstant(0);
                    } else {
                        depth[q] = model.newIntVar(0, Math.min(depthBound, gate.depthBound(q, c)), "");
                        holds[q] = solve.var(solve.newInt(0, 1));
                        in[q] = LinearExpr.newBuilder();
                    }
                }
                List<EdgeVar> substreamEdges = new ArrayList<>();
                for (int p = 0; p < nodes; p++) {
                    for (int q = 0; q < nodes; q++) {
                        if (p == q || index.isSource(c, q) || !gate.admits(p, q, c)) {
                            continue;
                        }
                        if (!routeFits(p, q, rate)) {
                            continue;
                        }
                        int var = solve.newBool();
                        EdgeVar edge = new EdgeVar(c, s, p, q, var);
                        edges.add(edge);
                        substreamEdges.add(edge);
                        IntVar e = solve.var(var);
                        in[q].add(e);
                        sent[p].addTerm(e, rate);
                        got[q].addTerm(e, rate);
                        cost.addTerm(e, rate * Locality.edgeCost(index, p, q));
                        costCeiling += rate * Locality.edgeCost(index, p, q);
                        for (int i = 0; i < caps.size(); i++) {
                            Map<Long, LinearExprBuilder> sums = capSums.get(i);
                            caps.terms(i, p, q, c, s, rate, (group, amount) -> sums.computeIfAbsent(
                                            group, g -> LinearExpr.newBuilder())
                                    .addTerm(e, amount));
                        }
                        if (holds[p] != null) {
                            model.addLessOrEqual(e, holds[p]);
                        }
                        model.addGreaterOrEqual(
                                        LinearExpr.newBuilder()
                                                .add(depth[q])
                                                .addTerm(depth[p], -1)
                                                .build(),
                                        1)
                                .onlyEnforceIf(solve.bool(var));
                        Route route = routing.route(index.regionOf(p), index.regionOf(q));
                        for (int h = 0; h < route.hops(); h++) {
                            long key = route.link(h) * 2L + (route.aToB(h) ? 0 : 1);
                            if (index.link(route.link(h)).capacityKbps().isPresent()) {
                                links.computeIfAbsent(key, k -> LinearExpr.newBuilder())
                                        .addTerm(e, rate);
                            }
                        }
                    }
                }
                for (int q = 0; q < nodes; q++) {
                    if (holds[q] == null) {
                        continue;
                    }
                    model.addEquality(in[q].build(), holds[q]);
                    if (receivedOfChannel[q] == null) {
                        receivedOfChannel[q] = LinearExpr.newBuilder();
                    }
                    receivedOfChannel[q].add(holds[q]);
                }
            }
            for (int q = 0; q < nodes; q++) {
                if (index.wants(c, q)
                        && !index.isSource(c, q)
                        && gate.barred(q, c).isEmpty()) {
                    int needed = gate.substreamsNeeded(q, c, channel.substreams());
                    if (needed > channel.totalSubstreams()) {
                        continue;
                    }
                    IntVar isServed = solve.var(solve.newInt(0, 1));
                    model.addGreaterOrEqual(receivedOfChannel[q].addTerm(isServed, -needed), 0);
                    served.addTerm(isServed, weight[index.node(q).tier().ordinal()]);
                }
            }
        }
        for (int i = 0; i < nodes; i++) {
            Node node = index.node(i);
            model.addLessOrEqual(sent[i], node.uplinkKbps());
            if (node.downlinkKbps().isPresent()) {
                model.addLessOrEqual(got[i], node.downlinkKbps().getAsLong());
            }
        }
        for (var entry : links.entrySet()) {
            Link link = index.link((int) (entry.getKey() / 2));
            model.addLessOrEqual(entry.getValue(), link.capacityKbps().getAsLong() - link.loadKbps());
        }
        List<IntVar> shortfalls = new ArrayList<>();
        for (int i = 0; i < caps.size(); i++) {
            for (var entry : capSums.get(i).entrySet()) {
                long bound = caps.bound(i, entry.getKey());
                if (caps.allOrNone(i, entry.getKey())) {
                    IntVar all = model.newBoolVar("");
                    LinearExprBuilder sum = entry.getValue().addTerm(all, -bound);
                    if (caps.policy(i).relaxable()) {
                        IntVar shortfall = model.newBoolVar("");
                        sum.addTerm(shortfall, -1);
                        model.addLessOrEqual(LinearExpr.sum(new IntVar[] {all, shortfall}), 1);
                        shortfalls.add(shortfall);
                    }
                    model.addEquality(sum, 0);
                } else {
                    model.addLessOrEqual(entry.getValue(), bound);
                }
            }
        }
        for (IntVar shortfall : shortfalls) {
            cost.addTerm(shortfall, costCeiling + 1);
        }
    }

    /** How many edge variables the model would have: receivers and relays squared, per substream. */
    static long size(SnapshotIndex index) {
        long relays = 0;
        for (int i = 0; i < index.nodeCount(); i++) {
            relays += index.node(i).canRelay() ? 1 : 0;
        }
        long substreams = 0;
        for (int c = 0; c < index.channelCount(); c++) {
            substreams += index.channel(c).totalSubstreams();
        }
        return relays * index.nodeCount() * substreams;
    }

    LexicographicSolve.Outcome solve(long seed, Budget budget) {
        return solve.solve(served.build(), cost.build(), seed, budget, null);
    }

    int variables() {
        return solve.size();
    }

    private boolean routeFits(int p, int q, long rate) {
        Route route = routing.route(index.regionOf(p), index.regionOf(q));
        for (int h = 0; h < route.hops(); h++) {
            Link link = index.link(route.link(h));
            if (link.capacityKbps().isPresent() && link.capacityKbps().getAsLong() - link.loadKbps() < rate) {
                return false;
            }
        }
        return true;
    }
}
