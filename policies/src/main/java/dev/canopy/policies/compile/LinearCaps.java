package dev.canopy.policies.compile;

import dev.canopy.model.policy.Policy;

/**
 * The hard caps (link-cap, region-cap, serve-window's uplink share, single- and dual-ingress
 * copies) as linear constraints over a plan's edges, for a model that states every rule up front
 * instead of keeping running totals in a {@link PolicyLedger}. Each cap has numbered groups; an
 * edge adds an amount to some of them ({@link #terms}) and each group's sum must stay within its
 * {@link #bound}:
 *
 * <ul>
 *   <li>link-cap: one group per capped direction the edge crosses the link in, amount its kbps,
 *       bound {@code maxKbps} less the link's {@code loadKbps};
 *   <li>region-cap: one group, amount kbps, bound {@code maxKbps};
 *   <li>serve-window: one group per selected parent (when the share is below 1), amount kbps,
 *       bound the share of its uplink;
 *   <li>single- and dual-ingress: per (channel, substream) entering the domain, amount 1, bound
 *       the copies (1 or 2); with distinct links, also per upstream link, bound 1. A
 *       dual-ingress group is {@linkplain #allOrNone all or none} (0 or 2 copies): a hard rule
 *       unless the policy is relaxable, for which one copy is allowed (the passes over the
 *       finished plan set the policy aside for the domain) but should be avoided.
 * </ul>
 *
 * <p>No policy is lifted: a model that uses these caps holds every hard cap for every node.
 * Immutable and thread-safe.
 */
public final class LinearCaps {
    /** Receives the groups an edge counts in. */
    @FunctionalInterface
    public interface Sink {
        /** The edge adds {@code amount} to group {@code group} of the cap. */
        void add(long group, long amount);
    }

    private final CapRule[] caps;

    LinearCaps(CapRule[] caps) {
        this.caps = caps;
    }

    /** How many hard caps there are. */
    public int size() {
        return caps.length;
    }

    /** The policy of cap {@code cap} (0 to {@link #size()} - 1, file order). */
    public Policy policy(int cap) {
        return caps[cap].policy();
    }

    /**
     * Gives {@code sink} every group of cap {@code cap} the edge counts in and the amount it
     * adds; {@code substream} is the tree's substream ({@link PolicyLedger#WHOLE_CHANNEL} for a
     * mesh edge).
     */
    public void terms(int cap, int parent, int child, int channel, int substream, long kbps, Sink sink) {
        caps[cap].terms(parent, child, channel, substream, kbps, sink);
    }

    /**
     * Whether group {@code group} of cap {@code cap} must sum to 0 or exactly its {@link #bound}
     * (if its {@linkplain #policy policy} is relaxable: should, by preference).
     */
    public boolean allOrNone(int cap, long group) {
        return caps[cap].allOrNone(group);
    }

    /** The most group {@code group} of cap {@code cap} may sum to; 0 or more. */
    public long bound(int cap, long group) {
        return caps[cap].bound(group);
    }
}
