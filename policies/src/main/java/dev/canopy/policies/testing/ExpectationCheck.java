package dev.canopy.policies.testing;

import dev.canopy.model.Channel;
import dev.canopy.model.Link;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Overlay;
import dev.canopy.model.plan.Unserved;
import dev.canopy.model.policy.PolicyParams;
import dev.canopy.model.policytest.Expectation;
import dev.canopy.model.routing.LinkLoads;
import dev.canopy.model.routing.Routing;
import dev.canopy.policies.compile.NodeMatcher;
import dev.canopy.policies.verify.Verification;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Checks one plan against a case's expectations; each that does not hold yields one sentence,
 * "expected ..., got ...". Names were checked when the case was loaded.
 */
final class ExpectationCheck {
    private final Routing routing;
    private final SnapshotIndex index;
    private final PlanFacts facts;
    private final Verification verification;

    ExpectationCheck(Routing routing, PlanFacts facts, Verification verification) {
        this.routing = routing;
        this.index = routing.index();
        this.facts = facts;
        this.verification = verification;
    }

    /** The expectations that do not hold, worded, in order. */
    List<String> mismatches(List<Expectation> expectations) {
        List<String> out = new ArrayList<>();
        for (Expectation expectation : expectations) {
            check(expectation).ifPresent(out::add);
        }
        return out;
    }

    private Optional<String> check(Expectation expectation) {
        if (expectation instanceof Expectation.Served e) {
            return served(e);
        } else if (expectation instanceof Expectation.NotServed e) {
            return notServed(e);
        } else if (expectation instanceof Expectation.EdgePresence e) {
            return edge(e);
        } else if (expectation instanceof Expectation.LinkLoad e) {
            return linkLoad(e);
        } else if (expectation instanceof Expectation.RegionLoad e) {
            return regionLoad(e);
        } else if (expectation instanceof Expectation.Parents e) {
            return parents(e);
        } else if (expectation instanceof Expectation.Relaxed e) {
            return relaxed(e);
        } else if (expectation instanceof Expectation.Verifies e) {
            return verifies(e);
        }
        throw new IllegalStateException("unhandled expectation " + expectation);
    }

    /** Whether the plan delivers the channel to the node (a source always has it). */
    private boolean isServed(String node, String channel) {
        Channel c = index.channel(channel).orElseThrow();
        return c.sources().contains(node)
                || facts.meshFed(node, channel)
                || facts.substreams(node, channel).size() >= c.substreams();
    }

    private String state(String node, String channel) {
        Optional<Unserved> entry = facts.unserved(node, channel);
        if (entry.isPresent()) {
            return "unserved (" + describe(entry.get()) + ")";
        }
        if (isServed(node, channel)) {
            List<String> parents = facts.parents(node, channel);
            return parents.isEmpty() ? "served (a source)" : "served by " + String.join(", ", parents);
        }
        Set<Integer> got = facts.substreams(node, channel);
        return "neither served nor listed unserved (" + got.size() + " substreams)";
    }

    private static String describe(Unserved entry) {
        return entry.reason().code() + entry.policy().map(p -> ", policy " + p).orElse("");
    }

    private Optional<String> served(Expectation.Served e) {
        if (facts.unserved(e.node(), e.channel()).isEmpty() && isServed(e.node(), e.channel())) {
            return Optional.empty();
        }
        return Optional.of("expected " + e.node() + " served " + e.channel() + ", got " + state(e.node(), e.channel()));
    }

    private Optional<String> notServed(Expectation.NotServed e) {
        Optional<Unserved> entry = facts.unserved(e.node(), e.channel());
        boolean holds = entry.isPresent()
                && e.reason().map(r -> r == entry.get().reason()).orElse(true)
                && e.policy()
                        .map(p -> entry.get().policy().equals(Optional.of(p)))
                        .orElse(true);
        if (holds) {
            return Optional.empty();
        }
        String wanted = e.reason().map(r -> "reason " + r.code()).orElse("any reason")
                + e.policy().map(p -> ", policy " + p).orElse("");
        return Optional.of("expected " + e.node() + " unserved " + e.channel() + " (" + wanted + "), got "
                + state(e.node(), e.channel()));
    }

    private Optional<String> edge(Expectation.EdgePresence e) {
        Optional<Integer> substream =
                e.substream().isPresent() ? Optional.of(e.substream().getAsInt()) : Optional.empty();
        boolean present = facts.hasEdge(e.parent(), e.child(), e.channel(), substream);
        if (present == e.present()) {
            return Optional.empty();
        }
        String which = e.parent() + " -> " + e.child() + " for " + e.channel()
                + substream.map(s -> " substream " + s).orElse("");
        if (e.present()) {
            List<String> parents = facts.parents(e.child(), e.channel());
            return Optional.of("expected edge " + which + ", got none ("
                    + (parents.isEmpty()
                            ? e.child() + " has no parent"
                            : e.child() + "'s parents: " + String.join(", ", parents))
                    + ")");
        }
        return Optional.of("expected no edge " + which + ", got one");
    }

