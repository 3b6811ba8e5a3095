package dev.canopy.policies.verify;

import dev.canopy.model.Link;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.policy.ChannelSelector;
import dev.canopy.model.policy.Policy;
import dev.canopy.model.policy.PolicyParams;
import dev.canopy.model.routing.Route;
import dev.canopy.model.routing.Routing;
import dev.canopy.policies.compile.ChannelMatcher;
import dev.canopy.policies.compile.CompiledPolicies;
import dev.canopy.policies.compile.NodeMatcher;
import dev.canopy.policies.compile.Relaxations;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * The hard caps of the operator's policies, totalled from the plan's edges on their own (not
 * through the strategies' ledger): link-cap per direction plus the link's outside load,
 * region-cap, serve-window's uplink share, and the copies entering single- and dual-ingress
 * domains. Edges into a node that has the policy set aside are left out of its totals.
 */
final class PolicyCaps {
    private final SnapshotIndex index;
    private final Routing routing;
    private final CompiledPolicies policies;
    private final Relaxations lifted;
    private final List<ResolvedOverlay> overlays;
    private final List<Violation> violations;

    PolicyCaps(
            Routing routing,
            CompiledPolicies policies,
            Relaxations lifted,
            List<ResolvedOverlay> overlays,
            List<Violation> violations) {
        this.index = routing.index();
        this.routing = routing;
        this.policies = policies;
        this.lifted = lifted;
        this.overlays = overlays;
        this.violations = violations;
    }

    void run() {
        for (Policy policy : policies.policies()) {
            if (!policy.isHard()) {
                continue;
            }
            PolicyParams params = policy.params();
            if (params instanceof PolicyParams.LinkCap p) {
                linkCap(policy, p);
            } else if (params instanceof PolicyParams.RegionCap p) {
                regionCap(policy, p);
            } else if (params instanceof PolicyParams.ServeWindow p) {
                uplinkShare(policy, p);
            } else if (params instanceof PolicyParams.SingleIngress p) {
                IntPredicate members = p.enterprise().isPresent()
                        ? enterprise(p.enterprise().get())
                        : NodeMatcher.of(p.nodes().orElseThrow(), index)::matches;
                if (p.enterprise().isPresent() && p.nodes().isPresent()) {
                    members = members.and(NodeMatcher.of(p.nodes().get(), index)::matches);
                }
                ingress(policy, p.channels(), members, 1, false);
            } else if (params instanceof PolicyParams.DualIngress p) {
                ingress(policy, p.channels(), enterprise(p.enterprise()), 2, p.distinctLinks());
            }
        }
    }

    private void add(Policy policy, String node, String channel, String message) {
        violations.add(Violation.of(
                Rule.of(policy.kind()).orElseThrow(), node, channel, message + " (policy \"" + policy.id() + "\")"));
    }

    private boolean counted(Policy policy, int child, int channel) {
        return !lifted.isLifted(child, channel, policy);
    }

    private void linkCap(Policy policy, PolicyParams.LinkCap p) {
        int link = index.linkIndex(p.link()).orElseThrow();
        boolean[] channels = ChannelMatcher.of(p.channels()).over(index);
        long[] planned = new long[2];
        for (ResolvedOverlay o : overlays) {
            if (!channels[o.channel()]) {
                continue;
            }
            for (int e = 0; e < o.size(); e++) {
                if (!counted(policy, o.children()[e], o.channel())) {
                    continue;
                }
                Route route = routing.routeBetweenNodes(o.parents()[e], o.children()[e]);
                for (int h = 0; h < route.hops(); h++) {
                    if (route.link(h) == link) {
                        planned[route.aToB(h) ? 0 : 1] += o.rates()[e];
                    }
                }
            }
        }
        Link l = index.link(link);
        for (int d = 0; d < 2; d++) {
            boolean aToB = d == 0;
            boolean capped = p.direction() == PolicyParams.Direction.BOTH
                    || (p.direction() == PolicyParams.Direction.A_TO_B) == aToB;
            if (capped && planned[d] > 0 && planned[d] + l.loadKbps() > p.maxKbps()) {
                add(
                        policy,
                        null,
                        null,
                        "link \"" + l.id() + "\" " + (aToB ? l.a() + "->" + l.b() : l.b() + "->" + l.a())
                                + " carries " + planned[d] + " kbps of capped plan traffic + " + l.loadKbps()
                                + " kbps outside load, the cap is " + p.maxKbps() + " kbps");
            }
        }
    }

    private void regionCap(Policy policy, PolicyParams.RegionCap p) {
        int region = index.regionIndex(p.region()).orElseThrow();
        boolean[] channels = ChannelMatcher.of(p.channels()).over(index);
        long planned = 0;
        for (ResolvedOverlay o : overlays) {
            if (!channels[o.channel()]) {
                continue;
            }
            for (int e = 0; e < o.size(); e++) {
                boolean from = index.isWithin(index.regionOf(o.parents()[e]), region);
                boolean to = index.isWithin(index.regionOf(o.children()[e]), region);
                boolean counts =
                        switch (p.flow()) {
                            case INGRESS -> !from && to;
                            case EGRESS -> from && !to;
                            case INTERNAL -> from && to;
                        };
                if (counts && counted(policy, o.children()[e], o.channel())) {
                    planned += o.rates()[e];
                }
            }
        }
        if (planned > p.maxKbps()) {
            add(
                    policy,
                    null,
                    null,
                    "region \"" + p.region() + "\" has " + planned + " kbps of "
                            + p.flow().name().toLowerCase(Locale.ROOT) + " plan traffic, the cap is "
                            + p.maxKbps() + " kbps");
        }
    }

    private void uplinkShare(Policy policy, PolicyParams.ServeWindow p) {
        NodeMatcher nodes = NodeMatcher.of(p.nodes(), index);
        long[] sent = new long[index.nodeCount()];
        for (ResolvedOverlay o : overlays) {
            for (int e = 0; e < o.size(); e++) {
                if (nodes.matches(o.parents()[e]) && counted(policy, o.children()[e], o.channel())) {
                    sent[o.parents()[e]] += o.rates()[e];
                }
            }
        }
        for (int i = 0; i < sent.length; i++) {
            long allowed = (long) Math.floor(p.maxUplinkShare() * index.node(i).uplinkKbps());
            if (sent[i] > allowed) {
                add(
                        policy,
                        index.node(i).id(),
                        null,
                        "\"" + index.node(i).id() + "\" sends " + sent[i] + " kbps, its serve-window allows " + allowed
                                + " kbps");
            }
        }
    }

    private IntPredicate enterprise(String enterprise) {
        BitSet members = new BitSet();
        for (int i = 0; i < index.nodeCount(); i++) {
            if (index.node(i).enterprise().map(enterprise::equals).orElse(false)) {
                members.set(i);
            }
        }
        return members::get;
    }

    private void ingress(Policy policy, ChannelSelector selector, IntPredicate member, int copies, boolean distinct) {
        boolean[] channels = ChannelMatcher.of(selector).over(index);
        Map<String, List<Integer>> entered = new TreeMap<>();
        for (ResolvedOverlay o : overlays) {
            if (!channels[o.channel()]) {
                continue;
            }
            String key = index.channel(o.channel()).id() + " "
                    + (o.overlay().substream().isPresent()
                            ? "substream " + o.overlay().substream().getAsInt()
                            : "mesh");
            for (int e = 0; e < o.size(); e++) {
                int parent = o.parents()[e];
                int child = o.children()[e];
                if (member.test(child) && !member.test(parent) && counted(policy, child, o.channel())) {
                    Route route = routing.routeBetweenNodes(parent, child);
                    entered.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(route.hops() == 0 ? -1 : route.link(route.hops() - 1));
                }
            }
        }
        for (Map.Entry<String, List<Integer>> entry : entered.entrySet()) {
            List<Integer> links = entry.getValue();
            String what = entry.getKey();
            if (links.size() > copies) {
                add(policy, null, null, links.size() + " copies of " + what + " enter the domain, at most " + copies);
            } else if (copies == 2 && links.size() < 2) {
                add(policy, null, null, "one copy of " + what + " enters the domain, two are required");
            } else if (distinct && links.size() == 2 && links.get(0).equals(links.get(1))) {
                add(
                        policy,
                        null,
                        null,
                        "both copies of " + what + " enter over the same upstream link "
                                + (links.get(0) < 0
                                        ? "(none)"
                                        : "\"" + index.link(links.get(0)).id() + "\""));
            }
        }
    }
}
