package dev.canopy.solver.multitree;

import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.UnservedReason;
import dev.canopy.solver.PlanAssembler;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.PolicyGate;
import dev.canopy.solver.Resources;
import java.util.Optional;

/**
 * Plans one channel: its members and their slots (each node's uplink shared with the other
 * channels it takes part in by their rates, or all of what is left when that share cannot serve
 * everyone: earlier channels first); ejection until feasible; which tree each peer is interior
 * in; how many server slots each tree may use; the trees; and the accounting of every receiver
 * as served or unserved with its reason. Stateless; one call per channel.
 */
final class ChannelRun {
    /** What a channel's planning did that the plan's metrics report. */
    record Outcome(int ejected, int relaxedPeers) {}

    private ChannelRun() {}

    static Outcome plan(
            PlanningProblem problem,
            PolicyGate gate,
            PlanAssembler plan,
            int channel,
            boolean coded,
            long[] pendingRate) {
        SnapshotIndex index = problem.index();
        Resources resources = gate.resources();
        var spec = index.channel(channel);
        int wanted = coded ? spec.totalSubstreams() : parityTrees(gate, index, channel);
        ChannelMembers m = ChannelMembers.of(
                gate, channel, wanted, ChannelMembers.budgets(index, resources, channel, pendingRate, true));
        if (!Ejection.feasible(m)) {
            m = ChannelMembers.of(
                    gate, channel, wanted, ChannelMembers.budgets(index, resources, channel, pendingRate, false));
        }
        int ejected = Ejection.apply(m);

        int[] regionDemand = new int[index.regionCount()];
        long[] need = new long[m.trees];
        long[] mandatory = new long[m.trees];
        for (int r : m.receivers) {
            if (!m.active(r)) {
                continue;
            }
            boolean serverOnly = m.restricted(r) || m.has(r, ChannelMembers.SERVER);
            if (!serverOnly) {
                regionDemand[index.regionOf(r)]++;
            }
            for (int s = 0; s < m.joins[r]; s++) {
                if (serverOnly) {
                    mandatory[s]++;
                } else {
                    need[s]++;
                }
            }
        }
        long serverSlots = 0;
        for (int server : m.servers) {
            if (m.active(server)) {
                serverSlots += m.slots[server];
            }
        }
        long spare = serverSlots;
        for (int s = 0; s < m.trees; s++) {
            spare -= mandatory[s];
        }
        TreeAssignment assignment = new TreeAssignment(m, regionDemand);
        assignment.balance(need, Math.max(0, spare));
        long[] budget = serverBudgets(m, need, mandatory, assignment.treeSlots, spare);

        Nearby nearby = new Nearby(index, problem.routing(), assignment.regions, m.servers);
        TreeBuilder builder = new TreeBuilder(m, assignment, nearby, gate, plan);
        builder.placeServerFed();
        for (int s = 0; s < m.trees; s++) {
            builder.build(s, budget[s]);
        }
        account(m, builder.got, gate, plan);
        return new Outcome(ejected, builder.relaxedPeers);
    }

    /**
     * The trees multi-tree builds for a channel: its k data trees, and as many parity trees as
     * a hard redundancy policy asks for any receiver (k + p), so those receivers can be served.
     */
    static int parityTrees(PolicyGate gate, SnapshotIndex index, int channel) {
        int k = index.channel(channel).substreams();
        int trees = k;
        if (gate.active()) {
            for (int r : ChannelMembers.receivers(index, channel)) {
                trees = Math.max(trees, gate.substreamsNeeded(r, channel, k));
            }
        }
        return trees;
    }

    /**
     * Server slots each tree may use: what only servers can give (servers wanting the channel,
     * receivers restricted to servers), then the tree's shortfall of peer slots, at least one
     * for its first peer (data trees first), then an even share of what is left.
     */
    private static long[] serverBudgets(ChannelMembers m, long[] need, long[] mandatory, long[] treeSlots, long spare) {
        long[] budget = mandatory.clone();
        long left = Math.max(0, spare);
        for (int pass = 0; pass < 2; pass++) {
            for (int s = pass == 0 ? 0 : m.k; s < (pass == 0 ? m.k : m.trees); s++) {
                long shortfall = Math.max(1, need[s] - treeSlots[s]);
                long given = Math.min(shortfall, left);
                budget[s] += given;
                left -= given;
            }
        }
        for (int s = 0; s < m.trees; s++) {
            budget[s] += left / m.trees + (s < left % m.trees ? 1 : 0);
        }
        return budget;
    }

    /**
     * Lists every receiver that did not get k substreams, with its reason (naming the policy that
     * set it aside or last refused it an edge).
     */
    private static void account(ChannelMembers m, int[] got, PolicyGate gate, PlanAssembler plan) {
        for (int r : m.receivers) {
            if (m.has(r, ChannelMembers.SET_ASIDE)) {
                plan.unserved(r, m.channel, m.setAside[r], Optional.ofNullable(m.setAsidePolicy[r]), 0);
            } else if (m.has(r, ChannelMembers.EJECTED)) {
                plan.unserved(r, m.channel, UnservedReason.EJECTED, Optional.empty(), 0);
            } else if (got[r] > 0 && got[r] < m.k) {
                plan.unserved(r, m.channel, UnservedReason.DEGRADED, Optional.empty(), got[r]);
            } else if (got[r] == 0) {
                PolicyGate.Unserved why = gate.unservedReason(r, UnservedReason.CAPACITY);
                plan.unserved(r, m.channel, why.reason(), why.policy(), 0);
            }
        }
    }
}
