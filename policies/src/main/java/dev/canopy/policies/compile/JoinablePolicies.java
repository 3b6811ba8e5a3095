package dev.canopy.policies.compile;

import dev.canopy.model.Node;
import java.util.List;

/**
 * Compiled policies that learn nodes the snapshot lacked: a re-planning session numbers a node
 * that joins after the snapshot's nodes, and {@link #learn} makes every query of {@link
 * #policies()} (bars, edge filters in either direction, max-depth, the caps of a {@link
 * PolicyLedger} made before or after, costs, delays, ingress domains) answer for that number
 * exactly as if the node had been in the snapshot with that record and region: selectors are
 * evaluated on the record and the region (ancestry through the region tree, the country the
 * region inherits, roles, tiers, groups, ids, ip prefixes), and hours in the node's country's
 * zone at the instant the policies were compiled at. A node that came back with a new record
 * under its old number is decided afresh the same way.
 *
 * <p>Made by {@link CompiledPolicies#joinable}. Mutable and not thread-safe, and so are the
 * policies it hands out: both belong to one session's thread. A ledger made from the policies
 * counts an edge of a learned node by the facts learned when the edge is reserved; learn a node
 * again only while it has no edge, or release and reserve its edges around it.
 */
public final class JoinablePolicies {
    private final CompiledPolicies policies;
    private final Compilation context;
    private final List<Unit> units;

    JoinablePolicies(CompiledPolicies policies, Compilation context, List<Unit> units) {
        this.policies = policies;
        this.context = context;
        this.units = List.copyOf(units);
    }

    /** The policies, answering for every node number learned so far. */
    public CompiledPolicies policies() {
        return policies;
    }

    /** How many node numbers the policies answer for: the snapshot's and those learned after. */
    public int nodeCount() {
        return context == null ? Integer.MAX_VALUE : context.table.count();
    }

    /**
     * Teaches the policies node {@code number} with its record and region number (of the
     * snapshot the policies were compiled against). {@code number} is either the next after
     * every number known ({@link #nodeCount}) or a known one whose record changes.
     *
     * @throws IllegalArgumentException when the number would leave a gap or the region is not
     *     the snapshot's
     */
    public void learn(int number, Node node, int region) {
        if (context != null) {
            context.learn(number, node, region, units);
        }
    }
}
