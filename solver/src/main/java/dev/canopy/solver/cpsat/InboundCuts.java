package dev.canopy.solver.cpsat;

import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;

/**
 * Inbound cuts of the class model: what a class receives of a channel pays for its served nodes
 * and for its senders. Per node v, channel c with k data substreams: {@code in(v) >= (k - 1)
 * served(v) + out(v) / slots(v)}, since a served node receives at least k substreams and sends
 * at most its slots, and an unserved node that sends receives at least the one substream it
 * sends. Summed over a class whose nodes' slots run {@code σ1 >= σ2 >= ...} ({@link
 * PeerClasses#prefix}), the least {@code sum_v out(v) / slots(v)} for a total {@code out} is
 * reached by filling the nodes with most slots first: a convex function, at least each of its
 * pieces' lines, so for every t with {@code σ(t+1) > 0}:
 *
 * <pre>σ(t+1) (in - (k - 1) m - t) >= out - prefix[t]</pre>
 *
 * (m only for receiver classes; sources receive nothing and are left out). Sound for every plan
 * with any parity, and for several channels (a node sends at most its slots in each).
 *
 * <p>Why: without them the model may serve a fraction of a class with the same inbound edges
 * that let it relay. A class of one node with 2 slots, at k = 4, served a quarter: it takes a
 * quarter of each substream (one edge in all) and sends 2, where a plan pays one edge for a
 * relay that serves no one, or 4 for a served node. On the critical family (capacity short)
 * that was the whole gap between the served weight's LP bound and the best plan found: at 300
 * peers, k = 4, seed 24, the bound fell from 578,125 to 578,112, the weight served by exact's
 * start plan (see {@code docs/benchmarks.md}). When every receiver is served the cuts are
 * implied by the other rows (a class then receives exactly k m and sends at most {@code
 * prefix[size]}), so the planner adds them only when its start plan leaves a receiver unserved.
 */
final class InboundCuts {
    private InboundCuts() {}

    static void add(ClassModel model) {
        PeerClasses pc = model.classes;
        for (int c = 0; c < model.graphs.length; c++) {
            ChannelGraph graph = model.graphs[c];
            int k = model.index.channel(c).substreams();
            for (int g = 0; g < pc.count; g++) {
                if (graph.holder[g]) {
                    addClass(model, c, k, g);
                }
            }
        }
    }

    /** The rows of one holder class g: one per change of slope of its slots. */
    private static void addClass(ClassModel model, int c, int k, int g) {
        PeerClasses pc = model.classes;
        LinearExpr in = model.received(c, g);
        LinearExpr out = model.sent(c, g);
        long[] prefix = pc.prefix[g];
        long previous = -1;
        for (int t = 0; t < pc.size(g); t++) {
            long slots = prefix[t + 1] - prefix[t];
            if (slots == 0) {
                return; // nodes are ordered by slots, most first: no one further on sends
            }
            if (slots == previous) {
                continue; // the same line as the previous piece
            }
            previous = slots;
            LinearExprBuilder row = LinearExpr.newBuilder().addTerm(in, slots).addTerm(out, -1);
            if (model.m[c][g] >= 0) {
                row.addTerm(model.solve.var(model.m[c][g]), -slots * (k - 1));
            }
            model.solve.model().addGreaterOrEqual(row, slots * t - prefix[t]);
            model.cuts++;
        }
    }
}
