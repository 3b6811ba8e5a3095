package dev.canopy.solver.greedy;

import dev.canopy.model.Node;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.solver.Holdings;
import dev.canopy.solver.Resources;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;

/**
 * The nodes that hold each substream of one channel and may still send it, organised for the
 * greedy search. Per (substream, region) there is a queue ranked by depth (shallower first)
 * and historic quality (uptime, loss), and per substream a queue by spare
 * uplink as the fallback when no nearby region has a parent left, as the seed's reassignment
 * does. Regular and lightweight holders are queued apart, so that a lightweight child (which
 * must not be paired with another lightweight node) never scans past them. Queues drop
 * exhausted nodes lazily. Who holds what is kept in a shared {@link Holdings}.
 */
final class Holders {
    /** Holders of a region looked at for a cheaper parent under soft policies. */
    static final int CHEAPER_SCAN = 64;

    private final SnapshotIndex index;
    private final Resources resources;
    private final long rate;
    private final double[] quality;
    private final Holdings holdings;
    /** [substream][0 regular, 1 lightweight]: region to queue. */
    private final List<List<Map<Integer, PriorityQueue<Integer>>>> byRegion = new ArrayList<>();

    private final List<List<PriorityQueue<long[]>>> bySpare = new ArrayList<>();

    Holders(SnapshotIndex index, Resources resources, int substreams, long rate, double[] quality) {
        this.index = index;
        this.resources = resources;
        this.rate = rate;
        this.quality = quality;
        this.holdings = new Holdings(index, substreams);
        for (int s = 0; s < substreams; s++) {
            byRegion.add(List.of(new HashMap<>(), new HashMap<>()));
            bySpare.add(List.of(new PriorityQueue<>(Holders::bySpare), new PriorityQueue<>(Holders::bySpare)));
        }
    }

    /** Records that a node holds a substream, {@code hops} from a source, and offers it onwards. */
    void add(int substream, int node, int hops) {
        holdings.add(substream, node, hops);
        offer(substream, node);
    }

    /** Puts a holder (back) into the queues, e.g. after capacity was given back to it. */
    void offer(int substream, int node) {
        Node n = index.node(node);
        if (!n.canRelay() || resources.uplink(node) < rate) {
            return;
        }
        int kind = n.isLightweight() ? 1 : 0;
        byRegion.get(substream)
                .get(kind)
                .computeIfAbsent(index.regionOf(node), r -> new PriorityQueue<>((a, b) -> byRank(substream, a, b)))
                .add(node);
        bySpare.get(substream).get(kind).add(new long[] {resources.uplink(node), node});
    }

    /** Who holds what. */
    Holdings holdings() {
        return holdings;
    }

    boolean holds(int substream, int node) {
        return holdings.holds(substream, node);
    }

    /** Hops from a source at which a node holds a substream. */
    int depth(int substream, int node) {
        return holdings.depth(substream, node);
    }

    /**
     * The best holder of a substream in a region with uplink left that the lightweight rules
     * allow for this child (a lightweight child only gets regular parents), or -1.
     */
    int bestIn(int substream, int region, boolean lightweightChild) {
        int regular = top(byRegion.get(substream).get(0).get(region));
        if (lightweightChild) {
            return regular;
        }
        int light = top(byRegion.get(substream).get(1).get(region));
        if (regular < 0 || light < 0) {
            return regular >= 0 ? regular : light;
        }
        return byRank(substream, regular, light) <= 0 ? regular : light;
    }

    /**
     * The best-ranked holder of a substream in a region with uplink left that the child may take
     * and {@code admits} accepts, or -1: the region's top when it is accepted, else (unless
     * {@code regionWide} says the top's refusal holds for the whole region) a scan of the
     * region's queue (for a child operator policies keep from the top).
     */
    int bestAdmitted(
            int substream, int region, boolean lightweightChild, IntPredicate admits, IntPredicate regionWide) {
        int top = bestIn(substream, region, lightweightChild);
        if (top < 0 || admits.test(top)) {
            return top;
        }
        if (regionWide.test(top)) {
            return -1;
        }
        int best = -1;
        for (int kind = 0; kind < (lightweightChild ? 1 : 2); kind++) {
            PriorityQueue<Integer> queue = byRegion.get(substream).get(kind).get(region);
            if (queue == null) {
                continue;
            }
            for (int p : queue) {
                if (resources.uplink(p) >= rate && (best < 0 || byRank(substream, p, best) < 0) && admits.test(p)) {
                    best = p;
                }
            }
        }
        return best;
    }

