package dev.canopy.solver.multitree;

import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * The free slots of one tree as it grows, by region: per region the interior peers placed so
 * far, regular and lightweight apart, in placement (breadth-first) order, each with a cursor at
 * the first one that still has a free slot. So the slot a child gets is the shallowest free one
 * of its region, in constant amortised time. Lightweight children take only regular slots;
 * regular children take lightweight slots first (only they can use them).
 *
 * <p>Also the searches beyond a region: its nearest regions, every region in the assignment's
 * order, with per-region pointers that skip regions already full (once every interior peer is
 * placed, a full region stays full), and the shallowest free slot of the whole tree for a
 * region's first peer ({@link #entry}). Not thread-safe; reset per tree.
 */
final class SlotCursors {
    private static final int NONE = -1;

    private final int[] free;
    private final int[] regStart;
    private final int[] regCount;
    private final int[] regCur;
    private final int[] lwCount;
    private final int[] lwCur;
    private final int[] placedRegular;
    private final int[] placedLight;
    /** Per region, per kind (0: any slot, 1: regular slot), how far its nearest list is known full. */
    private final int[][] nearPointer;

    private final int[] globalPointer = new int[2];
    private final Nearby nearby;
    private final int[] regions;
    private final Routes routes;
    private final BooleanSupplier routeRefused;
    /** Whether a refused shallowest slot sends the search on through the region's other slots. */
    private final boolean searchRegions;
    /** The tree's interior peers by depth. */
    private final DepthLadder ladder;
    /** Per node: its depth in the current tree, for the peers recorded by {@link #add}. */
    private final int[] depthOf;
    /** Soft costs that {@link #nearby} weighs, or null to take the nearest slot. */
    private Costs costs;

    /**
     * @param free per node its free slots in the current tree (kept by the caller)
     * @param regionCount number of regions
     * @param capacity most interior peers one tree can have
     * @param nearby each region's nearest regions
     * @param regions the regions with relaying peers, in the order of the last-resort search
     * @param routes whether a route has capacity for one more substream (and policies admit the edge)
     * @param routeRefused whether the last refusal of {@code routes} holds for the whole region
     * @param searchRegions whether {@code routes} may refuse some children a slot that others
     *     may take (operator policies), so that a region's other free slots are searched
     */
    SlotCursors(
            int[] free,
            int regionCount,
            int capacity,
            Nearby nearby,
            int[] regions,
            Routes routes,
            BooleanSupplier routeRefused,
            boolean searchRegions) {
        this.routeRefused = routeRefused;
        this.searchRegions = searchRegions;
        this.free = free;
        this.nearby = nearby;
        this.regions = regions;
        this.routes = routes;
        regStart = new int[regionCount];
        regCount = new int[regionCount];
        regCur = new int[regionCount];
        lwCount = new int[regionCount];
        lwCur = new int[regionCount];
        placedRegular = new int[capacity];
        placedLight = new int[capacity];
        nearPointer = new int[][] {new int[regionCount], new int[regionCount]};
        ladder = new DepthLadder(free);
        depthOf = new int[free.length];
    }

    /**
     * Starts a tree: region r may place up to {@code size[r]} interior peers, stored from
     * {@code start[r]}.
     */
    void reset(int[] start) {
        for (int r : regions) {
            regStart[r] = start[r];
            regCount[r] = 0;
            regCur[r] = 0;
            lwCount[r] = 0;
            lwCur[r] = 0;
            nearPointer[0][r] = 0;
            nearPointer[1][r] = 0;
        }
        Arrays.fill(globalPointer, 0);
        ladder.reset();
    }

    /** Records a placed interior peer of a region, at its depth in the tree. */
    void add(int node, int region, boolean light, int depth) {
        depthOf[node] = depth;
        ladder.add(node, depth, light);
        if (light) {
            placedLight[regStart[region] + lwCount[region]++] = node;
        } else {
            placedRegular[regStart[region] + regCount[region]++] = node;
        }
    }

    /** The shallowest regular peer of a region with a free slot, or -1. */
    int regular(int region) {
        int base = regStart[region];
        while (regCur[region] < regCount[region] && free[placedRegular[base + regCur[region]]] == 0) {
            regCur[region]++;
        }
        return regCur[region] < regCount[region] ? placedRegular[base + regCur[region]] : NONE;
    }

    /** The shallowest lightweight peer of a region with a free slot, or -1. */
    int light(int region) {
        int base = regStart[region];
        while (lwCur[region] < lwCount[region] && free[placedLight[base + lwCur[region]]] == 0) {
            lwCur[region]++;
        }
        return lwCur[region] < lwCount[region] ? placedLight[base + lwCur[region]] : NONE;
    }

    /** A free slot of a region a child may take: regular for a lightweight child, else lightweight first. */
    int slot(int region, boolean lightChild) {
        if (lightChild) {
            return regular(region);
        }
        int lw = light(region);
        return lw != NONE ? lw : regular(region);
    }

