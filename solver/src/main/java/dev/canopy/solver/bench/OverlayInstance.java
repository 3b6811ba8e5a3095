package dev.canopy.solver.bench;

import dev.canopy.model.Role;
import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Initiator;
import dev.canopy.model.plan.Overlay;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.real.DeployedLink;
import dev.canopy.model.real.RealOverlay;
import dev.canopy.model.real.RealOverlayOptions;
import dev.canopy.model.routing.Routing;
import dev.canopy.solver.PlanningProblem;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The deployed overlay's peers (data set {@code p2p-live-streaming-links}, 2020-07-03) as a
 * bench instance, with the overlay the deployed system ran as its reference plan.
 *
 * <p>The reference plan is one mesh overlay: every measured sender-to-receiver session as an
 * edge at its measured throughput, and, since the system was hybrid and the data set holds only
 * the peer-to-peer sessions, an edge from the nearest CDN node at the channel rate to every peer
 * that received from no peer (that peer must have had the stream from the CDN), and to every peer
 * that the measured sessions alone leave cut off from the servers. It is verified
 * like any plan; where the measured sessions exceed the capacities the snapshot draws (sessions
 * of one sender were not all at the same time) the verifier reports it, and the row says so.
 * Its locality (traffic crossing ISPs and countries, weighted by rate) is what the tables
 * compare with the strategies'.
 */
final class OverlayInstance implements BenchInstance {
    private final Source source;
    private final long seed;

    OverlayInstance(Source source, long seed) {
        this.source = source;
        this.seed = seed;
    }

    @Override
    public String name() {
        return "p2p-overlay-s" + seed;
    }

    @Override
    public String family() {
        return "p2p-overlay";
    }

    @Override
    public int peers() {
        return 5_275;
    }

    @Override
    public int substreams() {
        return RealOverlayOptions.defaults().substreams();
    }

    @Override
    public int parity() {
        return RealOverlayOptions.defaults().parity();
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public Snapshot build() {
        return source.get().snapshot();
    }

    @Override
    public Optional<Plan> referencePlan(PlanningProblem built) {
        return Optional.of(deployedPlan(built, source.get().deployed()));
    }

    /** The deployed overlay as a mesh plan on the snapshot (see the class comment). */
    static Plan deployedPlan(PlanningProblem problem, List<DeployedLink> deployed) {
        Snapshot snapshot = problem.snapshot();
        SnapshotIndex index = problem.index();
        Routing routing = problem.routing();
        String channel = snapshot.channels().get(0).id();
        List<Edge> edges = new ArrayList<>(deployed.size());
        Set<String> pairs = new HashSet<>();
        Set<String> fedByPeers = new HashSet<>();
        for (DeployedLink link : deployed) {
            if (pairs.add(link.sender() + ' ' + link.receiver())) {
                long rate = Math.max(1, Math.round(link.throughputKbps()));
                edges.add(new Edge(
                        link.sender(), link.receiver(), Initiator.BOTH, OptionalLong.of(rate), OptionalInt.empty()));
                fedByPeers.add(link.receiver());
            }
        }
        List<Integer> cdns = new ArrayList<>();
        for (int i = 0; i < index.nodeCount(); i++) {
            if (index.node(i).role() == Role.CDN) {
                cdns.add(i);
            }
        }
        int origin = index.sources(0)[0];
        for (int cdn : cdns) {
            edgeFromNearest(edges, index, routing, List.of(origin), cdn);
        }
        Map<String, List<String>> sentTo = new HashMap<>();
        for (Edge edge : edges) {
            sentTo.computeIfAbsent(edge.parent(), p -> new ArrayList<>()).add(edge.child());
        }
        Set<String> reached = new HashSet<>();
        reach(index.node(origin).id(), sentTo, reached);
        for (int i = 0; i < index.nodeCount(); i++) {
            String id = index.node(i).id();
            if (index.wants(0, i) && !fedByPeers.contains(id) && !reached.contains(id)) {
                edgeFromNearest(edges, index, routing, cdns, i);
                reach(id, sentTo, reached);
            }
        }
        for (int i = 0; i < index.nodeCount(); i++) {
            String id = index.node(i).id();
            if (index.wants(0, i) && !reached.contains(id)) {
                edgeFromNearest(edges, index, routing, cdns, i);
                reach(id, sentTo, reached);
            }
        }
        return new Plan(
                Plan.FORMAT,
                snapshot.id(),
                1,
                snapshot.takenAt(),
                "deployed",
                List.of(Overlay.mesh(channel, snapshot.channels().get(0).rateKbps(), edges)),
                List.of(),
                List.of(),
                List.of(),
                Map.of());
    }

    /** Marks everything the mesh carries to from {@code start}. */
    private static void reach(String start, Map<String, List<String>> sentTo, Set<String> reached) {
        ArrayDeque<String> queue = new ArrayDeque<>();
        if (reached.add(start)) {
            queue.add(start);
        }
        while (!queue.isEmpty()) {
            for (String child : sentTo.getOrDefault(queue.poll(), List.of())) {
                if (reached.add(child)) {
                    queue.add(child);
                }
            }
        }
    }

    private static void edgeFromNearest(
            List<Edge> edges, SnapshotIndex index, Routing routing, List<Integer> from, int child) {
        if (from.contains(child)) {
            return;
        }
        int best = from.get(0);
        for (int candidate : from) {
            if (routing.latencyMicros(index.regionOf(candidate), index.regionOf(child))
                    < routing.latencyMicros(index.regionOf(best), index.regionOf(child))) {
                best = candidate;
            }
        }
        edges.add(Edge.of(index.node(best).id(), index.node(child).id(), Initiator.BOTH));
    }

    /** Loads the data set once for all seeds' instances. */
    static final class Source {
        private final Path dataDir;
        private RealOverlay loaded;

        Source(Path dataDir) {
            this.dataDir = dataDir;
        }

        synchronized RealOverlay get() {
            if (loaded == null) {
                loaded = RealOverlay.load(dataDir, RealOverlayOptions.defaults());
            }
            return loaded;
        }
    }
}
