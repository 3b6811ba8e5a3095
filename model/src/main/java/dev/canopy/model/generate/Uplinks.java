package dev.canopy.model.generate;

import java.util.SplittableRandom;

/**
 * Peer uplinks per {@link CapacityMix}, and the exact rescaling the critical mix needs. {@link
 * #draw} is public so that the real-data builders give peers the generator's uplinks.
 * Stateless; thread-safe as long as each thread uses its own random stream.
 */
public final class Uplinks {
    /** Four-tier multiples of the demand and their shares. */
    static final double[] TIERS = {0.5, 1, 2, 4};

    private static final double[] TIER_CUMULATIVE = Draws.cumulative(new double[] {30, 40, 20, 10});
    static final double LOG_NORMAL_MEDIAN = 0.9;
    static final double LOG_NORMAL_SIGMA = 1.0;
    static final double LOG_NORMAL_CAP = 50;
    static final double HOMOGENEOUS = 1.2;
    /** Critical resource index: all uplinks over all demand. */
    static final double CRITICAL_INDEX = 1.02;

    private Uplinks() {}

    /**
     * One peer's uplink in kbps for a demand (the summed rate of the channels it wants); the
     * critical mix draws like four-tier and is rescaled afterwards.
     */
    public static long draw(CapacityMix mix, long demandKbps, SplittableRandom rng) {
        return switch (mix) {
            case FOUR_TIER, CRITICAL -> Math.round(TIERS[Draws.pick(rng, TIER_CUMULATIVE)] * demandKbps);
            case LOG_NORMAL -> {
                double factor = LOG_NORMAL_MEDIAN * Math.exp(LOG_NORMAL_SIGMA * Draws.gaussian(rng));
                yield Math.round(Math.min(LOG_NORMAL_CAP, factor) * demandKbps);
            }
            case HOMOGENEOUS -> Math.round(HOMOGENEOUS * demandKbps);
        };
    }

    /** The total uplink of the critical mix: 1.02 times the demand, rounded to the kbps. */
    static long criticalTotal(long demandKbps) {
        return (demandKbps * 102 + 50) / 100;
    }

    /**
     * Scales weights in place so that they sum to exactly {@code total}, each in proportion to
     * its weight (floored, the remainder spread one kbps at a time in index order).
     */
    static void scaleTo(long[] weights, long total) {
        double sum = 0;
        for (long w : weights) {
            sum += w;
        }
        double factor = sum == 0 ? 0 : total / sum;
        long scaled = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = sum == 0 ? 0 : (long) Math.floor(weights[i] * factor);
            scaled += weights[i];
        }
        long rest = total - scaled;
        for (int i = 0; rest != 0 && weights.length > 0; i = (i + 1) % weights.length) {
            if (rest > 0) {
                weights[i]++;
                rest--;
            } else if (weights[i] > 0) {
                weights[i]--;
                rest++;
            }
        }
    }
}
