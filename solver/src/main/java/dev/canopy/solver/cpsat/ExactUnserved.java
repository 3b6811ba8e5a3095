package dev.canopy.solver.cpsat;

import dev.canopy.model.Limit;
import dev.canopy.model.Node;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.UnservedReason;
import dev.canopy.model.policy.Policy;
import dev.canopy.policies.compile.CompiledPolicies;
import dev.canopy.policies.compile.Ingress;
import dev.canopy.solver.PlanAssembler;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.PolicyGate;
import dev.canopy.solver.SubstreamJoin;
import java.util.Optional;

/**
 * Lists the receivers an exact plan leaves unserved, with the reasons greedy gives: a node a
 * hard policy bars is listed with that policy; one that got some but fewer than k substreams is
 * {@code degraded}; one that got k but fewer than its region's redundancy asks for names the
 * redundancy policy; one that got nothing is {@code capacity} when some holder could send to it
 * (or {@code policy}, naming the cap that the plan's edges filled, or the dual-ingress policy of
 * a domain that no pair of copies could enter), else the policy that forbids
 * every holder's edge, else its access list or no compatible source. Stateless.
 */
final class ExactUnserved {
    private ExactUnserved() {}

    /**
     * Lists the unserved receivers of every channel.
     *
     * @param gate the call's gate, holding the plan's edges reserved (asked about edges, not changed)
     * @param received substreams received per channel and node
     * @param hops hops from the source per channel and node in substream 0's tree (-1 when not
     *     in it), or no rows when not known (max-depth is then not named)
     */
    static void list(PlanningProblem problem, PolicyGate gate, PlanAssembler plan, int[][] received, int[][] hops) {
        SnapshotIndex index = problem.index();
        for (int c = 0; c < index.channelCount(); c++) {
            int k = index.channel(c).substreams();
            for (int q : index.receivers(c)) {
                Optional<Policy> bar = gate.barred(q, c);
                if (bar.isPresent()) {
                    SubstreamJoin.listBarred(plan, q, c, bar.get());
                    continue;
                }
                int got = received[c][q];
                gate.clearRefusal(q);
                if (gate.enoughSubstreams(q, c, k, got)) {
                    continue;
                }
                PolicyGate.Unserved why;
                if (got >= k) {
                    why = gate.unservedReason(q, UnservedReason.CAPACITY);
                } else if (got > 0) {
                    why = new PolicyGate.Unserved(UnservedReason.DEGRADED, Optional.empty());
                } else {
                    why = nothing(index, gate, c, q, hops.length == 0 ? null : hops[c]);
                }
                plan.unserved(q, c, why.reason(), why.policy(), got);
            }
        }
    }

    /**
     * Why a node got nothing: no holder may send to it (access list, pairing, a policy), else
     * capacity, a full cap, or its max-depth where every holder with room is too deep.
     */
    private static PolicyGate.Unserved nothing(
            SnapshotIndex index, PolicyGate gate, int channel, int node, int[] hops) {
        Node child = index.node(node);
        long rate = index.channel(channel).substreamRateKbps();
        var down = child.downlinkKbps();
        if (down.isPresent() && down.getAsLong() < index.channel(channel).rateKbps()) {
            return new PolicyGate.Unserved(UnservedReason.CAPACITY, Optional.empty());
        }
        boolean admitted = false;
        for (int p = 0; p < index.nodeCount(); p++) {
            boolean holder = index.isSource(channel, p) || index.wants(channel, p);
            if (p != node && holder && gate.admits(p, node, channel)) {
                admitted = true;
                if (gate.fits(p, node, channel, 0, rate) && hops != null && hops[p] >= 0) {
                    gate.depthAllows(hops[p], node, channel);
                }
            }
        }
        Optional<Policy> ingress = gate.policies().ingress(node, channel).map(Ingress::policy);
        if (admitted && gate.refusal(node).isEmpty() && gate.entryPending(node, channel, 0) && ingress.isPresent()) {
            return new PolicyGate.Unserved(
                    CompiledPolicies.reasonFor(ingress.get()),
                    Optional.of(ingress.get().id()));
        }
        UnservedReason fallback = admitted
                ? UnservedReason.CAPACITY
                : child.has(Limit.ACCESS_LIST) ? UnservedReason.ACCESS_LIST : UnservedReason.NO_COMPATIBLE_SOURCE;
        return gate.unservedReason(node, fallback);
    }
}
