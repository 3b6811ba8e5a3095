package dev.canopy.solver.multitree;

import java.util.Arrays;

/**
 * Feasibility first (seed 000): a channel's trees can reach every receiver only if the slots
 * of the nodes that may send cover k substreams per receiver (plus a margin, the shortfall an
 * earlier attempt at the trees met), the slots of regular senders cover k per lightweight
 * receiver (two lightweight nodes are never paired), and the servers' slots cover k per
 * receiver only servers may feed (the servers that want the channel, and receivers whose access
 * list admits only servers) and one root slot per tree besides. While one of these fails,
 * receivers are ejected in the seed's order, lower tiers before higher (free, standard,
 * premium, or the reverse of a priority policy's order) and, within a tier, lowest uplink first; a receiver is ejected only if that helps a
 * failing condition (a peer with at least k slots adds more than it takes and is kept).
 *
 * <p>These are necessary conditions, not sufficient ones (regions, routes and policies are not
 * looked at): {@link ChannelRun} builds the trees and, when a kept receiver is short, comes back
 * with a margin. Sums are over active members; stateless apart from the members' flags it sets.
 */
final class Ejection {
    private long supply;
    private long regularSupply;
    private long serverSupply;
    private long receivers;
    private long lightweight;
    private long restricted;
    private final long margin;
    private final ChannelMembers m;

    private Ejection(ChannelMembers m, long margin) {
        this.m = m;
        this.margin = margin;
        for (int i = 0; i < m.flags.length; i++) {
            if (m.active(i)) {
                add(i, 1);
            }
        }
    }

    /** Whether the channel is feasible as its members stand. */
    static boolean feasible(ChannelMembers m) {
        return new Ejection(m, 0).holds();
    }

    /**
     * Ejects receivers until the channel is feasible with {@code margin} more substream copies
     * than its receivers need (or no candidate is left); returns how many.
     */
    static int apply(ChannelMembers m, long margin) {
        Ejection e = new Ejection(m, margin);
        if (e.holds()) {
            return 0;
        }
        int ejected = 0;
        for (int node : e.candidates()) {
            if (e.holds()) {
                break;
            }
            if (e.helps(node)) {
                e.add(node, -1);
                m.flags[node] |= ChannelMembers.EJECTED;
                ejected++;
            }
        }
        return ejected;
    }

    private void add(int node, int sign) {
        long k = m.k;
        long slots = m.has(node, ChannelMembers.RELAY) && m.joins[node] == m.trees ? m.slots[node] : 0;
        boolean light = m.has(node, ChannelMembers.LIGHT);
        supply += sign * slots;
        if (!light) {
            regularSupply += sign * slots;
        }
        if (m.has(node, ChannelMembers.SERVER)) {
            serverSupply += sign * slots;
        }
        if (m.has(node, ChannelMembers.RECEIVER)) {
            receivers += sign * k;
            lightweight += light ? sign * k : 0;
            restricted += m.restricted(node) || m.has(node, ChannelMembers.SERVER) ? sign * k : 0;
        }
    }

    private boolean holds() {
        return supply >= receivers + margin && regularSupply >= lightweight && serverSupply >= restricted + roots();
    }

    /** Server slots the trees' first peers need: one per tree, when there is a peer to feed. */
    private long roots() {
        return receivers > restricted ? m.trees : 0;
    }

    private boolean helps(int node) {
        long slots = m.has(node, ChannelMembers.RELAY) ? m.slots[node] : 0;
        return (supply < receivers + margin && slots < m.k)
                || (regularSupply < lightweight && m.has(node, ChannelMembers.LIGHT))
                || (serverSupply < restricted + roots() && m.restricted(node));
    }

    /**
     * Active peer receivers in ejection order: free before standard before premium, then
     * lowest uplink first, then node order.
     */
    private int[] candidates() {
        long[] keys = new long[m.receivers.length];
        int count = 0;
        for (int r : m.receivers) {
            if (!m.active(r) || m.has(r, ChannelMembers.SERVER)) {
                continue;
            }
            var node = m.index.node(r);
            long tierRank = m.tierCount() - 1 - m.tierRank(r);
            long uplink = Math.min(node.uplinkKbps(), (1L << 36) - 1);
            keys[count++] = (tierRank << 61) | (uplink << 25) | r;
        }
        long[] sorted = Arrays.copyOf(keys, count);
        Arrays.sort(sorted);
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = (int) (sorted[i] & ((1 << 25) - 1));
        }
        return out;
    }
}