    private Optional<String> linkLoad(Expectation.LinkLoad e) {
        int link = index.linkIndex(e.link()).orElseThrow();
        LinkLoads loads = LinkLoads.of(facts.plan(), routing, channel -> e.channel()
                .map(channel::equals)
                .orElse(true));
        Link l = index.link(link);
        List<String> out = new ArrayList<>();
        if (e.direction() != PolicyParams.Direction.B_TO_A) {
            bounds(
                            "link " + e.link() + " " + l.a() + "->" + l.b(),
                            loads.totalKbps(link, true),
                            e.minKbps(),
                            e.maxKbps())
                    .ifPresent(out::add);
        }
        if (e.direction() != PolicyParams.Direction.A_TO_B) {
            bounds(
                            "link " + e.link() + " " + l.b() + "->" + l.a(),
                            loads.totalKbps(link, false),
                            e.minKbps(),
                            e.maxKbps())
                    .ifPresent(out::add);
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", out));
    }

    private Optional<String> regionLoad(Expectation.RegionLoad e) {
        int region = index.regionIndex(e.region()).orElseThrow();
        long total = 0;
        for (Overlay overlay : facts.plan().overlays()) {
            if (e.channel().isPresent() && !e.channel().get().equals(overlay.channel())) {
                continue;
            }
            for (Edge edge : overlay.edges()) {
                OptionalInt parent = index.nodeIndex(edge.parent());
                OptionalInt child = index.nodeIndex(edge.child());
                if (parent.isEmpty() || child.isEmpty()) {
                    continue;
                }
                boolean from = index.isWithin(index.regionOf(parent.getAsInt()), region);
                boolean to = index.isWithin(index.regionOf(child.getAsInt()), region);
                boolean counts =
                        switch (e.flow()) {
                            case INGRESS -> !from && to;
                            case EGRESS -> from && !to;
                            case INTERNAL -> from && to;
                        };
                if (counts) {
                    total += overlay.rateOf(edge);
                }
            }
        }
        String what = "region " + e.region() + " " + e.flow().name().toLowerCase(java.util.Locale.ROOT);
        return bounds(what, total, e.minKbps(), e.maxKbps());
    }

    private static Optional<String> bounds(String what, long kbps, OptionalLong min, OptionalLong max) {
        if (max.isPresent() && kbps > max.getAsLong()) {
            return Optional.of("expected " + what + " at most " + max.getAsLong() + " kbps, got " + kbps);
        }
        if (min.isPresent() && kbps < min.getAsLong()) {
            return Optional.of("expected " + what + " at least " + min.getAsLong() + " kbps, got " + kbps);
        }
        return Optional.empty();
    }

    private Optional<String> parents(Expectation.Parents e) {
        List<String> parents = facts.parents(e.node(), e.channel());
        if (parents.isEmpty()) {
            return Optional.of("expected " + e.node() + "'s parents for " + e.channel() + " to match "
                    + Selectors.describe(e.match()) + ", got no parent (" + state(e.node(), e.channel()) + ")");
        }
        NodeMatcher matcher = NodeMatcher.of(e.match(), index);
        List<String> strays = parents.stream()
                .filter(p -> !matcher.matches(index.nodeIndex(p).orElseThrow()))
                .toList();
        if (strays.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("expected " + e.node() + "'s parents for " + e.channel() + " to match "
                + Selectors.describe(e.match()) + ", got " + String.join(", ", strays) + " which do not");
    }

    private Optional<String> relaxed(Expectation.Relaxed e) {
        boolean found = facts.plan().relaxed().stream()
                .anyMatch(r -> r.node().equals(e.node())
                        && r.policy().equals(e.policy())
                        && (e.channel().isEmpty()
                                || r.channel().isEmpty()
                                || r.channel().equals(e.channel())));
        if (found) {
            return Optional.empty();
        }
        List<String> forNode = facts.plan().relaxed().stream()
                .filter(r -> r.node().equals(e.node()))
                .map(r -> r.policy())
                .toList();
        return Optional.of("expected " + e.policy() + " relaxed for " + e.node() + ", got "
                + (forNode.isEmpty() ? "nothing relaxed for it" : "only " + String.join(", ", forNode)));
    }

    private Optional<String> verifies(Expectation.Verifies e) {
        if (verification.ok() == e.ok()) {
            return Optional.empty();
        }
        if (e.ok()) {
            return Optional.of("expected the plan to verify, got "
                    + verification.violations().size() + " violation(s), first: "
                    + verification.violations().get(0));
        }
        return Optional.of("expected the plan to break a rule, got none");
    }
}
