package dev.canopy.policies.verify;

import dev.canopy.model.Channel;
import dev.canopy.model.Node;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.plan.Relaxed;
import dev.canopy.model.plan.Unserved;
import dev.canopy.model.plan.UnservedReason;
import dev.canopy.model.policy.Policy;
import dev.canopy.model.routing.Routing;
import dev.canopy.policies.compile.CompiledPolicies;
import dev.canopy.policies.compile.Relaxations;
import dev.canopy.policies.compile.TierPriority;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The hard operator policies on a plan, each policy set aside for the nodes the plan's
 * {@code relaxed} list names: no edge a policy forbids (bars, pairing, affinity, serve-window
 * hours, delayed-feed); the caps ({@link PolicyCaps}); max-depth; redundancy; priority with
 * preemption; and unserved and relaxed entries that name real policies consistently (a node
 * listed {@code geo-ban} or {@code deny} names the policy that bars it, and a barred node is
 * listed with that reason).
 */
final class PolicyCheck {
    private final SnapshotIndex index;
    private final Routing routing;
    private final Plan plan;
    private final CompiledPolicies policies;
    private final Relaxations lifted;
    private final List<ResolvedOverlay> overlays;
    private final List<Violation> violations;

    PolicyCheck(
            Routing routing,
            Plan plan,
            CompiledPolicies policies,
            List<ResolvedOverlay> overlays,
            List<Violation> violations) {
        this.index = routing.index();
        this.routing = routing;
        this.plan = plan;
        this.policies = policies;
        // only a relaxable hard policy may be set aside; other entries are reported, not honoured
        this.lifted = Relaxations.of(
                plan.relaxed().stream()
                        .filter(r -> policies.policy(r.policy())
                                .filter(p -> p.isHard() && p.relaxable())
                                .isPresent())
                        .toList(),
                index);
        this.overlays = overlays;
        this.violations = violations;
    }

    void run(List<ChannelCheck.Result> channels) {
        if (policies.isEmpty()) {
            return;
        }
        edges();
        new PolicyCaps(routing, policies, lifted, overlays, violations).run();
        depths(channels);
        entries();
        for (ChannelCheck.Result result : channels) {
            redundancy(result);
            priority(result);
        }
    }

    private void report(Policy policy, String node, String channel, String message) {
        Rule rule = Rule.of(policy.kind()).orElse(Rule.POLICY);
        violations.add(Violation.of(rule, node, channel, message + " (policy \"" + policy.id() + "\")"));
    }

    /** Every edge the hard filters forbid, once per (policy, child, channel). */
    private void edges() {
        Set<String> seen = new HashSet<>();
        for (ResolvedOverlay overlay : overlays) {
            int channel = overlay.channel();
            for (int e = 0; e < overlay.size(); e++) {
                int parent = overlay.parents()[e];
                int child = overlay.children()[e];
                policies.forbidsEdge(parent, child, channel, lifted).ifPresent(policy -> {
                    String c = index.node(child).id();
                    String ch = index.channel(channel).id();
                    if (seen.add(policy.id() + "\n" + c + "\n" + ch)) {
                        report(
                                policy,
                                c,
                                ch,
                                "\"" + index.node(parent).id() + "\" sends \"" + ch + "\" to \"" + c + "\", which "
                                        + policy.kind().code() + " forbids");
                    }
                });
            }
        }
    }

    /** Hard max-depth bounds against the depth each node reaches in the channel's trees and meshes. */
    private void depths(List<ChannelCheck.Result> channels) {
        for (ChannelCheck.Result result : channels) {
            int channel = result.channel();
            int[] depth = result.nodeDepth();
            for (int i = 0; i < depth.length; i++) {
                if (depth[i] <= 0) {
                    continue;
                }
                OptionalInt bound = policies.maxDepth(i, channel, lifted);
                if (bound.isPresent() && depth[i] > bound.getAsInt()) {
                    Policy policy = policies.maxDepthPolicy(i, channel, lifted).orElseThrow();
                    report(
                            policy,
                            index.node(i).id(),
                            index.channel(channel).id(),
                            "\"" + index.node(i).id() + "\" is " + depth[i] + " hops from a source of \""
                                    + index.channel(channel).id() + "\", at most " + bound.getAsInt() + " allowed");
                }
            }
        }
    }

    /** A served node of a hard redundancy region receives k + parity substreams. */
    private void redundancy(ChannelCheck.Result result) {
        int channel = result.channel();
        Channel spec = index.channel(channel);
        for (int i = 0; i < index.nodeCount(); i++) {
            if (!result.served()[i] || index.isSource(channel, i)) {
                continue;
            }
            OptionalInt parity = policies.parity(i, channel);
            if (parity.isEmpty()) {
                continue;
            }
            int need = spec.substreams() + parity.getAsInt();
            int got = result.receivedSubstreams()[i];
            Optional<Policy> policy = policies.parityPolicy(i, channel);
            if (got < need && policy.get().isHard() && !lifted.isLifted(i, channel, policy.get())) {
                String node = index.node(i).id();
                report(
                        policy.get(),
                        node,
                        spec.id(),
                        "\"" + node + "\" receives " + got + " substreams of \"" + spec.id()
                                + "\", its region's parity asks for " + need);
            }
        }
    }

