package dev.canopy.solver.cpsat;

import com.google.ortools.sat.CpModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cuts of the class model over sets of a channel's substreams, found where a solution breaks
 * them (separated, not stated up front: a channel of k + n substreams has 2^(k+n) sets). What a
 * class sends in a set S of substreams comes from the nodes that hold one of S, each within its
 * slots, so it is at most the slots of that many of its nodes with most slots, {@code
 * prefix[u]}. How many hold one of S: a served node holds at least {@code |S| - n} of S, so with
 * {@code r = max(0, |S| - n - 1)} at most {@code u = sum_{s in S} in(s) - r m} nodes do. As
 * {@code prefix} is concave, for every t:
 *
 * <pre>out(S) <= prefix[t] + σ(t+1) (sum_{s in S} in(s) - r m - t)</pre>
 *
 * Sound for every plan; for S the whole channel it is the class row of the {@link InboundCuts}.
 *
 * <p>Why: the {@link SubstreamSearch}'s solutions of the critical family (capacity short) broke
 * them, so the {@link Realizer} could not place them. Critical 300 peers, k = 4, seed 24: a class
 * of four nodes (slots 9, 2, 2, 1) serving one of them sent 1, 8 and 5 children of the three
 * substreams that 1, 3 and 1 of its nodes held; the served node holds all three, so only three
 * nodes hold any, with 13 slots for 14 children.
 */
final class SubstreamSetCuts {
    /** Channels of at most this many substreams (data and parity) are separated: every set is tried. */
    static final int MOST_SUBSTREAMS = 10;

    /**
     * A cut over the class model's variable numbers: {@code sum coeffs[i] var[numbers[i]] <=
     * most}.
     */
    record Cut(int[] numbers, long[] coeffs, long most) {
        /** The cut as a row over the CP-SAT model's variable indices (for {@link LinearModel}). */
        LpBound.Row row(ClassModel model) {
            int[] vars = new int[numbers.length];
            for (int i = 0; i < vars.length; i++) {
                vars[i] = model.solve.var(numbers[i]).getIndex();
            }
            return new LpBound.Row(vars, coeffs, Long.MIN_VALUE, most);
        }

        /** Adds the cut to a CP-SAT model whose variables are the class model's. */
        void addTo(ClassModel model, CpModel to) {
            to.addLessOrEqual(model.solve.sum(numbers, coeffs, numbers.length), most);
        }
    }

    private SubstreamSetCuts() {}

    /** Whether a solution's counting variables ({@link PlanHint.Values}) meet every cut. */
    static boolean meets(ClassModel model, PlanHint.Values hint) {
        long[] values = new long[model.variables()];
        hint.copyInto(values);
        return violated(model, values).isEmpty();
    }

    /**
     * The cuts that {@code values} (by variable number) break, one per (channel, holder class,
     * set of substreams): the line at the set's holder count, the one that cuts deepest there.
     */
    static List<Cut> violated(ClassModel model, long[] values) {
        List<Cut> cuts = new ArrayList<>();
        PeerClasses pc = model.classes;
        for (int c = 0; c < model.graphs.length; c++) {
            ChannelGraph graph = model.graphs[c];
            int total = model.x[c].length;
            if (total > MOST_SUBSTREAMS) {
                continue;
            }
            int n = total - model.index.channel(c).substreams();
            for (int g = 0; g < pc.count; g++) {
                if (graph.holder[g] && !graph.source[g] && graph.sender[g]) {
                    violated(model, values, c, n, g, cuts);
                }
            }
        }
        return cuts;
    }

    private static void violated(ClassModel model, long[] values, int c, int n, int g, List<Cut> cuts) {
        ChannelGraph graph = model.graphs[c];
        int total = model.x[c].length;
        long[] in = new long[total];
        long[] out = new long[total];
        for (int s = 0; s < total; s++) {
            for (int a = 0; a < graph.arcs(); a++) {
                long units = values[model.x[c][s][a]];
                in[s] += graph.head[a] == g ? units : 0;
                out[s] += graph.tail[a] == g ? units : 0;
            }
        }
        long served = model.m[c][g] >= 0 ? values[model.m[c][g]] : 0;
        long[] prefix = model.classes.prefix[g];
        int size = prefix.length - 1;
        for (int set = 1; set < (1 << total) - 1; set++) {
            int members = Integer.bitCount(set);
            long r = Math.max(0, members - n - 1);
            long held = -r * served;
            long sent = 0;
            for (int s = 0; s < total; s++) {
                if ((set & (1 << s)) != 0) {
                    held += in[s];
                    sent += out[s];
                }
            }
            int t = (int) Math.max(0, Math.min(size, held));
            if (sent > prefix[t]) {
                cuts.add(cut(model, c, g, set, r, t));
            }
        }
    }

    /** The line at t of the cut of class g's set of substreams (a bit mask) of channel c. */
    private static Cut cut(ClassModel model, int c, int g, int set, long r, int t) {
        ChannelGraph graph = model.graphs[c];
        long[] prefix = model.classes.prefix[g];
        long slope = t + 1 < prefix.length ? prefix[t + 1] - prefix[t] : 0;
        Map<Integer, Long> terms = new TreeMap<>();
        for (int s = 0; s < model.x[c].length; s++) {
            if ((set & (1 << s)) == 0) {
                continue;
            }
            for (int a = 0; a < graph.arcs(); a++) {
                long coeff = (graph.tail[a] == g ? 1 : 0) - (graph.head[a] == g ? slope : 0);
                if (coeff != 0) {
                    terms.merge(model.x[c][s][a], coeff, Long::sum);
                }
            }
        }
        if (model.m[c][g] >= 0 && r > 0 && slope > 0) {
            terms.merge(model.m[c][g], slope * r, Long::sum);
        }
        terms.values().removeIf(coeff -> coeff == 0);
        int[] numbers = terms.keySet().stream().mapToInt(Integer::intValue).toArray();
        long[] coeffs = terms.values().stream().mapToLong(Long::longValue).toArray();
        return new Cut(numbers, coeffs, prefix[t] - slope * t);
    }
}
