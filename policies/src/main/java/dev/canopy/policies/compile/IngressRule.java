package dev.canopy.policies.compile;

import dev.canopy.model.policy.Policy;
import dev.canopy.model.policy.PolicyParams;
import dev.canopy.model.routing.Route;
import dev.canopy.model.routing.Routing;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * single-ingress and dual-ingress: for the nodes behind one firewall (an {@code enterprise}, or
 * the nodes a single-ingress selects), at most one (single) or two (dual) copies of each
 * substream of a selected channel enter from outside, and a dual-ingress's two copies arrive
 * over different upstream links (the last link of each entering edge's route) when
 * {@code distinctLinks}. The rest is relayed inside. As a cap, it refuses an entering edge that
 * would be one copy too many, or a second copy over the first one's upstream link; that two
 * copies do enter is the strategies' to achieve and the verifier's to check.
 */
final class IngressRule implements CapRule {
    private final Policy policy;
    private final NodeTable table;
    private final Routing routing;
    private final boolean[] channels;
    private final Ingress ingress;

    private IngressRule(
            Policy policy, Compilation context, NodeMatcher members, boolean[] channels, int copies, boolean distinct) {
        this.policy = policy;
        this.table = context.table;
        this.routing = context.routing;
        this.channels = channels;
        this.ingress = new Ingress(policy, members, copies, distinct);
    }

    static IngressRule single(Policy policy, PolicyParams.SingleIngress params, Compilation context) {
        NodeMatcher members = params.enterprise().isPresent()
                ? enterprise(params.enterprise().get(), context)
                : context.nodes(params.nodes().orElseThrow());
        if (params.enterprise().isPresent() && params.nodes().isPresent()) {
            NodeMatcher inEnterprise = members;
            NodeMatcher selected = context.nodes(params.nodes().get());
            members = context.nodes(i -> inEnterprise.test(i) && selected.test(i));
        }
        return new IngressRule(policy, context, members, context.channels(params.channels()), 1, false);
    }

    static IngressRule dual(Policy policy, PolicyParams.DualIngress params, Compilation context) {
        return new IngressRule(
                policy,
                context,
                enterprise(params.enterprise(), context),
                context.channels(params.channels()),
                2,
                params.distinctLinks());
    }

    private static NodeMatcher enterprise(String enterprise, Compilation context) {
        NodeTable table = context.table;
        return context.nodes(
                i -> table.node(i).enterprise().map(enterprise::equals).orElse(false));
    }

    @Override
    public Policy policy() {
        return policy;
    }

    Ingress ingress() {
        return ingress;
    }

    /** Whether the rule selects the channel. */
    boolean selectsChannel(int channel) {
        return channels[channel];
    }

    /** Whether the node is behind the firewall and the channel selected. */
    boolean selects(int node, int channel) {
        return channels[channel] && ingress.members().matches(node);
    }

    @Override
    public boolean affects(int node, int channel) {
        return selects(node, channel);
    }

    /** The last link of the edge's route (its upstream link into the domain), or -1 when it crosses none. */
    int upstream(int parent, int child) {
        Route route = routing.route(table.regionOf(parent), table.regionOf(child));
        return route.hops() == 0 ? -1 : route.link(route.hops() - 1);
    }

    /** Bits of a group number that hold the upstream link plus 2 (0 for the copies group). */
    private static final long LINK_BITS = 0xFF_FFFFL;

    /**
     * Groups: per (channel, substream) the copies entering (bound the rule's copies), and with
     * distinct links per (channel, substream, upstream link) as well (bound 1).
     */
    @Override
    public void terms(int parent, int child, int channel, int substream, long kbps, LinearCaps.Sink sink) {
        if (!channels[channel] || !ingress.enters(parent, child)) {
            return;
        }
        long copies = ((long) channel << 40) | ((substream & 0xFFFFL) << 24);
        sink.add(copies, 1);
        if (ingress.distinctLinks()) {
            sink.add(copies | ((upstream(parent, child) + 2L) & LINK_BITS), 1);
        }
    }

    @Override
    public long bound(long group) {
        return (group & LINK_BITS) == 0 ? ingress.copies() : 1;
    }

    /** Dual-ingress copies enter two at a time or not at all. */
    @Override
    public boolean allOrNone(long group) {
        return ingress.copies() == 2 && (group & LINK_BITS) == 0;
    }

    @Override
    public CapState newState() {
        return new CapState() {
            /** Per (channel, substream): the upstream link of each copy that entered, -2 for a free slot. */
            private final Map<Long, int[]> entered = new HashMap<>();

            private long key(int channel, int substream) {
                return ((long) channel << 32) | (substream & 0xffffffffL);
            }

            @Override
            public double excessIfAdded(int parent, int child, int channel, int substream, long kbps) {
                if (!channels[channel] || !ingress.enters(parent, child)) {
                    return 0;
                }
                int[] links = entered.get(key(channel, substream));
                int count = links == null ? 0 : links.length;
                if (count + 1 > ingress.copies()) {
                    return count + 1 - ingress.copies();
                }
                if (ingress.distinctLinks() && count > 0) {
                    int link = upstream(parent, child);
                    for (int used : links) {
                        if (used == link) {
                            return 1;
                        }
                    }
                }
                return 0;
            }

            @Override
            public boolean lacksEntry(int child, int channel, int substream) {
                if (ingress.copies() < 2
                        || !channels[channel]
                        || !ingress.members().matches(child)) {
                    return false;
                }
                int[] links = entered.get(key(channel, substream));
                return links == null || links.length < ingress.copies();
            }

            @Override
            public void add(int parent, int child, int channel, int substream, long kbps, int sign) {
                if (!channels[channel] || !ingress.enters(parent, child)) {
                    return;
                }
                long key = key(channel, substream);
                int link = upstream(parent, child);
                int[] links = entered.getOrDefault(key, new int[0]);
                if (sign > 0) {
                    int[] grown = Arrays.copyOf(links, links.length + 1);
                    grown[links.length] = link;
                    entered.put(key, grown);
                    return;
                }
                for (int i = 0; i < links.length; i++) {
                    if (links[i] == link) {
                        int[] shrunk = new int[links.length - 1];
                        System.arraycopy(links, 0, shrunk, 0, i);
                        System.arraycopy(links, i + 1, shrunk, i, links.length - i - 1);
                        entered.put(key, shrunk);
                        return;
                    }
                }
            }
        };
    }
}
