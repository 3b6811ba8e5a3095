package dev.canopy.solver.baseline;

import dev.canopy.model.Node;
import dev.canopy.model.Role;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.solver.JoinOrder;
import dev.canopy.solver.Resources;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * SplitStream's choice of the stripe each relaying node is interior in, for one channel: sources
 * and relaying servers are interior everywhere ({@link SplitStreamRun#ALL}); relaying peers that
 * can send at least one stripe get one stripe each, round robin over a seeded shuffle
 * (SplitStream's uniformly random node ids, exactly balanced); everyone else is a leaf ({@link
 * SplitStreamRun#LEAF}). Stateless.
 */
final class StripeAssignment {
    private StripeAssignment() {}

    /** Per node, its interior stripe, {@link SplitStreamRun#ALL} or {@link SplitStreamRun#LEAF}. */
    static int[] assign(SnapshotIndex index, Resources resources, int channel, SplittableRandom random) {
        long rate = index.channel(channel).substreamRateKbps();
        int total = index.channel(channel).totalSubstreams();
        int[] primary = new int[index.nodeCount()];
        Arrays.fill(primary, SplitStreamRun.LEAF);
        int[] receivers = index.receivers(channel);
        int relaying = 0;
        int[] peers = new int[receivers.length];
        for (int node : receivers) {
            Node n = index.node(node);
            if (n.isLightweight() || resources.uplink(node) < rate) {
                continue;
            }
            if (n.role() == Role.PEER) {
                peers[relaying++] = node;
            } else {
                primary[node] = SplitStreamRun.ALL;
            }
        }
        int[] shuffled = Arrays.copyOf(peers, relaying);
        JoinOrder.shuffle(shuffled, random);
        for (int i = 0; i < shuffled.length; i++) {
            primary[shuffled[i]] = i % total;
        }
        for (int source : index.sources(channel)) {
            primary[source] = SplitStreamRun.ALL;
        }
        return primary;
    }
}
