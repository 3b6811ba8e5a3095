package dev.canopy.solver.bench;

import dev.canopy.model.Channel;
import dev.canopy.model.Snapshot;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.plan.Unserved;
import dev.canopy.model.plan.UnservedReason;
import dev.canopy.policies.verify.ChannelMetrics;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.policies.verify.Verification;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.Strategy;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The highest channel rate a strategy serves to every receiver, found by bisection, over the
 * physical limit: the rate efficiency.
 *
 * <p>"Every receiver" means every receiver except the excused ones: those the plan at the
 * nominal rate lists unserved for a reason that no rate change can remove ({@link
 * #RATE_INDEPENDENT}: access list, no compatible source, and the policy reasons). The excused
 * set is fixed from the nominal plan, so a strategy cannot grow it at higher rates. A probe at
 * rate r rebuilds the snapshot with the channel at r (k, parity, uplinks and links unchanged),
 * plans it with the same options and verifies it; it passes iff the plan breaks no rule and
 * every unserved entry names an excused receiver.
 *
 * <p>Bracket [0, floor(limit)], limit = {@link ChannelMetrics#physicalLimitKbps()} (no valid
 * plan serves more). The nominal plan counts as a probe at the nominal rate when that is in
 * the bracket. When the tighter {@link SlotLimit} (whole substream copies, pairing rules, the
 * excused receivers left out) is below the top, it is probed next: if the strategy passes
 * there, the rate one above it is probed too, which no valid plan can pass, so the result is
 * exact (a pass there would mean the bound is wrong: it is noted, and the bisection goes on
 * above). Otherwise the top of the bracket is probed, then the middle until the bracket is at
 * most {@value #PRECISION} x limit (at least 1 kbps) wide. Assumes that a strategy serving
 * everyone at some rate also does at every lower rate; the result is the highest passing
 * probe. Both ratios are reported: over the physical limit (the rate efficiency) and over the
 * slot limit. One-channel snapshots only.
 */
public final class RateBisection {
    /** Width of the final bracket, as a share of the limit. */
    public static final double PRECISION = 0.005;

    /** Reasons for which a receiver is unserved whatever the rate. */
    public static final Set<UnservedReason> RATE_INDEPENDENT = EnumSet.of(
            UnservedReason.ACCESS_LIST,
            UnservedReason.NO_COMPATIBLE_SOURCE,
            UnservedReason.GEO_BAN,
            UnservedReason.DENY,
            UnservedReason.POLICY);

    private RateBisection() {}

    /** The result, the violations of the probes' plans, and what went wrong in probes. */
    public record Outcome(RunResult.Rate rate, int violations, List<String> notes) {
        public Outcome {
            notes = List.copyOf(notes);
        }
    }

    /**
     * Bisects the strategy's served rate on a one-channel problem, given its plan and
     * verification at the nominal rate.
     *
     * @throws IllegalArgumentException when the snapshot does not have exactly one channel
     */
    public static Outcome measure(Strategy strategy, PlanningProblem nominal, Plan plan, Verification verification) {
        Snapshot snapshot = nominal.snapshot();
        if (snapshot.channels().size() != 1) {
            throw new IllegalArgumentException("rate bisection needs one channel, the snapshot has "
                    + snapshot.channels().size());
        }
        Channel channel = snapshot.channels().get(0);
        ChannelMetrics metrics = verification.metrics().channels().get(channel.id());
        double limit = metrics.physicalLimitKbps();
        Set<String> excused = excused(plan);
        Probe probe = new Probe(strategy, nominal, excused);
        long top = (long) Math.floor(limit);
        long tolerance = Math.max(1, (long) Math.floor(PRECISION * limit));
        long lo = 0; // highest rate known to pass (0 trivially)
        long hi = top + 1; // lowest rate known to fail, or above the bracket
        long rate = channel.rateKbps();
        if (rate <= top) {
            if (probe.passes(plan, verification)) {
                lo = rate;
            } else {
                hi = rate;
            }
        }
        long slotLimit = SlotLimit.kbps(nominal.index(), 0, excused, top);
        if (slotLimit >= 1 && slotLimit < top && lo < slotLimit && hi > slotLimit) {
            if (probe.at(slotLimit)) {
                lo = slotLimit;
                if (probe.at(slotLimit + 1)) {
                    lo = slotLimit + 1;
                } else {
                    hi = slotLimit + 1;
                }
            } else {
                hi = slotLimit;
            }
        }
        if (top >= 1 && lo < top && hi == top + 1) {
            if (probe.at(top)) {
                lo = top;
            } else {
                hi = top;
            }
        }
        while (hi - lo > tolerance && hi <= top) {
            long mid = lo + (hi - lo) / 2;
            if (probe.at(mid)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        if (lo > slotLimit) {
            probe.notes.add(String.format(
                    Locale.ROOT, "served %d kbps, above the slot limit %d: the bound is wrong", lo, slotLimit));
        }
        double efficiency = limit > 0 ? lo / limit : Double.NaN;
        RunResult.Rate result = new RunResult.Rate(
                rate, limit, lo, efficiency, probe.count, excused.size(), slotLimit, ratio(lo, slotLimit));
        return new Outcome(result, probe.violations, probe.notes);
    }

    /** served / bound, NaN when the bound is 0. */
    static double ratio(double served, double bound) {
        return bound > 0 ? served / bound : Double.NaN;
    }

    /** Receivers the plan leaves unserved for rate-independent reasons. */
    static Set<String> excused(Plan plan) {
        Set<String> out = new HashSet<>();
        for (Unserved u : plan.unserved()) {
            if (RATE_INDEPENDENT.contains(u.reason())) {
                out.add(u.node());
            }
        }
        return out;
    }

    /** Plans and judges one rate at a time. */
    private static final class Probe {
        private final Strategy strategy;
        private final PlanningProblem nominal;
        private final Set<String> excused;
        int count;
        int violations;
        final List<String> notes = new ArrayList<>();

        Probe(Strategy strategy, PlanningProblem nominal, Set<String> excused) {
            this.strategy = strategy;
            this.nominal = nominal;
            this.excused = excused;
        }

        boolean at(long rateKbps) {
            count++;
            Snapshot variant = SnapshotVariants.withRate(nominal.snapshot(), rateKbps);
            PlanningProblem problem = PlanningProblem.of(variant, nominal.policies(), nominal.options());
            Plan plan;
            try {
                plan = strategy.plan(problem);
            } catch (RuntimeException e) {
                notes.add(String.format(Locale.ROOT, "probe at %d kbps failed: %s", rateKbps, e));
                return false;
            }
            Verification verification = PlanVerifier.verify(problem.routing(), plan);
            violations += verification.violations().size();
            return passes(plan, verification);
        }

        boolean passes(Plan plan, Verification verification) {
            if (!verification.ok()) {
                return false;
            }
            for (Unserved u : plan.unserved()) {
                if (!excused.contains(u.node())) {
                    return false;
                }
            }
            return true;
        }
    }
}
