package dev.canopy.solver.cpsat;

import dev.canopy.model.SnapshotIndex;
import dev.canopy.solver.Pairing;
import dev.canopy.solver.PlanAssembler;
import dev.canopy.solver.PlanningProblem;

/** Plans with the per-node model: solves, adds the edges that are on, counts receptions. */
final class NodePlanner {
    private NodePlanner() {}

    /** Adds the trees and figures to the assembler; returns substreams received per channel and node. */
    static int[][] plan(PlanningProblem problem, PlanAssembler plan) {
        SnapshotIndex index = problem.index();
        NodeModel model = new NodeModel(problem.routing());
        LexicographicSolve.Outcome outcome = model.solve(problem.options());
        int[][] received = new int[index.channelCount()][index.nodeCount()];
        for (NodeModel.EdgeVar edge : model.edges) {
            if (outcome.value(edge.var()) == 1) {
                plan.edge(
                        edge.channel(),
                        edge.substream(),
                        edge.parent(),
                        edge.child(),
                        Pairing.initiator(index.node(edge.parent()), index.node(edge.child())));
                received[edge.channel()][edge.child()]++;
            }
        }
        ExactMetrics.record(plan, "node", outcome, true);
        plan.metric("exact.variables", model.variables());
        return received;
    }
}
