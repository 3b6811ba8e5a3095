package dev.canopy.solver.explain;

import dev.canopy.model.plan.Unserved;
import java.util.List;
import java.util.Optional;

/**
 * Why one node has, or lacks, one channel in a plan: its unserved entry, its parents per
 * substream with why each was a good choice, every candidate parent (the nodes that hold some of
 * the channel) with why it is or is not usable, and, when policies were lifted, what a re-plan
 * without them gives the node. Immutable.
 *
 * @param wants whether the node asks for the channel
 * @param served whether the plan delivers it (k substreams, a mesh, or the node is a source)
 * @param summary one sentence: the outcome and its main cause
 * @param candidates by verdict (parents, admissible, full, policy, lightweight), then node order
 */
public record Explanation(
        String node,
        String channel,
        boolean wants,
        boolean served,
        Optional<Unserved> unserved,
        String summary,
        List<ParentLink> parents,
        List<Candidate> candidates,
        Optional<Lift> lift) {

    public Explanation {
        unserved = unserved == null ? Optional.empty() : unserved;
        parents = List.copyOf(parents);
        candidates = List.copyOf(candidates);
        lift = lift == null ? Optional.empty() : lift;
    }

    /**
     * One parent of the node in the plan.
     *
     * @param substream the tree's substream, or -1 for a mesh edge
     * @param why locality: same region, or the route's latency and links
     * @param spareKbps the parent's uplink left after the whole plan
     */
    public record ParentLink(int substream, String parent, String why, long spareKbps) {}

    /** What keeps a candidate parent from feeding the node, or that nothing does. */
    public enum Verdict {
        /** It feeds the node in the plan. */
        PARENT,
        /** It could feed one more substream to the node: no rule forbids it and capacity is left. */
        ADMISSIBLE,
        /** A rule allows it, but its uplink or a link on the way has no room for one more substream. */
        FULL,
        /** A hard operator policy forbids the edge. */
        POLICY,
        /** A lightweight rule (no-relay, two lightweight nodes, an access list) forbids it. */
        LIGHTWEIGHT
    }

    /**
     * A node that holds some of the channel, judged as a parent for the node.
     *
     * @param policy the forbidding policy, for {@link Verdict#POLICY}
     * @param detail one phrase: the rule, the full resource, or the spare capacity
     */
    public record Candidate(String node, Verdict verdict, Optional<String> policy, String detail) {
        public Candidate {
            policy = policy == null ? Optional.empty() : policy;
        }
    }

    /**
     * The node after re-planning with policies lifted (removed from the document), with the
     * plan's strategy.
     *
     * @param change one sentence comparing with the given plan
     */
    public record Lift(
            List<String> policies,
            String strategy,
            boolean served,
            Optional<Unserved> unserved,
            List<ParentLink> parents,
            String change) {
        public Lift {
            policies = List.copyOf(policies);
            unserved = unserved == null ? Optional.empty() : unserved;
            parents = List.copyOf(parents);
        }
    }
}
