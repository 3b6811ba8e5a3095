package dev.canopy.solver.replan;

import dev.canopy.model.Link;
import dev.canopy.model.Node;
import dev.canopy.model.Snapshot;
import dev.canopy.model.Tier;
import dev.canopy.model.event.Event;
import dev.canopy.model.event.Events;
import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Overlay;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.policy.PolicyDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;

/** Draws valid events for a session's current network, every type, from a seed. */
final class RandomEvents {
    private final Random random;
    private int joined;

    RandomEvents(long seed) {
        this.random = new Random(seed);
    }

    Event next(Snapshot network, Plan plan, Instant at) {
        List<Node> peers = network.nodes().stream()
                .filter(n -> n.role() == dev.canopy.model.Role.PEER)
                .toList();
        String channel = network.channels()
                .get(random.nextInt(network.channels().size()))
                .id();
        int kind = random.nextInt(100);
        if (kind < 25 || peers.size() < 5) {
            Node template = peers.isEmpty() ? network.nodes().get(0) : peers.get(random.nextInt(peers.size()));
            Node node = Node.builder("j" + joined++, template.region(), random.nextInt(5) * 600L)
                    .tier(Tier.values()[random.nextInt(3)])
                    .wants(channel)
                    .build();
            return new Events.Join(at, node);
        }
        Node peer = peers.get(random.nextInt(peers.size()));
        if (kind < 45) {
            return new Events.Leave(at, peer.id());
        }
        if (kind < 60) {
            return new Events.Fail(at, peer.id());
        }
        if (kind < 70) {
            List<Overlay> trees = plan.overlays();
            if (!trees.isEmpty()) {
                Overlay tree = trees.get(random.nextInt(trees.size()));
                Edge edge = tree.edges().get(random.nextInt(tree.edges().size()));
                return new Events.Congestion(
                        at,
                        edge.parent(),
                        edge.child(),
                        tree.channel(),
                        10,
                        OptionalInt.of(tree.substream().orElse(0)));
            }
        }
        if (kind < 78) {
            return new Events.Capacity(at, peer.id(), random.nextInt(6) * 400L, OptionalLong.empty());
        }
        if (kind < 84 && !network.links().isEmpty()) {
            Link link = network.links().get(random.nextInt(network.links().size()));
            OptionalLong capacity =
                    random.nextInt(3) == 0 ? OptionalLong.empty() : OptionalLong.of(random.nextInt(4) * 3000L);
            return new Events.LinkChange(at, link.id(), capacity, OptionalLong.empty());
        }
        if (kind < 94) {
            return new Events.Want(at, peer.id(), channel, random.nextBoolean());
        }
        if (kind < 97) {
            return new Events.Tick(at);
        }
        return new Events.PolicyChange(at, PolicyDocument.EMPTY);
    }

    /**
     * A batch of one to {@code max} events, none of which names a peer an earlier one in the
     * batch made leave or fail (so that the batch is valid as a whole).
     */
    List<Event> batch(Snapshot network, Plan plan, Instant at, int max) {
        int count = 1 + random.nextInt(max);
        List<Event> out = new ArrayList<>();
        Set<String> gone = new HashSet<>();
        for (int tries = 0; out.size() < count && tries < 4 * count; tries++) {
            Event event = next(network, plan, at);
            String node = event instanceof Events.Leave leave
                    ? leave.node()
                    : event instanceof Events.Fail fail
                            ? fail.node()
                            : event instanceof Events.Capacity capacity
                                    ? capacity.node()
                                    : event instanceof Events.Want want ? want.node() : "";
            boolean congested =
                    event instanceof Events.Congestion c && (gone.contains(c.parent()) || gone.contains(c.child()));
            if (gone.contains(node) || congested) {
                continue;
            }
            if (event instanceof Events.Leave || event instanceof Events.Fail) {
                gone.add(node);
            }
            out.add(event);
        }
        return out;
    }
}
