package dev.canopy.solver.bench;

import dev.canopy.model.Channel;
import dev.canopy.model.Snapshot;
import dev.canopy.model.plan.Overlay;
import dev.canopy.model.plan.OverlayKind;
import dev.canopy.model.plan.Plan;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.policies.verify.Verification;
import java.util.ArrayList;
import java.util.List;

/**
 * The rate efficiency of one fixed plan: the highest channel rate at which the plan's trees,
 * unchanged (same edges, each carrying rate / k), still pass the verifier, over the physical
 * limit. {@link RateBisection} answers a different question, what a strategy serves when it may
 * plan again at every probed rate; a plan kept live by incremental re-planning has no strategy
 * to ask, so its trees are judged as they are, and so should a fresh plan be when the two are
 * compared.
 *
 * <p>A probe at rate r rebuilds the snapshot with the channel at r ({@link
 * SnapshotVariants#withRate}) and the plan's tree overlays at the new substream rate; it passes
 * iff the verifier finds no violation. The bracket and precision are {@link RateBisection}'s:
 * [0, floor(limit)], bisected until at most {@link RateBisection#PRECISION} x limit wide. One
 * channel, tree overlays without per-edge rates only. Stateless.
 */
public final class PlanHeadroom {
    private PlanHeadroom() {}

    /**
     * The plan's served rate (the highest passing probe, 0 when none), the physical limit and
     * their ratio, as a {@link RunResult.Rate} (probes counted, nothing excused).
     *
     * @throws IllegalArgumentException when the snapshot does not have exactly one channel
     */
    public static RunResult.Rate measure(Snapshot snapshot, Plan plan) {
        if (snapshot.channels().size() != 1) {
            throw new IllegalArgumentException("plan headroom needs one channel, the snapshot has "
                    + snapshot.channels().size());
        }
        Channel channel = snapshot.channels().get(0);
        Verification nominal = PlanVerifier.verify(snapshot, plan);
        double limit = nominal.metrics().channels().get(channel.id()).physicalLimitKbps();
        long top = (long) Math.floor(limit);
        long tolerance = Math.max(1, (long) Math.floor(RateBisection.PRECISION * limit));
        int probes = 0;
        long lo = 0;
        long hi = top + 1;
        long rate = channel.rateKbps();
        if (rate <= top) {
            probes++;
            if (nominal.ok()) {
                lo = rate;
            } else {
                hi = rate;
            }
        }
        while (hi - lo > tolerance && lo < top) {
            long mid = hi == top + 1 ? top : lo + (hi - lo) / 2;
            probes++;
            if (passes(snapshot, plan, mid)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double efficiency = limit > 0 ? lo / limit : Double.NaN;
        return new RunResult.Rate(rate, limit, lo, efficiency, probes, 0);
    }

    private static boolean passes(Snapshot snapshot, Plan plan, long rateKbps) {
        Snapshot variant = SnapshotVariants.withRate(snapshot, rateKbps);
        long substream = variant.channels().get(0).substreamRateKbps();
        List<Overlay> overlays = new ArrayList<>(plan.overlays().size());
        for (Overlay o : plan.overlays()) {
            overlays.add(
                    o.kind() == OverlayKind.TREE
                            ? new Overlay(o.channel(), o.kind(), o.substream(), substream, o.edges())
                            : o);
        }
        Plan scaled = new Plan(
                plan.format(),
                plan.snapshot(),
                plan.version(),
                plan.createdAt(),
                plan.strategy(),
                overlays,
                plan.clubs(),
                plan.unserved(),
                plan.relaxed(),
                plan.metrics());
        return PlanVerifier.verify(variant, scaled).ok();
    }
}
