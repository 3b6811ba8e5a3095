package dev.canopy.solver;

import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.UnservedReason;
import dev.canopy.model.policy.Policy;
import dev.canopy.model.policy.PolicyKind;
import dev.canopy.policies.compile.CompiledPolicies;
import dev.canopy.policies.compile.PolicyLedger;
import dev.canopy.policies.compile.Relaxations;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;

/**
 * The one admission check every strategy makes before it adds an edge, and the one place that
 * reserves it: the lightweight rules ({@link Pairing#canPair}), the hard operator policies that
 * forbid the edge for its channel ({@link CompiledPolicies#forbidsEdge}), the capacities left
 * ({@link Resources}) and the policy caps (link-cap, region-cap, serve-window share, single- and
 * dual-ingress, in a {@link PolicyLedger}). Also what follows for a node: whether a policy bars
 * it from a channel, the hop bound max-depth puts on it, the soft cost of an edge, and the
 * relaxable policies set aside for it ({@link #serveRelaxing}).
 *
 * <p>When the problem has no policies every policy query is skipped on a flag, so a strategy
 * pays one branch per check. Substreams are numbered as in the plan's trees, or {@link
 * PolicyLedger#WHOLE_CHANNEL} for a mesh edge. The gate remembers, per receiver, the last policy
 * that refused it an edge ({@link #refusal}), so that a node left unserved names the policy.
 *
 * <p>Mutable and not thread-safe: one per planning call, sharing that call's {@link Resources}.
 */
public final class PolicyGate {
    private final SnapshotIndex index;
    private final CompiledPolicies policies;
    private final Resources resources;
    private final Relaxations lifted;
    private final PolicyLedger ledger;
    private final boolean active;
    private final boolean capped;
    private final boolean softCosts;
    private final Policy[] refused;
    private boolean routeCapRefusal;

    private PolicyGate(SnapshotIndex index, CompiledPolicies policies, Resources resources) {
        this.index = index;
        this.policies = policies;
        this.resources = resources;
        this.lifted = Relaxations.none();
        this.ledger = policies.ledger(lifted);
        this.active = !policies.isEmpty();
        this.capped = !ledger.isUnbounded();
        this.softCosts = policies.hasSoftCosts();
        this.refused = new Policy[active ? index.nodeCount() : 0];
    }

    /** A gate for one planning call of the problem, over the call's resources. */
    public static PolicyGate of(PlanningProblem problem, Resources resources) {
        return new PolicyGate(problem.index(), problem.compiled(), resources);
    }

    /** A gate with no policies, for callers that plan without any. */
    public static PolicyGate unrestricted(SnapshotIndex index, Resources resources) {
        return new PolicyGate(index, CompiledPolicies.NONE, resources);
    }

    /** Whether there is any policy at all; when not, every policy query answers "nothing". */
    public boolean active() {
        return active;
    }

    /** The compiled policies. */
    public CompiledPolicies policies() {
        return policies;
    }

    /** The resources the gate reserves in. */
    public Resources resources() {
        return resources;
    }

    /** The policies set aside so far, for the plan's {@code relaxed} list. */
    public Relaxations relaxations() {
        return lifted;
    }

    /** Whether the parent may send the channel to the child: lightweight rules and hard edge filters. */
    public boolean admits(int parent, int child, int channel) {
        routeCapRefusal = false;
        if (!Pairing.canPair(index.node(parent), index.node(child))) {
            return false;
        }
        if (!active) {
            return true;
        }
        Optional<Policy> forbidding = policies.forbidsEdge(parent, child, channel, lifted);
        if (forbidding.isPresent()) {
            refused[child] = forbidding.get();
            return false;
        }
        return true;
    }

    /** Whether the policy caps leave room for the edge (capacities are not looked at). */
    public boolean capsAllow(int parent, int child, int channel, int substream, long kbps) {
        if (!capped) {
            return true;
        }
        Optional<Policy> cap = ledger.exceeds(parent, child, channel, substream, kbps);
        if (cap.isPresent()) {
            refused[child] = cap.get();
            routeCapRefusal =
                    cap.get().kind() == PolicyKind.LINK_CAP || cap.get().kind() == PolicyKind.REGION_CAP;
            return false;
        }
        return true;
    }

    /** Whether the edge fits the capacities left and the policy caps. */
    public boolean fits(int parent, int child, int channel, int substream, long kbps) {
        return resources.fits(parent, child, kbps) && capsAllow(parent, child, channel, substream, kbps);
    }

    /** Whether the edge is admitted and fits: {@link #admits} and {@link #fits}. */
    public boolean allows(int parent, int child, int channel, int substream, long kbps) {
        return admits(parent, child, channel) && fits(parent, child, channel, substream, kbps);
    }

    /** Takes the edge from the resources and counts it in the caps; the caller has checked {@link #fits}. */
    public void reserve(int parent, int child, int channel, int substream, long kbps) {
        resources.reserve(parent, child, kbps);
        if (active) {
            ledger.reserve(parent, child, channel, substream, kbps);
        }
    }

