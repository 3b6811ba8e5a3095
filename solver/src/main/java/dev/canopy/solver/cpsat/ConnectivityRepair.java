package dev.canopy.solver.cpsat;

import dev.canopy.solver.Locality;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A solution of the class model made from a {@link ConnectivityRounds} round's optimum, which
 * holds substreams in classes no source reaches: a start for phase two that costs little more
 * than the bound. Why: the rounds' bound sits close to the optimum, but their solutions are not
 * solutions, and CP-SAT, hinted with the heuristic plan, rarely improves it within exact's budget
 * (four-tier 500 peers: plan 195,000, bound 194,400).
 *
 * <p>Per channel and substream, while some holding class is unreached: every such class h is
 * fed along a chain of arcs carrying edges from a class w that is unreached too (nothing reached
 * sends into the unreached part). One unit of that chain (w, its hubs, h) moves to the hub path
 * from a reached sender class g with room to h, so h keeps its holders, hubs conserve, w sends one
 * edge less and g one more. The move of least added cost is made first (the moved unit's new
 * path cost less the old one's); every move reaches h, and the reached part only grows (units
 * leave arcs between unreached vertices only), so the loop ends. Room of g in the substream: one
 * more edge than it sends stays within what its holders of it can send ({@code prefix[t]}, the
 * class model's uplink rows at an integer t) and within its nodes' slots in all; a source class
 * has the second only; with the {@link InboundCuts}, also within what its channel's inbound
 * edges allow. Served nodes, holders and downlinks are unchanged, so every other row of the
 * class model holds, once the substreams are ordered by cost again ({@link PlanHint#of(
 * ClassModel, long[][][], long[][])}). Fails when no reached class has room for a move.
 *
 * <p>Then a descent: each holding class's dearest feeding chain moves to the cheapest reached
 * class with room, when that costs less and leaves every holding class reached (the same rows
 * hold). The rounds keep the cheapest repair of any round. At {@code --time-limit 60}, seed 1:
 * four-tier 2,000 peers, 447,900 against the bound 447,000 (the heuristic plan: 459,300);
 * log-normal 2,000 k = 8, 398,100 (403,500). The repair alone, without the descent, came to
 * 456,000 and 424,200.
 *
 * <p>Both steps make moves of equal added cost in the order they visit the classes, and which
 * comes first changes what is left for later: the rounds repair each solution in several orders
 * ({@link #cheapest}). Four-tier 500 peers, seed 21, the fifth round's solution: 210,300 to
 * 213,900 over 15 shuffled orders, against the bound 210,000.
 */
final class ConnectivityRepair {
    /**
     * A repaired solution.
     *
     * @param hint the counting variables' values, for {@link LexicographicSolve#complete}
     * @param cost its locality cost (the class model's cost objective)
     */
    record Repaired(PlanHint.Values hint, long cost) {}

    /** Passes of the descent after the repair. */
    static final int PASSES = 3;

    private ConnectivityRepair() {}

    /**
     * The repair of {@code values} (by the class model's variable numbers) in the classes' own
     * order, or empty when it fails.
     */
    static Optional<Repaired> of(ClassModel model, long[] values) {
        return of(model, values, true, 0);
    }

    /**
     * The cheapest of the repairs of {@code values} in {@code orders} orders of the classes (the
     * classes' own, then shuffles seeded 1, 2, ...), or empty when every one fails; after the
     * first, no further order is tried once the budget's deadline has passed.
     */
    static Optional<Repaired> cheapest(ClassModel model, long[] values, int orders, Budget budget) {
        Optional<Repaired> best = Optional.empty();
        for (int order = 0; order < orders && (order == 0 || !budget.expired()); order++) {
            Optional<Repaired> repaired = of(model, values, true, order);
            if (repaired.isPresent()
                    && (best.isEmpty() || repaired.get().cost() < best.get().cost())) {
                best = repaired;
            }
        }
        return best;
    }

    /**
     * The repair with the descent or without it (the tests compare), visiting the classes in
     * order number {@code order}: 0 for their own order, else a shuffle seeded with it. Moves of
     * equal added cost are made in the order their classes are visited, and the descent visits
     * the holding classes in it.
     */
    static Optional<Repaired> of(ClassModel model, long[] values, boolean descend, int order) {
        int channels = model.graphs.length;
        PeerClasses pc = model.classes;
        long[][][] units = PlanHint.units(model, values);
        long[][] served = PlanHint.served(model, values);
        long[] sent = new long[pc.count];
        Inbound[] inbound = new Inbound[channels];
        for (int c = 0; c < channels; c++) {
            inbound[c] = Inbound.of(model, c, units[c], served[c]);
            for (int g = 0; g < pc.count; g++) {
                sent[g] += inbound[c].sent[g];
            }
        }
        long cost = 0;
        int[] visit = visit(pc.count, order);
        for (int c = 0; c < channels; c++) {
            for (long[] substream : units[c]) {
                Substream repairing = new Substream(model, model.graphs[c], substream, sent, inbound[c], visit);
                if (!repairing.repair()) {
                    return Optional.empty();
                }
                if (descend) {
                    repairing.descend();
                }
                for (int a = 0; a < substream.length; a++) {
                    cost += substream[a] * model.graphs[c].unitCost[a];
                }
            }
        }
        return Optional.of(new Repaired(PlanHint.of(model, units, served), cost));
    }

    /** The classes 0..count-1 in order number {@code order} (see {@link #of(ClassModel, long[], boolean, int)}). */
    static int[] visit(int count, int order) {
        int[] classes = new int[count];
        for (int i = 0; i < count; i++) {
            classes[i] = i;
        }
        Random random = new Random(order);
        for (int i = count - 1; order > 0 && i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swapped = classes[i];
            classes[i] = classes[j];
            classes[j] = swapped;
        }
        return classes;
    }

    /**
     * What each class sends of one channel, and the most it may send given what it receives and
     * serves of it, when the model has the {@link InboundCuts}: {@code prefix[in - (k - 1) m]}
     * (within 0 and the class's size), their rows at integer values. A move keeps what every
     * class receives, so the most stays; without the cuts it is unbounded.
     */
    private record Inbound(long[] sent, long[] most) {
        static Inbound of(ClassModel model, int c, long[][] units, long[] served) {
            PeerClasses pc = model.classes;
            ChannelGraph graph = model.graphs[c];
            long[] sent = new long[pc.count];
            long[] in = new long[pc.count];
            for (long[] substream : units) {
                for (int a = 0; a < graph.arcs(); a++) {
                    if (!graph.isHub(graph.tail[a])) {
                        sent[graph.tail[a]] += substream[a];
                    }
                    if (!graph.isHub(graph.head[a])) {
                        in[graph.head[a]] += substream[a];
                    }
                }
            }
            long[] most = new long[pc.count];
            int k = model.index.channel(c).substreams();
            boolean cut = model.inbound.count() > 0;
            for (int g = 0; g < pc.count; g++) {
                long budget = in[g] - (k - 1) * served[g];
                most[g] = !cut || !graph.holder[g]
                        ? Long.MAX_VALUE
                        : pc.prefix[g][(int) Math.max(0, Math.min(budget, pc.size(g)))];
            }
            return new Inbound(sent, most);
        }
    }

    /**
     * One substream's units, repaired in place; {@code sent} is every class's edges in all,
     * {@code inbound} its channel's, and {@code visit} the order in which classes are tried.
     */
    private static final class Substream {
        private final PeerClasses pc;
        private final ChannelGraph graph;
        private final long[] units;
        private final long[] sent;
        private final Inbound inbound;
        private final long[] into;
        private final long[] out;
        private final List<List<Integer>> inArcs;
        private final int[] visit;

        Substream(ClassModel model, ChannelGraph graph, long[] units, long[] sent, Inbound inbound, int[] visit) {
            this.visit = visit;
            this.inbound = inbound;
            this.pc = model.classes;
            this.graph = graph;
            this.units = units;
            this.sent = sent;
            into = new long[graph.vertices];
            out = new long[graph.vertices];
            for (int a = 0; a < graph.arcs(); a++) {
                into[graph.head[a]] += units[a];
                out[graph.tail[a]] += units[a];
            }
            inArcs = graph.inArcs();
        }

        /** Moves units until every holding class is reached; false when no move is left. */
        boolean repair() {
            while (true) {
                int[] via = reached();
                List<Integer> senders = new ArrayList<>();
                for (int g : visit) {
                    if (via[g] != UnreachedSets.UNREACHED && hasRoom(g)) {
                        senders.add(g);
                    }
                }
                long bestDelta = Long.MAX_VALUE;
                int[] bestPath = null;
                int[] bestChain = null;
                for (int h : visit) {
                    if (via[h] != UnreachedSets.UNREACHED || into[h] == 0) {
                        continue;
                    }
                    int[] chain = chainInto(h);
                    long saved = cost(chain);
                    for (int g : senders) {
                        long delta = pathCost(g, h) - saved;
                        if (delta >= bestDelta) {
                            continue;
                        }
                        int[] path = graph.route(g, h);
                        if (path.length > 0) {
                            bestDelta = delta;
                            bestPath = path;
                            bestChain = chain;
                        }
                    }
                }
                if (bestPath == null) {
                    return allReached(via);
                }
                move(bestChain, -1);
                move(bestPath, 1);
            }
        }

        /**
         * Moves units to cheaper feeders while that keeps every holding class reached: for each
         * holding class, its dearest feeding chain moves to the cheapest reached class with room
         * that the class graph allows, when that costs less, and back when a holding class is
         * then unreached. Passes until one moves nothing (at most {@value #PASSES}).
         */
        void descend() {
            int[] via = reached();
            for (int pass = 0; pass < PASSES; pass++) {
                boolean moved = false;
                for (int h : visit) {
                    int[] after = into[h] > 0 ? cheaperFeeder(h, via) : null;
                    if (after != null) {
                        via = after;
                        moved = true;
                    }
                }
                if (!moved) {
                    return;
                }
            }
        }

        /**
         * One cheaper feeder for class h, given what is reached ({@code via}), if a move finds
         * one: returns what is reached after it, or null when nothing moved.
         */
        private int[] cheaperFeeder(int h, int[] via) {
            int[] chain = chainInto(h);
            long saved = cost(chain);
            if (saved == 0) {
                return null;
            }
            long best = saved;
            int[] bestPath = null;
            for (int g : visit) {
                if (via[g] == UnreachedSets.UNREACHED || g == h || !hasRoom(g)) {
                    continue;
                }
                long cost = pathCost(g, h);
                if (cost < best) {
                    int[] path = graph.route(g, h);
                    if (path.length > 0) {
                        best = cost;
                        bestPath = path;
                    }
                }
            }
            if (bestPath == null) {
                return null;
            }
            move(chain, -1);
            move(bestPath, 1);
            int[] after = reached();
            if (allReached(after)) {
                return after;
            }
            move(bestPath, -1);
            move(chain, 1);
            return null;
        }

        /** What the arcs carrying edges reach from a source ({@link UnreachedSets#reach}). */
        private int[] reached() {
            return UnreachedSets.reach(graph, a -> units[a] > 0);
        }

        /** The cost of one unit on the hub path from class g to class h: the edge's locality cost. */
        private long pathCost(int g, int h) {
            return pc.rate * Locality.regionCost(pc.index, pc.region[g], pc.region[h]);
        }

        private boolean allReached(int[] via) {
            for (int h = 0; h < graph.classes; h++) {
                if (via[h] == UnreachedSets.UNREACHED && into[h] > 0) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Whether class g may send one more edge: a source within its slots in all, any other
         * sender also within what its holders of the substream can send and within its {@link
         * Inbound} most.
         */
        private boolean hasRoom(int g) {
            long[] prefix = pc.prefix[g];
            int size = pc.size(g);
            if (!graph.sender[g] || sent[g] + 1 > prefix[size] || inbound.sent[g] + 1 > inbound.most[g]) {
                return false;
            }
            return graph.source[g] || out[g] + 1 <= prefix[(int) Math.min(into[g], size)];
        }

        /** Arcs carrying edges from a class into h: its in-arc of highest cost, then back through hubs. */
        private int[] chainInto(int h) {
            List<Integer> chain = new ArrayList<>();
            int v = h;
            do {
                int best = -1;
                for (int a : inArcs.get(v)) {
                    if (units[a] > 0 && (best < 0 || graph.unitCost[a] > graph.unitCost[best])) {
                        best = a;
                    }
                }
                chain.add(best);
                v = graph.tail[best];
            } while (graph.isHub(v));
            return chain.stream().mapToInt(Integer::intValue).toArray();
        }

        private long cost(int[] arcs) {
            long sum = 0;
            for (int a : arcs) {
                sum += graph.unitCost[a];
            }
            return sum;
        }

        /** Adds {@code by} units along the arcs (a path from a class to a class). */
        private void move(int[] arcs, int by) {
            for (int a : arcs) {
                units[a] += by;
                into[graph.head[a]] += by;
                out[graph.tail[a]] += by;
                if (!graph.isHub(graph.tail[a])) {
                    sent[graph.tail[a]] += by;
                    inbound.sent[graph.tail[a]] += by;
                }
            }
        }
    }
}
