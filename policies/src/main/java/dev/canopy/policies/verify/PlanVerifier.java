package dev.canopy.policies.verify;

import dev.canopy.model.Limit;
import dev.canopy.model.Node;
import dev.canopy.model.Role;
import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Club;
import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Initiator;
import dev.canopy.model.plan.Overlay;
import dev.canopy.model.plan.OverlayKind;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.plan.Relaxed;
import dev.canopy.model.plan.Unserved;
import dev.canopy.model.policy.PolicyDocument;
import dev.canopy.model.routing.LinkLoads;
import dev.canopy.model.routing.Routing;
import dev.canopy.policies.compile.CompiledPolicies;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Checks every hard rule of the formats on any plan, whichever strategy made it, and measures
 * it. Rules: overlays name known channels, nodes and substreams; every tree is rooted at the
 * channel's sources (or at nodes a flooding or club mesh of the channel feeds, as in the
 * hierarchy's top level) with one parent per child and no cycle, and every parent itself receives
 * the substream; edges carry their substream's rate; no node sends more than its uplink or
 * receives more than its downlink; no link carries more than its capacity (with its outside
 * load) in either direction; the lightweight rules (no-relay, no-inbound and who initiates,
 * never two lightweight nodes paired, access lists); channels' maxDepth; and every wanted
 * (node, channel) is either served (k of the k+n substreams, a flooding mesh, or every club)
 * or listed unserved with a consistent reason; and, given policies, every hard operator policy
 * ({@link PolicyCheck}).
 *
 * <p>Kept apart from every strategy on purpose: it shares no code with them beyond the model.
 * Stateless and thread-safe; one call builds its own working arrays (linear in nodes and
 * edges).
 */
public final class PlanVerifier {
    private PlanVerifier() {}

    /** Verifies a plan against its snapshot. */
    public static Verification verify(Snapshot snapshot, Plan plan) {
        SnapshotIndex index = SnapshotIndex.of(snapshot);
        return verify(Routing.of(index), plan);
    }

    /** Verifies a plan against its snapshot and the operator's policies (compiled here). */
    public static Verification verify(Snapshot snapshot, Plan plan, PolicyDocument policies) {
        Routing routing = Routing.of(SnapshotIndex.of(snapshot));
        return verify(routing, plan, CompiledPolicies.compile(policies, routing));
    }

    /** Verifies a plan with a routing (and index) already built for its snapshot, and no policies. */
    public static Verification verify(Routing routing, Plan plan) {
        return verify(routing, plan, CompiledPolicies.NONE);
    }

    /**
     * Verifies a plan with a routing built for its snapshot and policies compiled against it:
     * every hard policy holds except for the nodes the plan's {@code relaxed} list sets it aside
     * for, and unserved entries name policies consistently (see {@link Rule}).
     */
    public static Verification verify(Routing routing, Plan plan, CompiledPolicies policies) {
        SnapshotIndex index = routing.index();
        List<Violation> violations = new ArrayList<>();
        Snapshot snapshot = index.snapshot();
        if (!Objects.equals(plan.snapshot(), snapshot.id())) {
            violations.add(Violation.of(
                    Rule.SNAPSHOT_MISMATCH,
                    null,
                    null,
                    "plan is for snapshot \"" + plan.snapshot() + "\", not \"" + snapshot.id() + "\""));
        }
        List<ResolvedOverlay> overlays = resolve(index, plan, violations);
        entries(index, plan, violations);

        int nodes = index.nodeCount();
        long[] sent = new long[nodes];
        long[] received = new long[nodes];
        LinkLoads loads = new LinkLoads(routing);
        Traffic traffic = new Traffic();
        for (ResolvedOverlay overlay : overlays) {
            for (int e = 0; e < overlay.size(); e++) {
                int parent = overlay.parents()[e];
                int child = overlay.children()[e];
                long rate = overlay.rates()[e];
                sent[parent] += rate;
                received[child] += rate;
                loads.add(index.regionOf(parent), index.regionOf(child), rate);
                traffic.add(index, parent, child, rate);
                pairing(index, overlay, e, violations);
            }
        }
        capacities(index, sent, received, loads, violations);

        List<ChannelCheck.Result> channels = new ArrayList<>();
        for (int c = 0; c < index.channelCount(); c++) {
            channels.add(new ChannelCheck(index, plan, c, overlays, violations).run());
        }
        new PolicyCheck(routing, plan, policies, overlays, violations).run(channels);
        PlanMetrics metrics = Metrics.of(index, plan, channels, traffic, loads);
        return new Verification(violations, metrics);
    }

