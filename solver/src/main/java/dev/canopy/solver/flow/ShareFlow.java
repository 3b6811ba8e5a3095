package dev.canopy.solver.flow;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import java.util.Arrays;

/**
 * The flow behind {@link UplinkShares}, over groups of nodes rather than nodes: a group is the
 * nodes of one region that hold the same set of channels (and are servers, or not). Source ->
 * group (the group's uplink units) -> channel it holds -> sink, through one arc per class of the
 * channel's receivers, each with the class's demand and a cost that falls as the class's
 * priority rises. A group meets its own region's demand of a channel at no cost and another
 * region's at cost {@value #EXPORT} per unit, which the callers keep below one step of priority:
 * the cheapest maximum flow carries as much as the uplinks can, the classes of highest priority
 * first, and among such flows as much as possible inside regions. Servers may also meet a
 * channel's server-only demand (server receivers, and receivers only servers may feed).
 *
 * <p>OR-Tools' {@code MinCostFlow} stays inside this class. One instance per solve; not
 * thread-safe.
 */
final class ShareFlow {
    static {
        Loader.loadNativeLibraries();
    }

    /** Cost of a unit that leaves its group's region. */
    static final long EXPORT = 1;

    private static final int SOURCE = 0;
    private static final int SINK = 1;

    private final int channels;
    private final int regions;
    private final MinCostFlow flow = new MinCostFlow();
    /** Per channel: the vertex collecting its general units. */
    private final int[] collector;
    /** Per channel: the vertex collecting its server-only units. */
    private final int[] serverCollector;
    /** Per channel and region: the vertex of that region's demand, or 0 when it has none. */
    private final int[][] local;
    /** Per channel, per class of receivers: its arc to the sink (plus one), or 0. */
    private final int[][] classArcs;

    private final long[][] classFlow;

    private int vertices;
    private long supply;
    /** Per group, per channel: the arcs (plus one) whose flow is the group's share of the channel. */
    private int[][][] groupArcs = new int[16][][];

    private int groups;

    /**
     * @param classDemand per channel, per class of its receivers: units any holder may meet
     * @param classCost per channel, per class: the cost of a unit (lower for higher priority)
     * @param serverOnly per channel, units of its demand only servers may meet
     * @param serverCost per channel, the cost of a unit of it
     * @param regionalDemand per channel, per region: units of general demand in that region
     */
    ShareFlow(long[][] classDemand, long[][] classCost, long[] serverOnly, long[] serverCost, long[][] regionalDemand) {
        this.channels = classDemand.length;
        this.regions = channels == 0 ? 0 : regionalDemand[0].length;
        collector = new int[channels];
        serverCollector = new int[channels];
        local = new int[channels][regions];
        classArcs = new int[channels][];
        classFlow = new long[channels][];
        vertices = 2;
        for (int c = 0; c < channels; c++) {
            collector[c] = vertices++;
            serverCollector[c] = vertices++;
            classArcs[c] = new int[classDemand[c].length];
            classFlow[c] = new long[classDemand[c].length];
            for (int b = 0; b < classDemand[c].length; b++) {
                if (classDemand[c][b] > 0) {
                    classArcs[c][b] = 1
                            + flow.addArcWithCapacityAndUnitCost(
                                    collector[c], SINK, classDemand[c][b], classCost[c][b]);
                }
            }
            flow.addArcWithCapacityAndUnitCost(serverCollector[c], SINK, serverOnly[c], serverCost[c]);
            for (int r = 0; r < regions; r++) {
                if (regionalDemand[c][r] > 0) {
                    local[c][r] = vertices++;
                    flow.addArcWithCapacityAndUnitCost(local[c][r], collector[c], regionalDemand[c][r], 0);
                }
            }
        }
    }

    /**
     * Adds a group of nodes; returns its number.
     *
     * @param units the group's uplink in flow units
     * @param held the channels its nodes hold, one bit per channel
     * @param region where its nodes are
     * @param server whether its nodes are servers
     */
    int group(long units, long held, int region, boolean server) {
        int vertex = vertices++;
        flow.addArcWithCapacityAndUnitCost(SOURCE, vertex, units, 0);
        supply += units;
        int[][] arcs = new int[channels][];
        for (int c = 0; c < channels; c++) {
            if ((held & (1L << c)) == 0) {
                continue;
            }
            int[] mine = new int[3];
            if (local[c][region] != 0) {
                mine[0] = flow.addArcWithCapacityAndUnitCost(vertex, local[c][region], units, 0) + 1;
            }
            mine[1] = flow.addArcWithCapacityAndUnitCost(vertex, collector[c], units, EXPORT) + 1;
            if (server) {
                mine[2] = flow.addArcWithCapacityAndUnitCost(vertex, serverCollector[c], units, 0) + 1;
            }
            arcs[c] = mine;
        }
        if (groups == groupArcs.length) {
            groupArcs = Arrays.copyOf(groupArcs, 2 * groups);
        }
        groupArcs[groups] = arcs;
        return groups++;
    }

    /** Per channel, per class: the units the solved flow gives the class. */
    long[][] classFlow() {
        return classFlow;
    }

    /**
     * Solves; returns per group, per channel, the units the group gives the channel (all zero when
     * there is nothing to carry); the classes' units are then in {@link #classFlow}.
     *
     * @throws IllegalStateException if OR-Tools reports anything but an optimal flow (it cannot
     *     for a network with finite capacities and no negative costs)
     */
    long[][] solve() {
        long[][] shares = new long[groups][channels];
        if (supply == 0) {
            return shares;
        }
        flow.setNodeSupply(SOURCE, supply);
        flow.setNodeSupply(SINK, -supply);
        MinCostFlowBase.Status status = flow.solveMaxFlowWithMinCost();
        if (status != MinCostFlowBase.Status.OPTIMAL) {
            throw new IllegalStateException("uplink shares: min-cost flow ended " + status);
        }
        for (int c = 0; c < channels; c++) {
            for (int b = 0; b < classArcs[c].length; b++) {
                classFlow[c][b] = classArcs[c][b] > 0 ? flow.getFlow(classArcs[c][b] - 1) : 0;
            }
        }
        for (int g = 0; g < groups; g++) {
            for (int c = 0; c < channels; c++) {
                int[] arcs = groupArcs[g][c];
                if (arcs == null) {
                    continue;
                }
                for (int arc : arcs) {
                    if (arc > 0) {
                        shares[g][c] += flow.getFlow(arc - 1);
                    }
                }
            }
        }
        return shares;
    }
}
