package dev.canopy.solver.cpsat;

import com.google.ortools.Loader;
import com.google.ortools.graph.MaxFlow;
import dev.canopy.model.Channel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntToLongFunction;

/**
 * Turns a class-level solution into per-node trees: it tries to <i>realize</i> the solution, and
 * says whether it did. A realized solution has the solution's served weight and cost (the same
 * served nodes per class and the same edges per arc, so the same costs), which is what lets the
 * planner call a plan optimal when the class model proved the solution optimal.
 *
 * <p>Three steps. Holdings: in each class, the m served nodes of a channel are the first ones
 * (by slots) whose downlink takes k substreams; each substream, most held first, goes to the
 * nodes that still need most substreams to be served, then to those with most slots (for n =
 * 0 every served node thus holds every substream; for n > 0 this is the greedy that meets {@code
 * sum_s min(holders of s, m) >= k m}). Budgets: a max flow per class splits each node's slots
 * over the substreams it holds, to send what the solution sends in each; where it falls short,
 * the class's holders beyond its served nodes' needs are placed again, one substream per
 * unserved node first (relays of a partly served class, critical family), and where that falls
 * short too, CP-SAT places the class's holdings and budgets exactly ({@link ClassHoldings}). Trees ({@link
 * TreeBuilder}): from the sources, edges are placed along the solution's arcs by connected nodes
 * with budget left, and chains of waiting relays are spliced into placed edges where that stalls
 * (the class image of every plan of a generated four-tier network tried is realized, see
 * RealizerTest); where both stall, a waiting holder joins a node with slots that no budget
 * takes, off the solution's arcs. Any step may fall short (the relaxation does not state every
 * per-node condition); then the plan keeps what was placed, at a cost that may differ from the
 * solution's, and {@link Result#complete()} is false.
 *
 * <p>Deterministic: every choice is by class, arc and node order.
 */
final class Realizer {
    /** Edges of one (channel, substream): parallel lists of parent and child node numbers. */
    record Tree(int channel, int substream, int[] parents, int[] children) {}

    /** Trees and substreams received per channel and node; {@code complete} if the solution was realized. */
    record Result(List<Tree> trees, int[][] received, boolean complete) {}

    /**
     * CP-SAT's deterministic seconds for {@link ClassHoldings} over a whole run: a few classes of a
     * solution need it, each in hundredths of a second, so this only bounds a pathological one.
     */
    static final double SOLVE_SECONDS = 10;

    /** CP-SAT's deterministic seconds for one class's {@link ClassHoldings}. */
    static final double CLASS_SECONDS = 1;

    static {
        Loader.loadNativeLibraries();
    }

    private final PeerClasses pc;
    /** Deterministic seconds left for {@link ClassHoldings} in this run. */
    private double solveSeconds = SOLVE_SECONDS;

    private final ChannelGraph[] graphs;
    private final long[][] m;
    private final long[][][] x;
    private final int nodes;
    /** holds[c][s][node]. */
    private final boolean[][][] holds;
    /** budget[c][s][node]: children of the node in (c, s). */
    private final long[][][] budget;

    Realizer(PeerClasses pc, ChannelGraph[] graphs, long[][] m, long[][][] x) {
        this.pc = pc;
        this.graphs = graphs;
        this.m = m;
        this.x = x;
        this.nodes = pc.index.nodeCount();
        holds = new boolean[graphs.length][][];
        budget = new long[graphs.length][][];
        for (int c = 0; c < graphs.length; c++) {
            holds[c] = new boolean[x[c].length][nodes];
            budget[c] = new long[x[c].length][nodes];
        }
    }

    /** The realizer of the model's solution, read variable by variable through {@code value}. */
    static Realizer of(ClassModel model, IntToLongFunction value) {
        int channels = model.graphs.length;
        long[][] m = new long[channels][model.classes.count];
        long[][][] x = new long[channels][][];
        for (int c = 0; c < channels; c++) {
            for (int h = 0; h < model.classes.count; h++) {
                m[c][h] = model.m[c][h] >= 0 ? value.applyAsLong(model.m[c][h]) : 0;
            }
            x[c] = new long[model.x[c].length][];
            for (int s = 0; s < model.x[c].length; s++) {
                int[] vars = model.x[c][s];
                x[c][s] = new long[vars.length];
                for (int a = 0; a < vars.length; a++) {
                    x[c][s][a] = value.applyAsLong(vars[a]);
                }
            }
        }
        return new Realizer(model.classes, model.graphs, m, x);
    }