    private static List<ResolvedOverlay> resolve(SnapshotIndex index, Plan plan, List<Violation> violations) {
        List<ResolvedOverlay> out = new ArrayList<>();
        Set<String> unknown = new HashSet<>();
        for (Overlay overlay : plan.overlays()) {
            OptionalInt channel = index.channelIndex(overlay.channel());
            if (channel.isEmpty()) {
                violations.add(Violation.of(
                        Rule.UNKNOWN_CHANNEL,
                        null,
                        overlay.channel(),
                        "overlay for unknown channel \"" + overlay.channel() + "\""));
                continue;
            }
            int total = index.channel(channel.getAsInt()).totalSubstreams();
            if (overlay.kind() == OverlayKind.TREE) {
                int s = overlay.substream().orElse(-1);
                if (s < 0 || s >= total) {
                    violations.add(Violation.of(
                            Rule.BAD_SUBSTREAM,
                            null,
                            overlay.channel(),
                            "tree for substream " + s + " of \"" + overlay.channel() + "\", which has substreams 0.."
                                    + (total - 1)));
                    continue;
                }
            }
            int n = overlay.edges().size();
            int[] parents = new int[n];
            int[] children = new int[n];
            long[] rates = new long[n];
            int[] clubs = new int[n];
            Initiator[] initiators = new Initiator[n];
            int kept = 0;
            for (Edge edge : overlay.edges()) {
                OptionalInt parent = index.nodeIndex(edge.parent());
                OptionalInt child = index.nodeIndex(edge.child());
                for (String id : List.of(edge.parent(), edge.child())) {
                    if (index.nodeIndex(id).isEmpty() && unknown.add(id)) {
                        violations.add(Violation.of(
                                Rule.UNKNOWN_NODE, id, overlay.channel(), "edge names unknown node \"" + id + "\""));
                    }
                }
                if (parent.isEmpty() || child.isEmpty() || parent.getAsInt() == child.getAsInt()) {
                    continue;
                }
                parents[kept] = parent.getAsInt();
                children[kept] = child.getAsInt();
                rates[kept] = overlay.rateOf(edge);
                clubs[kept] = edge.club().orElse(-1);
                initiators[kept] = edge.initiator();
                kept++;
            }
            out.add(new ResolvedOverlay(
                    overlay,
                    channel.getAsInt(),
                    Arrays.copyOf(parents, kept),
                    Arrays.copyOf(children, kept),
                    Arrays.copyOf(rates, kept),
                    Arrays.copyOf(clubs, kept),
                    Arrays.copyOf(initiators, kept)));
        }
        return out;
    }

    /**
     * Unserved, club and relaxed entries name known channels and nodes. Unserved entries of known
     * channels are checked with their channel ({@link ChannelCheck}); this catches the rest.
     */
    private static void entries(SnapshotIndex index, Plan plan, List<Violation> violations) {
        for (Unserved entry : plan.unserved()) {
            if (index.channelIndex(entry.channel()).isEmpty()) {
                violations.add(Violation.of(
                        Rule.UNKNOWN_CHANNEL,
                        entry.node(),
                        entry.channel(),
                        "unserved entry names unknown channel \"" + entry.channel() + "\""));
                if (index.nodeIndex(entry.node()).isEmpty()) {
                    violations.add(Violation.of(
                            Rule.UNKNOWN_NODE,
                            entry.node(),
                            entry.channel(),
                            "unserved entry names unknown node \"" + entry.node() + "\""));
                }
            }
        }
        for (Club club : plan.clubs()) {
            if (index.channelIndex(club.channel()).isEmpty()) {
                violations.add(Violation.of(
                        Rule.UNKNOWN_CHANNEL,
                        null,
                        club.channel(),
                        "club " + club.club() + " names unknown channel \"" + club.channel() + "\""));
            }
            for (String member : club.members()) {
                if (index.nodeIndex(member).isEmpty()) {
                    violations.add(Violation.of(
                            Rule.UNKNOWN_NODE,
                            member,
                            club.channel(),
                            "club " + club.club() + " of \"" + club.channel() + "\" names unknown node \"" + member
                                    + "\""));
                }
            }
        }
        for (Relaxed relaxed : plan.relaxed()) {
            if (index.nodeIndex(relaxed.node()).isEmpty()) {
                violations.add(Violation.of(
                        Rule.UNKNOWN_NODE,
                        relaxed.node(),
                        relaxed.channel().orElse(null),
                        "relaxed entry names unknown node \"" + relaxed.node() + "\""));
            }
        }
    }

