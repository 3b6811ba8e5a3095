package dev.canopy.solver;

import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;

/**
 * One node joining a channel substream by substream, as the strategies that grow trees node by
 * node do it: a parent for each of the k+n substreams (none once the child's downlink is used
 * up), each edge reserved in the {@link Resources} as it is found; a node that ends with fewer
 * than k gives every edge back, so that an unserved node takes nothing. Stateless.
 */
public final class SubstreamJoin {
    private SubstreamJoin() {}

    /** Whether the child's downlink can take k substreams at all; if not, it is unserved for capacity. */
    public static boolean downlinkFits(Resources resources, int child, int k, long rate) {
        return resources.downlink(child) >= k * rate;
    }

    /**
     * Finds and reserves a parent per substream with {@code parentFor} (a node number, or -1 for
     * none); the parents by substream (-1 where none) when at least {@code k} were found, else
     * empty after releasing each edge and telling {@code givenBack} about each parent that got
     * its uplink back.
     */
    public static Optional<int[]> take(
            Resources resources,
            int child,
            int k,
            int total,
            long rate,
            IntUnaryOperator parentFor,
            IntConsumer givenBack) {
        int[] parents = new int[total];
        int got = 0;
        for (int s = 0; s < total; s++) {
            parents[s] = resources.downlink(child) < rate ? -1 : parentFor.applyAsInt(s);
            if (parents[s] >= 0) {
                resources.reserve(parents[s], child, rate);
                got++;
            }
        }
        if (got >= k) {
            return Optional.of(parents);
        }
        for (int s = 0; s < total; s++) {
            if (parents[s] >= 0) {
                resources.release(parents[s], child, rate);
                givenBack.accept(parents[s]);
            }
        }
        return Optional.empty();
    }
}
