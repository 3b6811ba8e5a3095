package dev.canopy.solver.bench;

import java.util.Objects;

/**
 * The figures of one (instance, strategy, seed) run: one row of {@code results.csv}. A figure
 * that was not measured (not asked for, not applicable, or the run failed) is {@code NaN}.
 *
 * @param receivers wanted (node, channel) pairs of the instance, sources excluded
 * @param violations hard rules the plan at the nominal rate breaks (the verifier's count)
 * @param otherViolations rules broken by the other plans of the run (bisection probes, the
 *     other parity variant)
 * @param note what went wrong or was left out, empty when nothing
 */
public record RunResult(
        Key key,
        int receivers,
        Rate rate,
        Traffic traffic,
        Shape shape,
        Cost cost,
        Survival survival,
        int violations,
        int otherViolations,
        String note) {

    public RunResult {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(traffic, "traffic");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(survival, "survival");
        note = note == null ? "" : note;
    }

    /** A run that produced no plan, with the reason. */
    public static RunResult failed(Key key, int receivers, String note) {
        return new RunResult(key, receivers, Rate.NONE, Traffic.NONE, Shape.NONE, Cost.NONE, Survival.NONE, 0, 0, note);
    }

    /** A copy with the cross-traffic ratios to {@code random} set. */
    public RunResult withRandomRatios(double crossIsp, double crossCountry) {
        return new RunResult(
                key,
                receivers,
                rate,
                traffic.withRandomRatios(crossIsp, crossCountry),
                shape,
                cost,
                survival,
                violations,
                otherViolations,
                note);
    }

    /** Which run: the instance's identity and the strategy. */
    public record Key(
            String instance, String family, int peers, int substreams, int parity, long seed, String strategy) {
        public Key {
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(family, "family");
            Objects.requireNonNull(strategy, "strategy");
        }

        /** The key of a strategy's run on an instance. */
        public static Key of(BenchInstance instance, String strategy) {
            return new Key(
                    instance.name(),
                    instance.family(),
                    instance.peers(),
                    instance.substreams(),
                    instance.parity(),
                    instance.seed(),
                    strategy);
        }
    }

    /**
     * The rate efficiency of a one-channel instance.
     *
     * @param nominalKbps the channel's rate as the instance states it
     * @param limitKbps the physical limit min(S, (S + R) / N) the verifier reports
     * @param maxServedKbps the highest probed rate at which every receiver but the excused ones
     *     is served
     * @param efficiency maxServedKbps / limitKbps
     * @param probes plans made by the bisection (besides the nominal one)
     * @param excused receivers the nominal plan leaves unserved for rate-independent reasons
     * @param slotLimitKbps {@link SlotLimit}: the highest rate at which whole substream copies and
     *     the pairing rules still let every non-excused receiver be served (NaN when not computed)
     * @param slotEfficiency maxServedKbps / slotLimitKbps
     */
    public record Rate(
            double nominalKbps,
            double limitKbps,
            double maxServedKbps,
            double efficiency,
            int probes,
            int excused,
            double slotLimitKbps,
            double slotEfficiency) {
        public static final Rate NONE = new Rate(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0);

        /** A rate without the slot limit. */
        public Rate(
                double nominalKbps,
                double limitKbps,
                double maxServedKbps,
                double efficiency,
                int probes,
                int excused) {
            this(nominalKbps, limitKbps, maxServedKbps, efficiency, probes, excused, Double.NaN, Double.NaN);
        }
    }

    /**
     * Where the nominal plan's traffic goes.
     *
     * @param served served share of wanted (node, channel) pairs
     * @param stranded server-sent rate beyond what peers could not have carried, over the demand
     * @param offload peer-sent share of all sent rate
     * @param crossIsp share of sent rate crossing leaf regions
     * @param crossCountry share of sent rate crossing countries
     * @param crossIspVsRandom crossIsp over {@code random}'s on the same instance and seed
     * @param crossCountryVsRandom crossCountry over {@code random}'s
     * @param localityCost {@link dev.canopy.solver.Locality#planCost}
     * @param localityBound the instance's lower bound on it, when known
     */
    public record Traffic(
            double served,
            double stranded,
            ServerSends.Parts strandedParts,
            double offload,
            double crossIsp,
            double crossCountry,
            double crossIspVsRandom,
            double crossCountryVsRandom,
            double localityCost,
            double localityBound) {
        public static final Traffic NONE = new Traffic(
                Double.NaN,
                Double.NaN,
                ServerSends.Parts.NONE,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN);

        Traffic withRandomRatios(double isp, double country) {
            return new Traffic(
                    served,
                    stranded,
                    strandedParts,
                    offload,
                    crossIsp,
                    crossCountry,
                    isp,
                    country,
                    localityCost,
                    localityBound);
        }

        /** Locality cost over its lower bound (1 when both are 0; NaN without a bound). */
        public double localityOverBound() {
            if (Double.isNaN(localityBound) || Double.isNaN(localityCost)) {
                return Double.NaN;
            }
            if (localityBound == 0) {
                return localityCost == 0 ? 1 : Double.POSITIVE_INFINITY;
            }
            return localityCost / localityBound;
        }
    }

    /**
     * Tree depth against the depth a balanced tree would have.
     *
     * @param maxDepth most hops from a root over every (node, substream tree) membership
     * @param medianDepth median hops over those memberships
     * @param medianFanOut d, the median number of children over (interior node, tree) pairs
     * @param logBound ceil(log_d N) + 1, N the receivers (NaN when d &lt;= 1)
     */
    public record Shape(double maxDepth, double medianDepth, double medianFanOut, double logBound) {
        public static final Shape NONE = new Shape(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /**
     * What the nominal plan cost to compute.
     *
     * @param planMs wall clock of {@code strategy.plan}, milliseconds
     * @param peakHeapMb peak heap in use during the plan above the heap in use before it, MB
     *     (2^20 bytes); see {@link PeakHeap}
     * @param boundMs time to compute the instance's locality bound, milliseconds
     */
    public record Cost(double planMs, double peakHeapMb, double boundMs) {
        public static final Cost NONE = new Cost(Double.NaN, Double.NaN, Double.NaN);
    }

    /**
     * Resilience: the share of surviving tree-served peers still receiving at least k
     * substreams after 1, 5 and 10 % of the peers fail at once, with no repair, on the parity 0
     * and parity 2 variants of the instance.
     */
    public record Survival(double p0q1, double p0q5, double p0q10, double p2q1, double p2q5, double p2q10) {
        public static final Survival NONE =
                new Survival(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

        /** The figures of a parity variant (0 or 2), for q = 1, 5, 10 %. */
        public double[] forParity(int parity) {
            return parity == 0 ? new double[] {p0q1, p0q5, p0q10} : new double[] {p2q1, p2q5, p2q10};
        }

        /** From the figures of both variants, each for q = 1, 5, 10 %. */
        public static Survival of(double[] parity0, double[] parity2) {
            return new Survival(parity0[0], parity0[1], parity0[2], parity2[0], parity2[1], parity2[2]);
        }
    }
}