    /** The lightweight rules on one edge. */
    private static void pairing(SnapshotIndex index, ResolvedOverlay overlay, int e, List<Violation> violations) {
        Node parent = index.node(overlay.parents()[e]);
        Node child = index.node(overlay.children()[e]);
        String channel = overlay.overlay().channel();
        Initiator initiator = overlay.initiators()[e];
        String edge = "\"" + parent.id() + "\" -> \"" + child.id() + "\"";
        if (parent.has(Limit.NO_RELAY)) {
            violations.add(Violation.of(
                    Rule.NO_RELAY,
                    parent.id(),
                    channel,
                    "lightweight node \"" + parent.id() + "\" with no-relay sends to \"" + child.id() + "\""));
        }
        if (parent.isLightweight() && child.isLightweight()) {
            violations.add(Violation.of(
                    Rule.LIGHTWEIGHT_PAIR, child.id(), channel, "two lightweight nodes are paired: " + edge));
        }
        if (child.has(Limit.NO_INBOUND) && initiator != Initiator.CHILD) {
            violations.add(Violation.of(
                    Rule.NO_INBOUND,
                    child.id(),
                    channel,
                    "no-inbound node \"" + child.id() + "\" must initiate edge " + edge + " itself, initiator is "
                            + initiator.name().toLowerCase(Locale.ROOT)));
        }
        if (parent.has(Limit.NO_INBOUND) && initiator != Initiator.PARENT) {
            violations.add(Violation.of(
                    Rule.NO_INBOUND,
                    parent.id(),
                    channel,
                    "no-inbound node \"" + parent.id() + "\" must initiate edge " + edge + " itself, initiator is "
                            + initiator.name().toLowerCase(Locale.ROOT)));
        }
        if (child.has(Limit.ACCESS_LIST) && !allows(child, parent)) {
            violations.add(Violation.of(
                    Rule.ACCESS_LIST,
                    child.id(),
                    channel,
                    "\"" + child.id() + "\" may receive only from " + child.accessList() + ", not from \"" + parent.id()
                            + "\""));
        }
    }

    /** Whether a node's access list allows receiving from a sender (by id or {@code role:<role>}). */
    public static boolean allows(Node receiver, Node sender) {
        for (String entry : receiver.accessList()) {
            if (entry.equals(sender.id())
                    || entry.equals("role:" + sender.role().code())) {
                return true;
            }
        }
        return false;
    }

    private static void capacities(
            SnapshotIndex index, long[] sent, long[] received, LinkLoads loads, List<Violation> violations) {
        for (int i = 0; i < index.nodeCount(); i++) {
            Node node = index.node(i);
            if (sent[i] > node.uplinkKbps()) {
                violations.add(Violation.of(
                        Rule.UPLINK,
                        node.id(),
                        null,
                        "\"" + node.id() + "\" sends " + sent[i] + " kbps, its uplink is " + node.uplinkKbps()
                                + " kbps"));
            }
            if (node.downlinkKbps().isPresent()
                    && received[i] > node.downlinkKbps().getAsLong()) {
                violations.add(Violation.of(
                        Rule.DOWNLINK,
                        node.id(),
                        null,
                        "\"" + node.id() + "\" receives " + received[i] + " kbps, its downlink is "
                                + node.downlinkKbps().getAsLong() + " kbps"));
            }
        }
        for (int l = 0; l < index.linkCount(); l++) {
            var link = index.link(l);
            if (link.capacityKbps().isEmpty()) {
                continue;
            }
            long capacity = link.capacityKbps().getAsLong();
            for (boolean aToB : new boolean[] {true, false}) {
                long planned = loads.kbps(l, aToB);
                if (planned > 0 && planned + link.loadKbps() > capacity) {
                    violations.add(Violation.of(
                            Rule.LINK_CAPACITY,
                            null,
                            null,
                            "link \"" + link.id() + "\" "
                                    + (aToB ? link.a() + "->" + link.b() : link.b() + "->" + link.a())
                                    + " carries " + planned + " kbps of plan traffic + " + link.loadKbps()
                                    + " kbps outside load, capacity " + capacity + " kbps"));
                }
            }
        }
    }

    /** Rate sent by servers and peers, and rate crossing regions and countries. */
    static final class Traffic {
        long server;
        long peer;
        long crossRegion;
        long crossCountry;

        void add(SnapshotIndex index, int parent, int child, long rate) {
            if (index.node(parent).role() == Role.PEER) {
                peer += rate;
            } else {
                server += rate;
            }
            if (index.regionOf(parent) != index.regionOf(child)) {
                crossRegion += rate;
            }
            if (!index.countryOf(parent).equals(index.countryOf(child))) {
                crossCountry += rate;
            }
        }
    }
}
