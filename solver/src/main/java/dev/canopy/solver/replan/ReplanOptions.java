package dev.canopy.solver.replan;

import dev.canopy.solver.Strategy;
import dev.canopy.solver.multitree.MultiTreeStrategy;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link ReplanSession} repairs and when it recomputes the whole plan.
 *
 * @param strategy the strategy of full (re-)plans; multi-tree by default
 * @param candidatesPerRegion nodes with the most uplink left looked at per region when an orphan
 *     needs a parent
 * @param nearRegions nearest regions searched after the orphan's own, before all regions
 * @param candidatesOverall nodes with the most uplink left looked at over all regions, last
 * @param promotionFanout a peer that joins with uplink for this many substreams of a channel is
 *     promoted next to a source
 * @param promotionUptime and has at least this uptime (0..1)
 * @param fullEvery event time after which the next batch runs a full re-optimization (seed 000:
 *     "once every five minutes"); zero disables it
 * @param widerShare a wider recomputation runs at the start of the next batch once the wanted
 *     pairs left unserved exceed those after the last full plan by this share of all wanted pairs
 * @param edgePenalty what one changed tree edge costs when a periodic or wider recomputation
 *     decides whether to adopt its plan, in locality-cost units (kbps times cost per kbps); a
 *     served pair counts its channel's rate times {@link #SERVED_WEIGHT}
 */
public record ReplanOptions(
        Strategy strategy,
        int candidatesPerRegion,
        int nearRegions,
        int candidatesOverall,
        int promotionFanout,
        double promotionUptime,
        Duration fullEvery,
        double widerShare,
        double edgePenalty) {

    /** Weight of a served (node, channel) pair per kbps of the channel, against locality cost. */
    public static final int SERVED_WEIGHT = 8;

    public ReplanOptions {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(fullEvery, "fullEvery");
        if (candidatesPerRegion < 1 || nearRegions < 0 || candidatesOverall < 1) {
            throw new IllegalArgumentException("candidate counts must be positive");
        }
    }

    /**
     * Multi-tree full plans; 8 candidates per region over the own and 8 nearest regions, then 32
     * overall; promotion at a fanout of 4 and uptime 0.5; a full re-optimization every 5 minutes
     * of event time; a wider recomputation when 1 % more wanted pairs are unserved; 500 per edge
     * changed (one cross-region hop of a 500 kbps substream).
     */
    public static ReplanOptions defaults() {
        return new ReplanOptions(new MultiTreeStrategy(), 8, 8, 32, 4, 0.5, Duration.ofMinutes(5), 0.01, 500);
    }

    public ReplanOptions withStrategy(Strategy value) {
        return copy(value, fullEvery, widerShare, edgePenalty);
    }

    public ReplanOptions withFullEvery(Duration value) {
        return copy(strategy, value, widerShare, edgePenalty);
    }

    public ReplanOptions withWiderShare(double value) {
        return copy(strategy, fullEvery, value, edgePenalty);
    }

    public ReplanOptions withEdgePenalty(double value) {
        return copy(strategy, fullEvery, widerShare, value);
    }

    private ReplanOptions copy(Strategy strategy, Duration fullEvery, double widerShare, double edgePenalty) {
        return new ReplanOptions(
                strategy,
                candidatesPerRegion,
                nearRegions,
                candidatesOverall,
                promotionFanout,
                promotionUptime,
                fullEvery,
                widerShare,
                edgePenalty);
    }
}
