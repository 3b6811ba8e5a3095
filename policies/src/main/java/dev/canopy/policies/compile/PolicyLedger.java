package dev.canopy.policies.compile;

import dev.canopy.model.policy.Policy;
import java.util.Objects;
import java.util.Optional;

/**
 * The running totals of every cap while one plan grows: link-cap (plan traffic of the selected
 * channels on the link per direction, plus the link's {@code loadKbps}), region-cap (into, out
 * of or inside a region), serve-window's uplink share, and the copies entering a firewall domain
 * (single-ingress, dual-ingress). A strategy asks {@link #exceeds} before adding an edge and
 * {@link #reserve}s it once added; {@link #release} takes it back.
 *
 * <p>An edge into a node that has a cap lifted is never refused by that cap, but its traffic
 * still counts, so the other nodes keep within it. {@code substream} is the tree's substream,
 * or {@link #WHOLE_CHANNEL} for a mesh edge that carries the whole channel.
 *
 * <p>Mutable and not thread-safe: one per planning call. Reserve and release must be given the
 * same arguments.
 */
public final class PolicyLedger {
    /** The substream number of a mesh edge, which carries every substream of its channel. */
    public static final int WHOLE_CHANNEL = -1;

    private final CapRule[] hard;
    private final CapRule.CapState[] hardStates;
    private final CapRule[] soft;
    private final CapRule.CapState[] softStates;
    private final Relaxations lifted;

    PolicyLedger(CapRule[] hard, CapRule[] soft, Relaxations lifted) {
        this.hard = hard;
        this.soft = soft;
        this.lifted = Objects.requireNonNull(lifted, "lifted");
        this.hardStates = new CapRule.CapState[hard.length];
        for (int i = 0; i < hard.length; i++) {
            hardStates[i] = hard[i].newState();
        }
        this.softStates = new CapRule.CapState[soft.length];
        for (int i = 0; i < soft.length; i++) {
            softStates[i] = soft[i].newState();
        }
    }

    /** The relaxations this ledger honours (the same object the caller lifts into). */
    public Relaxations relaxations() {
        return lifted;
    }

    /** Whether there is no hard cap at all (so that {@link #exceeds} never refuses). */
    public boolean isUnbounded() {
        return hard.length == 0;
    }

    /** The first hard cap, in file order, that the edge would break; empty if it fits them all. */
    public Optional<Policy> exceeds(int parent, int child, int channel, int substream, long kbps) {
        for (int i = 0; i < hard.length; i++) {
            if (hardStates[i].excessIfAdded(parent, child, channel, substream, kbps) > 0
                    && !lifted.isLifted(child, channel, hard[i].policy())) {
                return Optional.of(hard[i].policy());
            }
        }
        return Optional.empty();
    }

    /**
     * The first hard dual-ingress policy, not lifted for the child, whose domain (the child's)
     * still lacks an entered copy of the substream; empty when none asks for one.
     */
    public Optional<Policy> pendingEntry(int child, int channel, int substream) {
        for (int i = 0; i < hard.length; i++) {
            if (hardStates[i].lacksEntry(child, channel, substream)
                    && !lifted.isLifted(child, channel, hard[i].policy())) {
                return Optional.of(hard[i].policy());
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the edge brings the child's domain a copy it still lacks: for every hard rule
     * {@link #pendingEntry} would name, the parent is outside the domain and the copy fits the
     * rule (a fresh upstream link where the rule asks for distinct links). True when no copy is
     * pending.
     */
    public boolean bringsPendingEntry(int parent, int child, int channel, int substream, long kbps) {
        for (int i = 0; i < hard.length; i++) {
            if (hardStates[i].lacksEntry(child, channel, substream)
                    && !lifted.isLifted(child, channel, hard[i].policy())
                    && (!hard[i].affects(child, channel)
                            || hard[i].affects(parent, channel)
                            || hardStates[i].excessIfAdded(parent, child, channel, substream, kbps) > 0)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The weighted cost the soft caps put on adding the edge: per cap, its weight times the
     * excess, counted in Mbps for bandwidth caps and in copies for ingress caps.
     */
    public double softCost(int parent, int child, int channel, int substream, long kbps) {
        double total = 0;
        for (int i = 0; i < soft.length; i++) {
            double excess = softStates[i].excessIfAdded(parent, child, channel, substream, kbps);
            if (excess > 0) {
                total += soft[i].policy().weight() * excess;
            }
        }
        return total;
    }

    /** Counts an edge in every cap (hard and soft) it falls under. */
    public void reserve(int parent, int child, int channel, int substream, long kbps) {
        add(parent, child, channel, substream, kbps, 1);
    }

    /** Takes back an edge {@link #reserve} counted. */
    public void release(int parent, int child, int channel, int substream, long kbps) {
        add(parent, child, channel, substream, kbps, -1);
    }

    private void add(int parent, int child, int channel, int substream, long kbps, int sign) {
        for (CapRule.CapState state : hardStates) {
            state.add(parent, child, channel, substream, kbps, sign);
        }
        for (CapRule.CapState state : softStates) {
            state.add(parent, child, channel, substream, kbps, sign);
        }
    }
}
