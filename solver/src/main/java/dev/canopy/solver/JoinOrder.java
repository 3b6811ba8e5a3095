package dev.canopy.solver;

import dev.canopy.model.ChannelKind;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.policies.compile.CompiledPolicies;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The order in which strategies that grow a plan node by node take channels and receivers,
 * shared so that they agree on it: live channels before file channels (a live channel cannot
 * wait, and a node's uplink is shared by all channels), and within a channel the servers that
 * want it (CDN, waypoint) before peers, since peers whose access list allows only servers
 * depend on the servers holding the channel first. Stateless.
 */
public final class JoinOrder {
    private JoinOrder() {}

    /** Channel numbers, live channels first, each group in snapshot order. */
    public static int[] channels(SnapshotIndex index) {
        return IntStream.range(0, index.channelCount())
                .boxed()
                .sorted(Comparator.comparing((Integer c) -> index.channel(c).kind() == ChannelKind.LIVE ? 0 : 1)
                        .thenComparing(c -> c))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    /** Orders node numbers servers (origin, CDN, waypoint) first; ties are left to what follows. */
    public static Comparator<Integer> serversFirst(SnapshotIndex index) {
        return Comparator.comparingInt(i -> index.node(i).role().isServer() ? 0 : 1);
    }

    /**
     * Orders node numbers by tier, highest first: a priority policy's order when there is one
     * (tiers it leaves out after those it names), else premium, standard, free.
     */
    public static Comparator<Integer> byTier(SnapshotIndex index, CompiledPolicies policies) {
        return policies.priority()
                .map(p -> Comparator.comparingInt(
                        (Integer i) -> p.rank(index.node(i).tier())))
                .orElse(Comparator.comparingInt(i -> index.node(i).tier().ordinal()));
    }

    /**
     * A channel's receivers with the servers first and the peers after them, each group in an
     * order drawn from {@code random} (a seeded shuffle): the join order of a tracker or an
     * overlay where peers arrive at random.
     */
    public static int[] serversThenShuffled(SnapshotIndex index, int channel, SplittableRandom random) {
        int[] receivers = index.receivers(channel);
        int[] servers = IntStream.of(receivers)
                .filter(i -> index.node(i).role().isServer())
                .toArray();
        int[] peers = IntStream.of(receivers)
                .filter(i -> !index.node(i).role().isServer())
                .toArray();
        shuffle(servers, random);
        shuffle(peers, random);
        int[] order = new int[receivers.length];
        System.arraycopy(servers, 0, order, 0, servers.length);
        System.arraycopy(peers, 0, order, servers.length, peers.length);
        return order;
    }

    /** Fisher-Yates shuffle in place. */
    public static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }
}
