package dev.canopy.solver.cpsat;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;

/**
 * Reachability of the class model, stated up front: per channel and substream, a
 * single-commodity flow leaves the sources of the channel and each class that holds the
 * substream keeps one unit of it; a unit may cross an arc only if the arc carries edges ({@code
 * f[a] <= M x[a]}, M the number of classes that may hold the channel). So a solution holds a
 * substream in a class only if a path of arcs carrying edges leads to it from a source: no set
 * of holding classes is left without an edge coming in from outside, which is what a plan's
 * trees, rooted at the sources, need. Sound for every plan (send one unit along each holding
 * class's tree path from its source), and exact for reachability (a reachable solution routes
 * every unit along a path from a source).
 */
final class SourceFlow {
    private SourceFlow() {}

    /** Adds the flow; returns its variables, {@code f[c][s][a]} per channel, substream and arc. */
    static int[][][] add(ClassModel model) {
        int[][][] units = new int[model.graphs.length][][];
        for (int c = 0; c < model.graphs.length; c++) {
            units[c] = new int[model.x[c].length][];
            for (int s = 0; s < model.x[c].length; s++) {
                units[c][s] = substream(model, c, s);
            }
        }
        return units;
    }

    private static int[] substream(ClassModel model, int c, int s) {
        ChannelGraph graph = model.graphs[c];
        CpModel cp = model.solve.model();
        int holders = 0;
        for (int g = 0; g < graph.classes; g++) {
            holders += graph.holder[g] ? 1 : 0;
        }
        LinearExprBuilder[] balance = new LinearExprBuilder[graph.vertices];
        for (int v = 0; v < graph.vertices; v++) {
            balance[v] = LinearExpr.newBuilder();
        }
        int[] units = new int[graph.arcs()];
        for (int a = 0; a < graph.arcs(); a++) {
            int f = model.solve.newInt(0, holders);
            units[a] = f;
            cp.addLessOrEqual(
                    LinearExpr.newBuilder()
                            .addTerm(model.solve.var(f), 1)
                            .addTerm(model.solve.var(model.x[c][s][a]), -holders),
                    0);
            balance[graph.head[a]].addTerm(model.solve.var(f), 1);
            balance[graph.tail[a]].addTerm(model.solve.var(f), -1);
        }
        for (int v = 0; v < graph.vertices; v++) {
            if (graph.isHub(v)) {
                cp.addEquality(balance[v], 0);
            } else if (graph.holder[v]) {
                cp.addEquality(balance[v].addTerm(model.solve.var(model.holds[c][s][v]), -1), 0);
            }
        }
        return units;
    }
}