    /**
     * A holder of the substream in a region that costs less under the soft policies than
     * {@code than} (which costs {@code thanCost}): among the region's holders with uplink left
     * that the child may take, at most {@value #CHEAPER_SCAN} of them, the cheapest that
     * {@code admits} accepts, the better-ranked among equals; {@code than} when none is cheaper.
     * For preferences that tell parents of one region apart (source-preference: servers or peers;
     * affinity {@code prefer}: members), where the region's top is not the preferred kind.
     */
    int cheaperIn(
            int substream,
            int region,
            boolean lightweightChild,
            int than,
            double thanCost,
            IntPredicate admits,
            IntToDoubleFunction cost) {
        int best = than;
        double bestCost = thanCost;
        int seen = 0;
        for (int kind = 0; kind < (lightweightChild ? 1 : 2) && seen < CHEAPER_SCAN; kind++) {
            PriorityQueue<Integer> queue = byRegion.get(substream).get(kind).get(region);
            if (queue == null) {
                continue;
            }
            for (int p : queue) {
                if (++seen > CHEAPER_SCAN) {
                    break;
                }
                if (p == best || resources.uplink(p) < rate) {
                    continue;
                }
                double c = cost.applyAsDouble(p);
                if ((c < bestCost || c == bestCost && best != than && byRank(substream, p, best) < 0)
                        && admits.test(p)) {
                    best = p;
                    bestCost = c;
                }
            }
        }
        return best;
    }

    /** The holder with the most spare uplink anywhere the child may take, or -1. */
    int mostSpare(int substream, boolean lightweightChild, int child) {
        return mostSpare(substream, lightweightChild, child, p -> true);
    }

    /** Like {@link #mostSpare(int, boolean, int)}, among the holders {@code admits} accepts. */
    int mostSpare(int substream, boolean lightweightChild, int child, IntPredicate admits) {
        int regular = topBySpare(bySpare.get(substream).get(0), child, admits);
        if (lightweightChild) {
            return regular;
        }
        int light = topBySpare(bySpare.get(substream).get(1), child, admits);
        if (regular < 0 || light < 0) {
            return regular >= 0 ? regular : light;
        }
        return resources.uplink(regular) >= resources.uplink(light) ? regular : light;
    }

    private int top(PriorityQueue<Integer> queue) {
        if (queue == null) {
            return -1;
        }
        while (!queue.isEmpty() && resources.uplink(queue.peek()) < rate) {
            queue.poll();
        }
        return queue.isEmpty() ? -1 : queue.peek();
    }

    /**
     * The top of a spare-uplink queue whose path to the child has capacity; queue keys are
     * refreshed lazily as uplink is used. Holders whose path is full are set aside for this call
     * only, up to a bound, so a full link costs bounded work.
     */
    private int topBySpare(PriorityQueue<long[]> queue, int child, IntPredicate admits) {
        List<long[]> skipped = null;
        int found = -1;
        while (!queue.isEmpty()) {
            long[] top = queue.peek();
            int p = (int) top[1];
            long spare = resources.uplink(p);
            if (spare < rate) {
                queue.poll();
                continue;
            }
            if (spare != top[0]) {
                queue.poll();
                queue.add(new long[] {spare, p});
                continue;
            }
            if (p == child || !resources.pathHas(p, child, rate) || !admits.test(p)) {
                if (skipped == null) {
                    skipped = new ArrayList<>();
                }
                skipped.add(queue.poll());
                if (skipped.size() >= 256) {
                    break;
                }
                continue;
            }
            found = p;
            break;
        }
        if (skipped != null) {
            queue.addAll(skipped);
        }
        return found;
    }

    /**
     * Nearer the source first (a parent's depth is the delay its children inherit), then better
     * historic quality, then node order.
     */
    private int byRank(int substream, int a, int b) {
        int hops = Integer.compare(holdings.depth(substream, a), holdings.depth(substream, b));
        if (hops != 0) {
            return hops;
        }
        int q = Double.compare(quality[b], quality[a]);
        return q != 0 ? q : Integer.compare(a, b);
    }

    private static int bySpare(long[] x, long[] y) {
        return x[0] != y[0] ? Long.compare(y[0], x[0]) : Long.compare(x[1], y[1]);
    }
}
