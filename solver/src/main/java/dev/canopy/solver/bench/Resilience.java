package dev.canopy.solver.bench;

import dev.canopy.model.Role;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Plan;
import java.util.SplittableRandom;

/**
 * How much of a plan survives when peers fail at once and nothing is repaired.
 *
 * <p>Computed from the tree overlays only: a node keeps substream s iff no failed node is on
 * its path to the root of s's tree (itself included). The figure is the share of surviving
 * peers, among those that received at least k substreams of a channel through trees before
 * the failure, that still receive at least k afterwards; counted over (peer, channel) pairs.
 * Nodes served by a mesh or club are left out of both counts. Stateless.
 */
public final class Resilience {
    private static final byte UNKNOWN = 0;
    private static final byte ALIVE = 1;
    private static final byte CUT = 2;

    private Resilience() {}

    /**
     * A seeded sample of round(q % of the peers) failing peers (role {@code peer}); servers never
     * fail. The same snapshot and seed give the same sample, and samples of one seed are nested:
     * the peers failing at 1 % also fail at 5 % and 10 % (the first picks of one seeded shuffle).
     */
    public static boolean[] failures(SnapshotIndex index, double percent, long seed) {
        int n = index.nodeCount();
        int[] peers = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (index.node(i).role() == Role.PEER) {
                peers[count++] = i;
            }
        }
        int fail = (int) Math.round(count * percent / 100);
        SplittableRandom random = new SplittableRandom(seed);
        boolean[] failed = new boolean[n];
        for (int i = 0; i < fail; i++) {
            int j = i + random.nextInt(count - i);
            int swap = peers[i];
            peers[i] = peers[j];
            peers[j] = swap;
            failed[peers[i]] = true;
        }
        return failed;
    }

    /** The share of surviving tree-served peers still served; NaN when none was served. */
    public static double survivingShare(SnapshotIndex index, Plan plan, boolean[] failed) {
        int n = index.nodeCount();
        int channels = index.channelCount();
        int[][] before = new int[channels][];
        int[][] after = new int[channels][];
        byte[] state = new byte[n];
        int[] stack = new int[n];
        TreeWalk.walk(index, plan, (channel, parent, children, count) -> {
            if (before[channel] == null) {
                before[channel] = new int[n];
                after[channel] = new int[n];
            }
            for (int i = 0; i < count; i++) {
                int v = children[i];
                before[channel][v]++;
                if (alive(v, parent, failed, state, stack)) {
                    after[channel][v]++;
                }
            }
            for (int i = 0; i < count; i++) {
                state[children[i]] = UNKNOWN;
                state[parent[children[i]]] = UNKNOWN;
            }
        });
        long servedBefore = 0;
        long servedAfter = 0;
        for (int c = 0; c < channels; c++) {
            if (before[c] == null) {
                continue;
            }
            int k = index.channel(c).substreams();
            for (int v : index.receivers(c)) {
                if (index.node(v).role() == Role.PEER && !failed[v] && before[c][v] >= k) {
                    servedBefore++;
                    if (after[c][v] >= k) {
                        servedAfter++;
                    }
                }
            }
        }
        return servedBefore == 0 ? Double.NaN : (double) servedAfter / servedBefore;
    }

    /** Whether v and every node on its path to the root are up, memoised in {@code state}. */
    private static boolean alive(int v, int[] parent, boolean[] failed, byte[] state, int[] stack) {
        int size = 0;
        int u = v;
        byte result;
        while (true) {
            if (state[u] != UNKNOWN) {
                result = state[u];
                break;
            }
            if (failed[u]) {
                result = CUT;
                break;
            }
            if (parent[u] == TreeWalk.NONE || size == stack.length) {
                result = ALIVE;
                break;
            }
            stack[size++] = u;
            u = parent[u];
        }
        state[u] = result;
        for (int i = 0; i < size; i++) {
            state[stack[i]] = result;
        }
        return result == ALIVE;
    }
}