    Result run() {
        boolean complete = true;
        long[] room = new long[nodes];
        for (int i = 0; i < nodes; i++) {
            var down = pc.index.node(i).downlinkKbps();
            room[i] = down.isPresent() ? down.getAsLong() / pc.rate : Long.MAX_VALUE;
        }
        for (int g = 0; g < pc.count; g++) {
            long[] before = roomOf(g, room);
            boolean fits = holdingsAndBudgets(g, room, false);
            if (!fits) {
                reset(g, room, before);
                fits = holdingsAndBudgets(g, room, true);
                if (!fits) {
                    reset(g, room, before);
                    fits = solved(g, room);
                }
                if (!fits) { // back to the first way, as it was
                    reset(g, room, before);
                    holdingsAndBudgets(g, room, false);
                }
            }
            complete &= fits;
        }
        long[] spare = new long[nodes];
        for (int i = 0; i < nodes; i++) {
            spare[i] = PeerClasses.slots(pc.index.node(i), pc.rate);
            for (long[][] channel : budget) {
                for (long[] substream : channel) {
                    spare[i] -= substream[i];
                }
            }
        }
        List<Tree> trees = new ArrayList<>();
        int[][] received = new int[graphs.length][nodes];
        for (int c = 0; c < graphs.length; c++) {
            for (int s = 0; s < x[c].length; s++) {
                TreeBuilder builder = new TreeBuilder(pc, graphs[c], x[c][s], holds[c][s], budget[c][s], spare);
                complete &= builder.run();
                Tree tree = new Tree(c, s, builder.parents(), builder.children());
                for (int child : tree.children()) {
                    received[c][child]++;
                }
                trees.add(tree);
            }
        }
        return new Result(trees, received, complete);
    }

    /**
     * Class g's holdings in every channel, then its budgets; false if the solution's counts do
     * not fit. {@code spread}: see {@link #holdings}.
     */
    private boolean holdingsAndBudgets(int g, long[] room, boolean spread) {
        boolean fits = true;
        for (int c = 0; c < graphs.length; c++) {
            if (graphs[c].source[g]) {
                for (boolean[] held : holds[c]) {
                    held[pc.members[g][0]] = true;
                }
            } else if (graphs[c].holder[g]) {
                fits &= holdings(g, c, room, spread);
            }
        }
        return fits & budgets(g);
    }

    /**
     * Class g's holdings and budgets by {@link ClassHoldings}, within what is left of {@link
     * #SOLVE_SECONDS}; false when it finds none (then nothing is set).
     */
    private boolean solved(int g, long[] room) {
        if (solveSeconds <= 0) {
            return false;
        }
        int[] members = pc.members[g];
        List<int[]> substreams = new ArrayList<>();
        long[] served = new long[graphs.length];
        int[] k = new int[graphs.length];
        for (int c = 0; c < graphs.length; c++) {
            if (graphs[c].source[g]) {
                return false; // a server class: its holdings are every substream, its budgets the first way's
            }
            if (graphs[c].holder[g]) {
                for (int s = 0; s < x[c].length; s++) {
                    substreams.add(new int[] {c, s});
                }
                served[c] = graphs[c].receiver[g] ? m[c][g] : 0;
                k[c] = pc.index.channel(c).substreams();
            }
        }
        if (substreams.isEmpty()) {
            return false;
        }
        int size = substreams.size();
        long[] slots = new long[members.length];
        long[] roomOf = new long[members.length];
        for (int t = 0; t < members.length; t++) {
            slots[t] = PeerClasses.slots(pc.index.node(members[t]), pc.rate);
            roomOf[t] = room[members[t]];
        }
        int[] channel = new int[size];
        long[] holders = new long[size];
        long[] children = new long[size];
        for (int j = 0; j < size; j++) {
            int[] cs = substreams.get(j);
            channel[j] = cs[0];
            holders[j] = holders(cs[0], cs[1], g);
            children[j] = graphs[cs[0]].sender[g] ? sent(cs[0], cs[1], g) : 0;
        }
        ClassHoldings.Answer answer = ClassHoldings.solve(
                new ClassHoldings.Problem(slots, roomOf, channel, holders, children, served, k),
                Math.min(CLASS_SECONDS, solveSeconds));
        solveSeconds -= answer.seconds();
        if (answer.assignment().isEmpty()) {
            return false;
        }
        ClassHoldings.Assignment a = answer.assignment().get();
        for (int j = 0; j < size; j++) {
            int[] cs = substreams.get(j);
            for (int t = 0; t < members.length; t++) {
                if (a.holds()[j][t]) {
                    holds[cs[0]][cs[1]][members[t]] = true;
                    room[members[t]]--;
                }
                budget[cs[0]][cs[1]][members[t]] = a.budget()[j][t];
            }
        }
        return true;
    }

    /** The downlink room of class g's members, in member order (only their room changes for g). */
    private long[] roomOf(int g, long[] room) {
        int[] members = pc.members[g];
        long[] of = new long[members.length];
        for (int t = 0; t < members.length; t++) {
            of[t] = room[members[t]];
        }
        return of;
    }

    /** Forgets class g's holdings and budgets, and puts back its members' room {@code before} ({@link #roomOf}). */
    private void reset(int g, long[] room, long[] before) {
        for (int t = 0; t < before.length; t++) {
            room[pc.members[g][t]] = before[t];
        }
        for (int c = 0; c < graphs.length; c++) {
            for (int s = 0; s < holds[c].length; s++) {
                for (int node : pc.members[g]) {
                    holds[c][s][node] = false;
                    budget[c][s][node] = 0;
                }
            }
        }
    }

