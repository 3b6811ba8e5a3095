package dev.canopy.policies.compile;

import dev.canopy.model.plan.UnservedReason;
import dev.canopy.model.policy.Policy;
import dev.canopy.model.policy.PolicyDocument;
import dev.canopy.model.policy.PolicyKind;
import dev.canopy.model.policy.PolicyParams;
import dev.canopy.model.routing.Routing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An operator's policies compiled against one snapshot into what strategies consume: hard
 * filters on nodes and edges, caps kept in a per-plan {@link PolicyLedger}, soft costs on edges,
 * and per-node bounds (depth, parity, delay, ingress) and the tier order. Section 2 of the
 * formats defines each kind; {@code PolicyKind} lists them.
 *
 * <p>What each kind compiles to:
 * <ul>
 *   <li>geo-ban, deny: {@link #barred} (and every edge into a barred node is forbidden);
 *   <li>pairing, affinity {@code only} within its hours, serve-window outside its hours,
 *       delayed-feed (a parent with a longer delay than its child): {@link #forbidsEdge};
 *   <li>link-cap, region-cap, serve-window's {@code maxUplinkShare}, single-ingress and
 *       dual-ingress (copies per substream, distinct upstream links): {@link #ledger};
 *   <li>affinity {@code prefer}, source-preference (with its quota), link-preference, and any
 *       soft policy of the kinds above: {@link #softCost} and {@link PolicyLedger#softCost};
 *   <li>priority: {@link #priority}; max-depth: {@link #maxDepth}; redundancy: {@link
 *       #parity}; delayed-feed: {@link #delaySec}; single/dual-ingress: {@link #ingress}.
 * </ul>
 * Where several policies answer a query, the first in file order is returned.
 *
 * <p>{@code hours} are evaluated once, at compile time, at the given instant (by default the
 * snapshot's {@code takenAt}, or the Unix epoch for a snapshot without one), in the policy's
 * {@code tz} or else in the main zone of the country of the node concerned ({@link
 * CountryZones}; UTC for a node with no known country). The node concerned is the one whose
 * uplink is at stake: the parent of an edge.
 *
 * <p>Relaxation: when a node cannot be served under the hard policies, {@link #relaxable} lists
 * the relaxable hard policies that bind it, lowest {@code rank} first (file order breaks ties);
 * a strategy lifts them one at a time in a {@link Relaxations} and asks again, passing it to
 * the queries that take one, and records {@link Relaxations#entries()} as the plan's
 * {@code relaxed} list.
 *
 * <p>Node, channel and link numbers are the dense numbers of the {@code SnapshotIndex} compiled
 * against. Immutable and thread-safe; queries allocate nothing and cost a few array reads per
 * policy of the kind concerned, so strategies may call them in their innermost loops. The one
 * exception is the private copy a {@link JoinablePolicies} owns ({@link #joinable}): it also
 * answers for node numbers after the snapshot's that it has learned, and belongs to the thread
 * of its owner (a re-planning session).
 */
public final class CompiledPolicies {
    /** No policies: nothing is barred, forbidden, capped or preferred. */
    public static final CompiledPolicies NONE = new CompiledPolicies(List.of(), List.of(), null, Instant.EPOCH);

    /** What the policies were compiled against (null only for {@link #NONE}) and when. */
    private final Routing routing;

    private final Instant at;

    private final List<Policy> policies;
    private final Map<String, Policy> byId;
    private final NodeBar[] bars;
    private final EdgeFilter[] filters;
    private final EdgeCost[] costs;
    private final double[] costWeights;
    private final CapRule[] hardCaps;
    private final CapRule[] softCaps;
    private final MaxDepthRule[] depths;
    private final RedundancyRule[] redundancies;
    private final DelayedFeedRule[] delays;
    private final IngressRule[] ingresses;
    private final Optional<TierPriority> priority;
    private final Unit[] relaxable;

    private CompiledPolicies(List<Policy> policies, List<Unit> units, Routing routing, Instant at) {
        this.routing = routing;
        this.at = at;
        this.policies = List.copyOf(policies);
        Map<String, Policy> ids = new LinkedHashMap<>();
        policies.forEach(p -> ids.putIfAbsent(p.id(), p));
        this.byId = ids;
        List<NodeBar> bars = new ArrayList<>();
        List<EdgeFilter> filters = new ArrayList<>();
        List<EdgeCost> costs = new ArrayList<>();
        List<CapRule> hard = new ArrayList<>();
        List<CapRule> soft = new ArrayList<>();
        for (Unit unit : units) {
            boolean isHard = unit.policy().isHard();
            if (unit instanceof NodeBar bar) {
                if (isHard) {
                    bars.add(bar);
                } else {
                    costs.add(Preference.against(bar));
                }
            }
            if (unit instanceof EdgeFilter filter) {
                if (isHard) {
                    filters.add(filter);
                } else {
                    costs.add(Preference.against(filter));
                }
            }
            if (unit instanceof EdgeCost cost) {
                costs.add(cost);
            }
            if (unit instanceof CapRule cap) {
                (isHard ? hard : soft).add(cap);
            }
        }
        this.bars = bars.toArray(NodeBar[]::new);
        this.filters = filters.toArray(EdgeFilter[]::new);
        this.costs = costs.toArray(EdgeCost[]::new);
        this.costWeights = costs.stream().mapToDouble(c -> c.policy().weight()).toArray();
        this.hardCaps = hard.toArray(CapRule[]::new);
        this.softCaps = soft.toArray(CapRule[]::new);
        this.depths = only(units, MaxDepthRule.class, true).toArray(MaxDepthRule[]::new);
        this.redundancies = only(units, RedundancyRule.class, false).toArray(RedundancyRule[]::new);
        this.delays = only(units, DelayedFeedRule.class, false).toArray(DelayedFeedRule[]::new);
        this.ingresses = only(units, IngressRule.class, true).toArray(IngressRule[]::new);
        this.priority =
                only(units, PriorityRule.class, false).stream().findFirst().map(PriorityRule::priority);
        this.relaxable = units.stream()
                .filter(u -> u.policy().isHard() && u.policy().relaxable())
                .sorted(Comparator.comparingInt(u -> u.policy().rank()))
                .toArray(Unit[]::new);
    }

    private static <T extends Unit> List<T> only(List<Unit> units, Class<T> type, boolean hardOnly) {
        return units.stream()
                .filter(type::isInstance)
                .filter(u -> !hardOnly || u.policy().isHard())
                .map(type::cast)
                .toList();
    }

    /**
     * Compiles a document against the snapshot of a routing, evaluating hours at the snapshot's
     * {@code takenAt} (the Unix epoch when it has none).
     *
     * @throws IllegalArgumentException when the document names a link, region, group,
     *     enterprise, node or channel the snapshot lacks (check with {@link PolicyReferences}
     *     first to report it against the file)
     */
    public static CompiledPolicies compile(PolicyDocument document, Routing routing) {
        Instant at = routing.index().snapshot().takenAt().orElse(Instant.EPOCH);
        return compile(document, routing, at);
    }

    /** Compiles a document against the snapshot of a routing, evaluating hours at {@code at}. */
    public static CompiledPolicies compile(PolicyDocument document, Routing routing, Instant at) {
        if (document.policies().isEmpty()) {
            return NONE;
        }
        List<String> problems = PolicyReferences.check(document, routing.index()).stream()
                .map(p -> p.path() + ": " + p.message())
                .toList();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0));
        }
        return build(document.policies(), new Compilation(routing, at)).policies();
    }

    private static JoinablePolicies build(List<Policy> policies, Compilation context) {
        List<Unit> units = new ArrayList<>();
        for (Policy policy : policies) {
            units.add(Kinds.compile(policy, context));
        }
        CompiledPolicies compiled = new CompiledPolicies(policies, units, context.routing, context.at());
        return new JoinablePolicies(compiled, context, units);
    }

    /**
     * A private copy of these policies, compiled afresh against the same routing at the same
     * instant, that can {@linkplain JoinablePolicies#learn learn} nodes that join after the
     * snapshot (or come back with a new record) so that every query here answers for them as it
     * would had they been in the snapshot. Costs one compilation; this instance is left as it is.
     */
    public JoinablePolicies joinable() {
        if (isEmpty()) {
            return new JoinablePolicies(NONE, null, List.of());
        }
        return build(policies, new Compilation(routing, at));
    }

    /** Whether there are no policies at all. */
    public boolean isEmpty() {
        return policies.isEmpty();
    }

    /** Every policy, hard and soft, in file order. */
    public List<Policy> policies() {
        return policies;
    }

    /** The policy with an id. */
    public Optional<Policy> policy(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The hard geo-ban or deny policy that keeps the node from receiving the channel. */
    public Optional<Policy> barred(int node, int channel) {
        return barred(node, channel, null);
    }

    /** Like {@link #barred(int, int)}, skipping policies lifted for the node. */
    public Optional<Policy> barred(int node, int channel, Relaxations lifted) {
        for (NodeBar bar : bars) {
            if (bar.bars(node, channel) && !isLifted(lifted, node, channel, bar)) {
                return Optional.of(bar.policy());
            }
        }
        return Optional.empty();
    }

    /**
     * The hard policy that forbids the parent to send the channel to the child: a bar on the
     * child, then pairing, affinity, serve-window and delayed-feed in file order. Caps are the
     * ledger's business.
     */
    public Optional<Policy> forbidsEdge(int parent, int child, int channel) {
        return forbidsEdge(parent, child, channel, null);
    }

    /** Like {@link #forbidsEdge(int, int, int)}, skipping policies lifted for the child. */
    public Optional<Policy> forbidsEdge(int parent, int child, int channel, Relaxations lifted) {
        Optional<Policy> barred = barred(child, channel, lifted);
        if (barred.isPresent()) {
            return barred;
        }
        for (EdgeFilter filter : filters) {
            if (filter.forbids(parent, child, channel) && !isLifted(lifted, child, channel, filter)) {
                return Optional.of(filter.policy());
            }
        }
        return Optional.empty();
    }

    /**
     * The weighted cost of an edge under the soft policies and the preferences, 0 or more; lower
     * is better. Each preference the edge goes against adds its weight (link-preference: its
     * weight per non-preferred link crossed); soft caps add their cost through {@link
     * PolicyLedger#softCost}.
     */
    public double softCost(int parent, int child, int channel) {
        double total = 0;
        for (int i = 0; i < costs.length; i++) {
            double cost = costs[i].cost(parent, child, channel);
            if (cost != 0) {
                total += costWeights[i] * cost;
            }
        }
        return total;
    }

    /** Whether any soft policy or preference can give an edge a cost. */
    public boolean hasSoftCosts() {
        return costs.length > 0 || softCaps.length > 0;
    }

    /**
     * The hop bound hard max-depth policies put on the node for the channel (the smallest of
     * them), not counting the channel's own {@code maxDepth}, which still applies.
     */
    public OptionalInt maxDepth(int node, int channel, Relaxations lifted) {
        int best = Integer.MAX_VALUE;
        for (MaxDepthRule rule : depths) {
            if (rule.selects(node, channel) && !isLifted(lifted, node, channel, rule)) {
                best = Math.min(best, rule.depth());
            }
        }
        return best == Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of(best);
    }

    /** The hard max-depth policy whose bound {@link #maxDepth(int, int, Relaxations)} returns (the first of the smallest). */
    public Optional<Policy> maxDepthPolicy(int node, int channel, Relaxations lifted) {
        MaxDepthRule best = null;
        for (MaxDepthRule rule : depths) {
            if (rule.selects(node, channel)
                    && !isLifted(lifted, node, channel, rule)
                    && (best == null || rule.depth() < best.depth())) {
                best = rule;
            }
        }
        return Optional.ofNullable(best).map(MaxDepthRule::policy);
    }

    /** {@link #maxDepth(int, int, Relaxations)} with nothing lifted. */
    public OptionalInt maxDepth(int node, int channel) {
        return maxDepth(node, channel, null);
    }

    /**
     * The parity a redundancy policy sets for the node's region on the channel (the first that
     * selects it), capped at the channel's parity n since a plan carries only k+n substreams;
     * empty when the channel's own parity applies. A node whose region has parity p is meant to
     * receive k+p of the substreams.
     */
    public OptionalInt parity(int node, int channel) {
        for (RedundancyRule rule : redundancies) {
            if (rule.selects(node, channel)) {
                return OptionalInt.of(rule.parity(channel));
            }
        }
        return OptionalInt.empty();
    }

    /** The redundancy policy whose parity {@link #parity} returns for the node. */
    public Optional<Policy> parityPolicy(int node, int channel) {
        for (RedundancyRule rule : redundancies) {
            if (rule.selects(node, channel)) {
                return Optional.of(rule.policy());
            }
        }
        return Optional.empty();
    }

    /** The delay in seconds at which the node gets the channel (the longest delayed-feed that selects it), else 0. */
    public long delaySec(int node, int channel) {
        long delay = 0;
        for (DelayedFeedRule rule : delays) {
            delay = Math.max(delay, rule.delaySec(node, channel));
        }
        return delay;
    }

    /** The hard ingress rule of the firewall domain the node is in, for the channel. */
    public Optional<Ingress> ingress(int node, int channel) {
        for (IngressRule rule : ingresses) {
            if (rule.selects(node, channel)) {
                return Optional.of(rule.ingress());
            }
        }
        return Optional.empty();
    }

    /**
     * The hard single- and dual-ingress rules that select the channel, in file order: for passes
     * over a finished plan that check whole domains ({@code solver.IngressShortfall}).
     */
    public List<Ingress> ingresses(int channel) {
        List<Ingress> out = new ArrayList<>();
        for (IngressRule rule : ingresses) {
            if (rule.selectsChannel(channel)) {
                out.add(rule.ingress());
            }
        }
        return out;
    }

    /** The tier order of the first priority policy. */
    public Optional<TierPriority> priority() {
        return priority;
    }

    /**
     * The relaxable hard policies that bind the node on the channel and are not yet lifted, in
     * the order to set them aside: lowest rank first, file order among equal ranks.
     */
    public List<Policy> relaxable(int node, int channel, Relaxations lifted) {
        List<Policy> out = new ArrayList<>();
        for (Unit unit : relaxable) {
            if (unit.affects(node, channel) && !isLifted(lifted, node, channel, unit)) {
                out.add(unit.policy());
            }
        }
        return out;
    }

    /** The hard caps as linear constraints, for models that state them up front; nothing lifted. */
    public LinearCaps linearCaps() {
        return new LinearCaps(hardCaps);
    }

    /** A fresh ledger of the caps for one plan, refusing no edge into a node that has the cap lifted. */
    public PolicyLedger ledger(Relaxations lifted) {
        return new PolicyLedger(hardCaps, softCaps, lifted);
    }

    /** The unserved reason for a node a policy keeps from a channel: geo-ban, deny, else policy. */
    public static UnservedReason reasonFor(Policy policy) {
        return switch (policy.kind()) {
            case GEO_BAN -> UnservedReason.GEO_BAN;
            case DENY -> UnservedReason.DENY;
            default -> UnservedReason.POLICY;
        };
    }

    /** Whether the policy is of a kind that never forbids anything (a preference). */
    public static boolean isPreference(Policy policy) {
        PolicyKind kind = policy.kind();
        return kind == PolicyKind.SOURCE_PREFERENCE
                || kind == PolicyKind.LINK_PREFERENCE
                || kind == PolicyKind.PRIORITY
                || (policy.params() instanceof PolicyParams.Affinity a && a.mode() == PolicyParams.AffinityMode.PREFER);
    }

    private static boolean isLifted(Relaxations lifted, int node, int channel, Unit unit) {
        return lifted != null && lifted.isLifted(node, channel, unit.policy());
    }
}