    /** Gives back what {@link #reserve} took, with the same arguments. */
    public void release(int parent, int child, int channel, int substream, long kbps) {
        resources.release(parent, child, kbps);
        if (active) {
            ledger.release(parent, child, channel, substream, kbps);
        }
    }

    /** The hard policy that bars the node from the channel (geo-ban, deny), with nothing lifted beyond what was. */
    public Optional<Policy> barred(int node, int channel) {
        return active ? policies.barred(node, channel, lifted) : Optional.empty();
    }

    /**
     * Like {@link #barred}, but first sets aside for the node the relaxable bars that keep it
     * from the channel, lowest rank first (each recorded in {@link #relaxations}): for strategies
     * that settle who takes part before planning, where a barred node could not be served at all.
     */
    public Optional<Policy> barredAfterRelaxing(int node, int channel) {
        Optional<Policy> bar = barred(node, channel);
        while (bar.isPresent() && bar.get().relaxable()) {
            lifted.lift(node, channel, bar.get(), index);
            bar = policies.barred(node, channel, lifted);
        }
        return bar;
    }

    /** The most hops from a source the node may be on the channel under max-depth policies ({@link Integer#MAX_VALUE} if none). */
    public int depthBound(int node, int channel) {
        if (!active) {
            return Integer.MAX_VALUE;
        }
        OptionalInt bound = policies.maxDepth(node, channel, lifted);
        if (bound.isPresent()) {
            return bound.getAsInt();
        }
        return Integer.MAX_VALUE;
    }

    /** Whether a parent at {@code parentDepth} hops may feed the child under its max-depth bound. */
    public boolean depthAllows(int parentDepth, int child, int channel) {
        if (!active || parentDepth + 1 <= depthBound(child, channel)) {
            return true;
        }
        policies.maxDepthPolicy(child, channel, lifted).ifPresent(p -> refused[child] = p);
        return false;
    }

    /** Whether any soft policy or preference can tell two edges apart. */
    public boolean hasSoftCosts() {
        return softCosts;
    }

    /** The weighted soft cost of adding the edge: preferences, soft filters and soft caps; 0 without any. */
    public double softCost(int parent, int child, int channel, int substream, long kbps) {
        if (!softCosts) {
            return 0;
        }
        return policies.softCost(parent, child, channel) + ledger.softCost(parent, child, channel, substream, kbps);
    }

    /** The last hard policy that refused the node an edge, if any did. */
    public Optional<Policy> refusal(int node) {
        return active ? Optional.ofNullable(refused[node]) : Optional.empty();
    }

    /**
     * Whether the last edge {@link #admits} was asked about (and then {@link #capsAllow}) was
     * refused by a cap that depends only on the route (link-cap, region-cap), so that every other
     * parent of the same region would be refused too: searches skip the rest of the region.
     */
    public boolean refusedForRoute() {
        return routeCapRefusal;
    }

    /** Forgets the refusals of a node (before it tries another channel). */
    public void clearRefusal(int node) {
        if (active) {
            refused[node] = null;
        }
    }

    /**
     * The reason to list a node unserved with, and the policy to name: a policy that refused it
     * an edge turns a {@code capacity} (or no-compatible-source) reason into {@code policy},
     * naming it; other reasons stand.
     */
    public Unserved unservedReason(int node, UnservedReason fallback) {
        Optional<Policy> policy = refusal(node);
        if (policy.isPresent()
                && (fallback == UnservedReason.CAPACITY || fallback == UnservedReason.NO_COMPATIBLE_SOURCE)) {
            return new Unserved(
                    CompiledPolicies.reasonFor(policy.get()),
                    Optional.of(policy.get().id()));
        }
        return new Unserved(fallback, Optional.empty());
    }

    /** A reason and the policy it names, if any. */
    public record Unserved(UnservedReason reason, Optional<String> policy) {}

    /**
     * Tries to serve a node, and when it cannot be served under the hard policies sets the
     * relaxable policies that bind it on the channel aside one at a time, lowest rank first
     * (file order among equal ranks), trying again after each. The lifts stay recorded when the
     * node is served in the end, and are taken back when it is not.
     *
     * @param attempt tries to serve the node (giving back whatever it took when it fails)
     * @return whether an attempt served it
     */
    public boolean serveRelaxing(int node, int channel, BooleanSupplier attempt) {
        if (attempt.getAsBoolean()) {
            return true;
        }
        if (!active) {
            return false;
        }
        int mark = lifted.size();
        List<Policy> candidates = policies.relaxable(node, channel, lifted);
        for (Policy policy : candidates) {
            lifted.lift(node, channel, policy, index);
            if (attempt.getAsBoolean()) {
                return true;
            }
        }
        lifted.rollBack(mark);
        return false;
    }
}