    /**
     * Who in class g holds which substream of channel c; false if the solution's counts do not
     * fit. Holders beyond the served nodes' needs go to the nodes with most slots first or, when
     * {@code spread}, to the unserved nodes that hold fewest substreams so far (then by slots):
     * one substream each lets as many relays send as the {@link InboundCuts} count on, which the
     * first way, giving every substream to the same top nodes, may not (critical family). The
     * first way is tried first; the second only where its budgets do not fit.
     */
    private boolean holdings(int g, int c, long[] room, boolean spread) {
        ChannelGraph graph = graphs[c];
        Channel channel = pc.index.channel(c);
        int[] members = pc.members[g];
        int k = channel.substreams();
        int[] need = new int[members.length];
        long served = graph.receiver[g] ? m[c][g] : 0;
        for (int t = 0; t < members.length && served > 0; t++) {
            if (room[members[t]] >= k) {
                need[t] = k;
                served--;
            }
        }
        boolean fits = served == 0;
        long[] heldCount = new long[channel.totalSubstreams()];
        for (int s = 0; s < heldCount.length; s++) {
            heldCount[s] = holders(c, s, g);
        }
        Integer[] order = new Integer[heldCount.length];
        Arrays.setAll(order, s -> s);
        Arrays.sort(
                order, Comparator.comparingLong((Integer s) -> -heldCount[s]).thenComparingInt(s -> s));
        Integer[] rank = new Integer[members.length];
        boolean[] isServed = new boolean[members.length];
        for (int t = 0; t < members.length; t++) {
            isServed[t] = need[t] > 0;
        }
        int[] held = new int[members.length];
        for (int s : order) {
            Arrays.setAll(rank, t -> t);
            Comparator<Integer> byNeed = Comparator.comparingInt((Integer t) -> -need[t]);
            Arrays.sort(
                    rank,
                    spread
                            ? byNeed.thenComparing(t -> isServed[t] ? 0 : 1)
                                    .thenComparingInt(t -> isServed[t] ? 0 : held[t])
                                    .thenComparingInt(t -> t)
                            : byNeed.thenComparingInt(t -> t));
            long left = heldCount[s];
            for (int t : rank) {
                if (left == 0) {
                    break;
                }
                if (room[members[t]] > 0) {
                    holds[c][s][members[t]] = true;
                    held[t]++;
                    room[members[t]]--;
                    need[t] = Math.max(0, need[t] - 1);
                    left--;
                }
            }
            fits &= left == 0;
        }
        for (int t = 0; t < members.length; t++) {
            fits &= need[t] == 0;
        }
        return fits;
    }

    /** Splits each node's slots over the substreams it holds so that class g sends what the solution says. */
    private boolean budgets(int g) {
        int[] members = pc.members[g];
        List<int[]> demands = new ArrayList<>();
        for (int c = 0; c < graphs.length; c++) {
            if (!graphs[c].sender[g]) {
                continue;
            }
            for (int s = 0; s < x[c].length; s++) {
                long units = sent(c, s, g);
                if (units > 0) {
                    demands.add(new int[] {c, s, (int) units});
                }
            }
        }
        if (demands.isEmpty()) {
            return true;
        }
        MaxFlow flow = new MaxFlow();
        int source = members.length + demands.size();
        int sink = source + 1;
        long wanted = 0;
        for (int t = 0; t < members.length; t++) {
            flow.addArcWithCapacity(source, t, PeerClasses.slots(pc.index.node(members[t]), pc.rate));
        }
        List<int[]> arcs = new ArrayList<>();
        for (int d = 0; d < demands.size(); d++) {
            int[] demand = demands.get(d);
            flow.addArcWithCapacity(members.length + d, sink, demand[2]);
            wanted += demand[2];
            for (int t = 0; t < members.length; t++) {
                if (holds[demand[0]][demand[1]][members[t]]) {
                    int arc = flow.addArcWithCapacity(t, members.length + d, demand[2]);
                    arcs.add(new int[] {arc, t, d});
                }
            }
        }
        if (flow.solve(source, sink) != MaxFlow.Status.OPTIMAL) {
            throw new IllegalStateException("exact: max flow failed on class " + g);
        }
        for (int[] arc : arcs) {
            int[] demand = demands.get(arc[2]);
            budget[demand[0]][demand[1]][members[arc[1]]] += flow.getFlow(arc[0]);
        }
        return flow.getOptimalFlow() == wanted;
    }

    private long holders(int c, int s, int g) {
        long sum = 0;
        ChannelGraph graph = graphs[c];
        for (int a = 0; a < graph.arcs(); a++) {
            sum += graph.head[a] == g ? x[c][s][a] : 0;
        }
        return sum;
    }

    private long sent(int c, int s, int g) {
        long sum = 0;
        ChannelGraph graph = graphs[c];
        for (int a = 0; a < graph.arcs(); a++) {
            sum += graph.tail[a] == g ? x[c][s][a] : 0;
        }
        return sum;
    }
}
