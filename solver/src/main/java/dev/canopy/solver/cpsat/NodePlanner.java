package dev.canopy.solver.cpsat;

import dev.canopy.model.SnapshotIndex;
import dev.canopy.solver.Pairing;
import dev.canopy.solver.PlanAssembler;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.PolicyGate;
import java.util.Arrays;

/**
 * Plans with the per-node model: solves, adds the edges that are on (reserving each through
 * the gate, so that the passes over the finished plan see the capacities and caps it used),
 * counts receptions.
 */
final class NodePlanner {
    private NodePlanner() {}

    /**
     * What the plan gives each node, by channel and node number: substreams received, and hops
     * from the source in substream 0's tree (0 for a source, -1 when not in the tree).
     */
    record Reception(int[][] received, int[][] hops) {}

    /** Adds the trees and figures to the assembler; returns what each node receives. */
    static Reception plan(PlanningProblem problem, PolicyGate gate, PlanAssembler plan, Budget budget) {
        SnapshotIndex index = problem.index();
        NodeModel model = new NodeModel(problem, gate);
        LexicographicSolve.Outcome outcome = model.solve(problem.options().seed(), budget);
        int[][] received = new int[index.channelCount()][index.nodeCount()];
        int[][] parentIn0 = new int[index.channelCount()][index.nodeCount()];
        for (int[] row : parentIn0) {
            Arrays.fill(row, -1);
        }
        for (NodeModel.EdgeVar edge : model.edges) {
            if (outcome.value(edge.var()) == 1) {
                plan.edge(
                        edge.channel(),
                        edge.substream(),
                        edge.parent(),
                        edge.child(),
                        Pairing.initiator(index.node(edge.parent()), index.node(edge.child())));
                gate.reserve(
                        edge.parent(),
                        edge.child(),
                        edge.channel(),
                        edge.substream(),
                        index.channel(edge.channel()).substreamRateKbps());
                received[edge.channel()][edge.child()]++;
                if (edge.substream() == 0) {
                    parentIn0[edge.channel()][edge.child()] = edge.parent();
                }
            }
        }
        ExactMetrics.record(plan, "node", outcome, true);
        plan.metric("exact.variables", model.variables());
        return new Reception(received, hops(index, parentIn0));
    }

    /** Hops from a source along the parents (the plan's trees have no cycle). */
    private static int[][] hops(SnapshotIndex index, int[][] parents) {
        int[][] hops = new int[parents.length][];
        for (int c = 0; c < parents.length; c++) {
            hops[c] = new int[parents[c].length];
            for (int q = 0; q < parents[c].length; q++) {
                int count = 0;
                int at = q;
                while (at >= 0 && !index.isSource(c, at)) {
                    at = parents[c][at];
                    count++;
                }
                hops[c][q] = at < 0 ? -1 : count;
            }
        }
        return hops;
    }
}
