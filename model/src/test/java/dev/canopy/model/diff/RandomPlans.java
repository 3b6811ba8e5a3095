package dev.canopy.model.diff;

import dev.canopy.model.plan.Club;
import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Initiator;
import dev.canopy.model.plan.Overlay;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.plan.Relaxed;
import dev.canopy.model.plan.Unserved;
import dev.canopy.model.plan.UnservedReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;

/** Random plans over a few nodes and channels, in no particular order, for diff tests. */
final class RandomPlans {
    private static final String[] NODES = {"p0", "p1", "p2", "p3", "p4", "p5", "p6", "s"};
    private static final String[] CHANNELS = {"live", "film"};
    private static final Initiator[] INITIATORS = Initiator.values();
    private static final UnservedReason[] REASONS = UnservedReason.values();

    private RandomPlans() {}

    /** A plan of snapshot "net" drawn from the seed; small numbers make overlaps between plans likely. */
    static Plan plan(long seed, long version) {
        Random random = new Random(seed);
        List<Overlay> overlays = new ArrayList<>();
        for (String channel : CHANNELS) {
            for (int s = 0; s < 3; s++) {
                if (random.nextInt(4) == 0) {
                    continue;
                }
                List<Edge> edges = new ArrayList<>();
                for (String child : NODES) {
                    if (random.nextBoolean()) {
                        long own = random.nextInt(6) == 0 ? 50 : -1;
                        edges.add(new Edge(
                                NODES[random.nextInt(NODES.length)],
                                child,
                                INITIATORS[random.nextInt(3)],
                                own < 0 ? OptionalLong.empty() : OptionalLong.of(own),
                                OptionalInt.empty()));
                    }
                }
                overlays.add(0, Overlay.tree(channel, s, 100 + 100 * random.nextInt(2), edges));
            }
            if (random.nextBoolean()) {
                List<Edge> mesh = new ArrayList<>();
                for (int e = 0; e < 4; e++) {
                    mesh.add(new Edge(
                            NODES[random.nextInt(NODES.length)],
                            NODES[random.nextInt(NODES.length)],
                            INITIATORS[random.nextInt(3)],
                            random.nextInt(4) == 0 ? OptionalLong.of(30) : OptionalLong.empty(),
                            random.nextBoolean() ? OptionalInt.of(random.nextInt(2)) : OptionalInt.empty()));
                }
                overlays.add(Overlay.mesh(channel, 60, mesh));
            }
        }
        Map<String, Unserved> unserved = new LinkedHashMap<>();
        for (String node : NODES) {
            if (random.nextInt(3) == 0) {
                String channel = CHANNELS[random.nextInt(2)];
                unserved.put(
                        channel + "/" + node,
                        new Unserved(
                                node,
                                channel,
                                REASONS[random.nextInt(REASONS.length)],
                                random.nextBoolean() ? Optional.of("pol") : Optional.empty(),
                                random.nextInt(2)));
            }
        }
        List<Relaxed> relaxed = random.nextBoolean() ? List.of(new Relaxed("p1", "cap", Optional.empty())) : List.of();
        List<Club> clubs = random.nextBoolean() ? List.of(new Club("film", 0, List.of("p1", "p2"))) : List.of();
        return new Plan(
                Plan.FORMAT,
                "net",
                version,
                Optional.of(Instant.ofEpochSecond(random.nextInt(2))),
                random.nextBoolean() ? "multi-tree" : "greedy",
                overlays,
                clubs,
                List.copyOf(unserved.values()),
                relaxed,
                random.nextBoolean() ? Map.of("ejected", 1) : Map.of());
    }
}