    /**
     * With preemption, a higher-tier node unserved for capacity while a lower-tier node of the
     * same leaf region is served as a leaf (it feeds no one) by parents that could feed the
     * higher one (the hard filters admit each of them for it): displacing it would have served
     * the higher-tier node.
     */
    private void priority(ChannelCheck.Result result) {
        if (policies.priority().isEmpty() || !policies.priority().get().preempt()) {
            return;
        }
        TierPriority priority = policies.priority().get();
        int channel = result.channel();
        String id = index.channel(channel).id();
        boolean[] relays = new boolean[index.nodeCount()];
        for (ResolvedOverlay overlay : overlays) {
            if (overlay.channel() == channel) {
                for (int parent : overlay.parents()) {
                    relays[parent] = true;
                }
            }
        }
        for (Unserved entry : plan.unserved()) {
            if (!entry.channel().equals(id) || entry.reason() != UnservedReason.CAPACITY) {
                continue;
            }
            OptionalInt high = index.nodeIndex(entry.node());
            if (high.isEmpty() || lifted.isLifted(high.getAsInt(), channel, priority.policy())) {
                continue;
            }
            Node h = index.node(high.getAsInt());
            for (int low = 0; low < index.nodeCount(); low++) {
                Node l = index.node(low);
                if (result.served()[low]
                        && !index.isSource(channel, low)
                        && !relays[low]
                        && index.regionOf(low) == index.regionOf(high.getAsInt())
                        && priority.rank(l.tier()) > priority.rank(h.tier())
                        && l.downlinkKbps().orElse(Long.MAX_VALUE)
                                <= h.downlinkKbps().orElse(Long.MAX_VALUE)
                        && l.isLightweight() == h.isLightweight()
                        && l.accessList().isEmpty()
                        && h.accessList().isEmpty()
                        && parentsAdmit(channel, low, high.getAsInt())) {
                    report(
                            priority.policy(),
                            h.id(),
                            id,
                            h.tier().code() + " \"" + h.id() + "\" is unserved for capacity while "
                                    + l.tier().code() + " \"" + l.id()
                                    + "\" in its region is served as a leaf and could be displaced");
                    break;
                }
            }
        }
    }

    /** Whether the hard filters let every parent of {@code low} in the channel feed {@code high}. */
    private boolean parentsAdmit(int channel, int low, int high) {
        for (ResolvedOverlay overlay : overlays) {
            if (overlay.channel() != channel) {
                continue;
            }
            for (int e = 0; e < overlay.size(); e++) {
                if (overlay.children()[e] == low
                        && policies.forbidsEdge(overlay.parents()[e], high, channel, lifted)
                                .isPresent()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Unserved and relaxed entries name real policies, and geo-ban and deny agree with the bars. */
    private void entries() {
        for (Unserved entry : plan.unserved()) {
            OptionalInt node = index.nodeIndex(entry.node());
            OptionalInt channel = index.channelIndex(entry.channel());
            if (node.isEmpty() || channel.isEmpty()) {
                continue;
            }
            Optional<Policy> named = entry.policy().flatMap(policies::policy);
            if (entry.policy().isPresent() && named.isEmpty()) {
                violations.add(Violation.of(
                        Rule.POLICY,
                        entry.node(),
                        entry.channel(),
                        "unserved entry names unknown policy \""
                                + entry.policy().get() + "\""));
                continue;
            }
            Optional<Policy> bar = policies.barred(node.getAsInt(), channel.getAsInt(), lifted);
            if (entry.reason() == UnservedReason.GEO_BAN || entry.reason() == UnservedReason.DENY) {
                Rule rule = entry.reason() == UnservedReason.GEO_BAN ? Rule.GEO_BAN : Rule.DENY;
                if (named.isEmpty()
                        || !bar.equals(named)
                        || CompiledPolicies.reasonFor(named.get()) != entry.reason()) {
                    violations.add(Violation.of(
                            rule,
                            entry.node(),
                            entry.channel(),
                            "\"" + entry.node() + "\" is listed "
                                    + entry.reason().code() + " for \"" + entry.channel()
                                    + "\" but "
                                    + named.map(p -> "policy \"" + p.id() + "\"")
                                            .orElse("no policy")
                                    + " is named, and "
                                    + bar.map(p -> "\"" + p.id() + "\" bars it").orElse("no policy bars it")));
                }
            } else if (bar.isPresent() && entry.receivedSubstreams() == 0) {
                report(
                        bar.get(),
                        entry.node(),
                        entry.channel(),
                        "\"" + entry.node() + "\" is listed " + entry.reason().code() + " for \"" + entry.channel()
                                + "\" but a policy bars it: the reason is "
                                + CompiledPolicies.reasonFor(bar.get()).code());
            }
        }
        for (Relaxed entry : plan.relaxed()) {
            Optional<Policy> policy = policies.policy(entry.policy());
            if (policy.isEmpty() || !policy.get().isHard() || !policy.get().relaxable()) {
                violations.add(Violation.of(
                        Rule.POLICY,
                        entry.node(),
                        entry.channel().orElse(null),
                        "relaxed entry for \"" + entry.node() + "\" names "
                                + policy.map(p -> "policy \"" + p.id() + "\", which is not a relaxable hard policy")
                                        .orElse("unknown policy \"" + entry.policy() + "\"")));
            }
        }
    }
}
