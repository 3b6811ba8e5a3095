package dev.canopy.solver.multitree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Snapshot;
import dev.canopy.model.generate.CapacityMix;
import dev.canopy.model.generate.GeneratorOptions;
import dev.canopy.model.generate.NetworkGenerator;
import org.junit.jupiter.api.Test;

/**
 * Where coded puts its parity copies when they are too few for everyone: on the receivers whose
 * paths carry the most peers (see {@link LossExposure}), measured by the expected share of
 * receivers that keep k substreams when a share of the peers fail (paths taken as cut
 * independently, each peer on a path failing with that probability).
 */
class CodedExposureTest {
    private static final int K = 8;
    private static final double FAILED = 0.01;

    private final CodedStrategy strategy = new CodedStrategy();

    @Test
    void theSecondParityCopyGoesToTheReceiversWithTheDeepestPaths() {
        Planned planned = Planned.by(strategy, parityTwo(CapacityMix.HOMOGENEOUS, 1500, 4));
        int[][] peers = peersOnPaths(planned);
        double[] sum = new double[K + 3];
        int[] count = new int[K + 3];
        for (int r : planned.index().receivers(0)) {
            int held = held(peers, r);
            if (held >= K + 1 && isPeer(planned, r)) {
                int onDataPaths = 0;
                for (int s = 0; s < K; s++) {
                    onDataPaths += Math.max(0, peers[s][r]);
                }
                sum[held] += onDataPaths;
                count[held]++;
            }
        }
        // The precondition: parity fits partly, so some hold k + 1 and some k + 2.
        assertThat(count[K + 1]).isPositive();
        assertThat(count[K + 2]).isPositive();
        // Before, the second parity tree took its leaves in the planner's order, whose first
        // leaves also had the shallowest slots of every data tree: those holding k + 2 had 7.8
        // peers on their data trees' paths on average, those holding k + 1 12.4.
        assertThat(sum[K + 2] / count[K + 2]).isGreaterThan(sum[K + 1] / count[K + 1]);
    }

    @Test
    void homogeneousExpectedShareKeptAtOnePercentFailed() {
        Planned planned = Planned.by(strategy, parityTwo(CapacityMix.HOMOGENEOUS, 1500, 4));
        // Before the parity copies went by exposure: 0.99709; now 0.99864.
        assertThat(expectedShareKept(planned)).isGreaterThan(0.9980);
    }

    @Test
    void criticalExpectedShareKeptAtOnePercentFailed() {
        Planned planned = Planned.by(strategy, parityTwo(CapacityMix.CRITICAL, 3000, 1));
        // Every served receiver holds about k, so any cut path loses it: the deep paths gathered
        // on the same receivers lose fewer of them. Before the data trees' leaves went by
        // exposure: 0.8790 (2,395 peers served); now 0.8912 (2,473).
        assertThat(expectedShareKept(planned)).isGreaterThan(0.885);
    }

    private static Snapshot parityTwo(CapacityMix mix, int peers, long seed) {
        return NetworkGenerator.generate(GeneratorOptions.defaults(peers)
                .withSubstreams(K)
                .withParity(2)
                .withMix(mix)
                .withSeed(seed));
    }

    /** Over peers holding at least k substreams, the expected share that still do with {@value #FAILED} of the peers failed. */
    private static double expectedShareKept(Planned planned) {
        int[][] peers = peersOnPaths(planned);
        double kept = 0;
        int served = 0;
        for (int r : planned.index().receivers(0)) {
            if (!isPeer(planned, r) || held(peers, r) < K) {
                continue;
            }
            // cuts[c]: the probability that c of the paths so far are cut.
            double[] cuts = new double[peers.length + 1];
            cuts[0] = 1;
            for (int[] tree : peers) {
                if (tree[r] < 0) {
                    continue;
                }
                double cut = 1 - Math.pow(1 - FAILED, tree[r]);
                for (int c = cuts.length - 1; c >= 0; c--) {
                    cuts[c] = cuts[c] * (1 - cut) + (c > 0 ? cuts[c - 1] * cut : 0);
                }
            }
            double ok = 0;
            for (int c = 0; c <= held(peers, r) - K; c++) {
                ok += cuts[c];
            }
            kept += ok;
            served++;
        }
        return kept / served;
    }

    /** Per tree, per node: the peers on its path above it, or -1 where it is not in the tree. */
    private static int[][] peersOnPaths(Planned planned) {
        int[][] parents = planned.parents();
        int n = planned.index().nodeCount();
        int[][] out = new int[parents.length][n];
        for (int s = 0; s < parents.length; s++) {
            for (int v = 0; v < n; v++) {
                if (parents[s][v] < 0) {
                    out[s][v] = -1;
                    continue;
                }
                int count = 0;
                for (int u = parents[s][v]; u >= 0; u = parents[s][u]) {
                    count += isPeer(planned, u) ? 1 : 0;
                }
                out[s][v] = count;
            }
        }
        return out;
    }

    private static int held(int[][] peers, int r) {
        int held = 0;
        for (int[] tree : peers) {
            held += tree[r] >= 0 ? 1 : 0;
        }
        return held;
    }

    private static boolean isPeer(Planned planned, int v) {
        return !planned.index().node(v).role().isServer();
    }
}