    /**
     * A free slot of the child's own region it may take: {@link #slot} when nothing can refuse
     * it, else the shallowest free slot {@code routes} admits for the child.
     */
    int slotFor(int child, int region, boolean lightChild) {
        return slotFor(child, region, lightChild, false);
    }

    /**
     * As {@link #slotFor(int, int, boolean)}; for a regular child that feeds a friend's
     * access-list receiver ({@code feeder}: the receiver hangs one level below it, and is often
     * the deepest node of the tree) the shallower of the region's first lightweight and first
     * regular slot instead of lightweight first (lightweight on a tie).
     */
    int slotFor(int child, int region, boolean lightChild, boolean feeder) {
        int first = feeder && !lightChild ? shallower(region) : slot(region, lightChild);
        if (!searchRegions || first == NONE || routes.open(first, child)) {
            return first;
        }
        return search(child, region, lightChild);
    }

    private int shallower(int region) {
        int lw = light(region);
        int rg = regular(region);
        return lw == NONE || (rg != NONE && depthOf[rg] < depthOf[lw]) ? rg : lw;
    }

    /** The shallowest free slot of a region, past the cursor, that {@code routes} admits for the child, or -1. */
    private int search(int child, int region, boolean lightChild) {
        if (routeRefused.getAsBoolean()) {
            return NONE;
        }
        int base = regStart[region];
        if (!lightChild) {
            for (int i = lwCur[region]; i < lwCount[region]; i++) {
                int p = placedLight[base + i];
                if (free[p] > 0 && p != child && routes.open(p, child)) {
                    return p;
                }
            }
        }
        for (int i = regCur[region]; i < regCount[region]; i++) {
            int p = placedRegular[base + i];
            if (free[p] > 0 && p != child && routes.open(p, child)) {
                return p;
            }
        }
        return NONE;
    }

    /**
     * Makes {@link #nearby} weigh soft policies: instead of the nearest region's slot it takes
     * the cheapest of the nearest regions' slots under {@code costs} (nearest first among equal
     * costs), as link-preference asks (a farther parent over a preferred link).
     */
    void preferCheaper(Costs costs) {
        this.costs = costs;
    }

    /**
     * A free slot for the child in the regions nearest to {@code region}, or -1. With {@code
     * advance} (once every interior peer is placed) regions found full are skipped for good.
     * With {@link #preferCheaper} costs, the cheapest of the regions' slots.
     */
    int nearby(int child, int region, boolean lightChild, boolean advance) {
        int kind = lightChild ? 1 : 0;
        int[] near = nearby.regions(region);
        boolean contiguous = advance;
        int best = NONE;
        double bestCost = Double.MAX_VALUE;
        for (int i = advance ? nearPointer[kind][region] : 0; i < near.length; i++) {
            int parent = slot(near[i], lightChild);
            if (parent == NONE) {
                if (contiguous) {
                    nearPointer[kind][region] = i + 1;
                }
                continue;
            }
            contiguous = false;
            if (!routes.open(parent, child)) {
                parent = searchRegions ? search(child, near[i], lightChild) : NONE;
            }
            if (parent == NONE) {
                continue;
            }
            if (costs == null) {
                return parent;
            }
            double cost = costs.cost(parent, child);
            if (cost < bestCost) {
                best = parent;
                bestCost = cost;
                if (cost == 0) {
                    break;
                }
            }
        }
        return best;
    }

    /** A free slot for the child in any region, in the assignment's region order, or -1. */
    int anywhere(int child, boolean lightChild, boolean advance) {
        int kind = lightChild ? 1 : 0;
        boolean contiguous = advance;
        for (int i = advance ? globalPointer[kind] : 0; i < regions.length; i++) {
            int parent = slot(regions[i], lightChild);
            if (parent == NONE) {
                if (contiguous) {
                    globalPointer[kind] = i + 1;
                }
                continue;
            }
            contiguous = false;
            if (parent != child && routes.open(parent, child)) {
                return parent;
            }
            if (searchRegions && (parent = search(child, regions[i], lightChild)) != NONE) {
                return parent;
            }
        }
        return NONE;
    }

    /**
     * A slot for the first peer of a region, whose depth sets that of the region's whole subtree:
     * the shallowest free slot of the tree, or instead a nearest region's (same country first,
     * for locality) when it is at most {@code slack} hops deeper; -1 if neither is found.
     */
    int entry(int child, int region, boolean lightChild, int slack) {
        int shallowest = ladder.shallowest(child, lightChild, routes);
        long limit = shallowest == NONE ? Long.MAX_VALUE : (long) depthOf[shallowest] + slack;
        for (int q : nearby.regions(region)) {
            int parent = slot(q, lightChild);
            if (parent != NONE
                    && parent != child
                    && parent != shallowest
                    && depthOf[parent] <= limit
                    && routes.open(parent, child)) {
                return parent;
            }
        }
        return shallowest;
    }

    /** Whether an edge from parent to child still fits on its route. */
    interface Routes {
        boolean open(int parent, int child);
    }

    /** The soft-policy cost of an edge from parent to child in the current tree, 0 or more. */
    interface Costs {
        double cost(int parent, int child);
    }
}
