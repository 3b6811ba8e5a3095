package dev.canopy.solver;

import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.UnservedReason;
import dev.canopy.model.policy.Policy;
import dev.canopy.model.policy.PolicyKind;
import dev.canopy.policies.compile.CompiledPolicies;
import dev.canopy.policies.compile.Ingress;
import dev.canopy.policies.compile.PolicyLedger;
import dev.canopy.policies.compile.Relaxations;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

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
    private final boolean redundancy;
    private boolean routeCapRefusal;
    /** Set while {@link #preferEntering} searches for a parent that brings a pending copy. */
    private boolean entryRequired;
    /** Domains closed to a channel after planning ({@link #closeEntry}); usually none. */
    private final List<ClosedEntry> closed = new ArrayList<>();

    private record ClosedEntry(Ingress rule, int channel) {}

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
        this.redundancy = policies.policies().stream().anyMatch(p -> p.kind() == PolicyKind.REDUNDANCY);
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
        if (entryRequired && !ledger.bringsPendingEntry(parent, child, channel, substream, kbps)) {
            return false;
        }
        if (!closed.isEmpty() && closedTo(parent, child, channel)) {
            return false;
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

    /**
     * Closes a firewall domain to a channel for the rest of the planning call: no edge from
     * outside enters it for a member the rule still binds (not set aside for it). For a domain
     * whose copies a pass over the finished plan took out or set aside ({@link
     * IngressShortfall}), so that later passes (preemption) cannot let one copy in again.
     */
    public void closeEntry(Ingress rule, int channel) {
        closed.add(new ClosedEntry(rule, channel));
    }

    private boolean closedTo(int parent, int child, int channel) {
        for (ClosedEntry entry : closed) {
            if (entry.channel() == channel
                    && entry.rule().enters(parent, child)
                    && !lifted.isLifted(child, channel, entry.rule().policy())) {
                refused[child] = entry.rule().policy();
                routeCapRefusal = false;
                return true;
            }
        }
        return false;
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

    /**
     * How many of the channel's substreams the node must receive to count as served: k, or k + p
     * where a hard redundancy policy (not set aside for the node) gives its region parity p.
     */
    public int substreamsNeeded(int node, int channel, int k) {
        if (!redundancy) {
            return k;
        }
        Optional<Policy> rule = policies.parityPolicy(node, channel);
        if (rule.isEmpty() || !rule.get().isHard() || lifted.isLifted(node, channel, rule.get())) {
            return k;
        }
        return k + policies.parity(node, channel).orElse(0);
    }

    /**
     * Whether {@code got} substreams serve the node ({@link #substreamsNeeded}); when they are
     * k or more but fall short of its region's parity, the redundancy policy is recorded as
     * what refused it, so that the node is listed unserved naming it.
     */
    public boolean enoughSubstreams(int node, int channel, int k, int got) {
        if (got < k) {
            return false;
        }
        if (got >= substreamsNeeded(node, channel, k)) {
            return true;
        }
        refused[node] = policies.parityPolicy(node, channel).orElseThrow();
        return false;
    }

    /**
     * Whether a hard dual-ingress policy still asks for a copy of the substream to enter the
     * child's firewall domain from outside (fewer than two have entered so far).
     */
    public boolean entryPending(int child, int channel, int substream) {
        return capped && ledger.pendingEntry(child, channel, substream).isPresent();
    }

    /**
     * A parent search for one substream that honours dual-ingress: while the child's domain
     * lacks a copy ({@link #entryPending}), {@code search} is run first with {@link #capsAllow}
     * admitting only parents outside the domain that bring a copy over an upstream link not yet
     * used, so that the domain's first members take their copies from outside; when that finds
     * no parent, the search is run as usual (and the domain gets fewer copies, which the
     * verifier reports). Without a pending copy it is just {@code search}.
     *
     * @param search finds a parent (node number) or -1, asking the gate about each candidate
     */
    public int preferEntering(int child, int channel, int substream, IntSupplier search) {
        if (!entryPending(child, channel, substream)) {
            return search.getAsInt();
        }
        entryRequired = true;
        int parent;
        try {
            parent = search.getAsInt();
        } finally {
            entryRequired = false;
        }
        return parent >= 0 ? parent : search.getAsInt();
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
