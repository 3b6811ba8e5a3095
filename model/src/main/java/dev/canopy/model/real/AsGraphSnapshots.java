package dev.canopy.model.real;

import dev.canopy.model.Channel;
import dev.canopy.model.ChannelKind;
import dev.canopy.model.ContentClass;
import dev.canopy.model.Link;
import dev.canopy.model.LinkKind;
import dev.canopy.model.Node;
import dev.canopy.model.Region;
import dev.canopy.model.RegionKind;
import dev.canopy.model.Snapshot;
import dev.canopy.model.generate.CapacityMix;
import dev.canopy.model.generate.Draws;
import dev.canopy.model.generate.Uplinks;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Snapshots on the Internet's AS graph (CAIDA AS relationships, 2024-08-01, serial-1).
 *
 * <p><b>Regions</b>: one root region {@code internet}, and under it one region per AS of the
 * scope, {@code as<ASN>} of kind {@code as} with its ASN, in ASN order. <b>Links</b>: each
 * provider-customer relationship is a {@code transit} link {@code tr:as<provider>:as<customer>},
 * each peer-peer one a {@code peering} link {@code px:as<lower>:as<higher>}, in file order; no
 * capacities (CAIDA says nothing of them). A link's one-way latency is log-normal, median
 * {@value #TRANSIT_MEDIAN_MS} ms for transit and {@value #PEERING_MEDIAN_MS} ms for peering
 * (peering mostly happens at nearby exchange points), sigma {@value #LATENCY_SIGMA}, within
 * [{@value #MIN_LATENCY_MS}, {@value #MAX_LATENCY_MS}] ms, rounded to 0.1 ms; it is drawn from
 * the seed and the two ASNs alone, so a link has the same latency in every scope. Routing
 * follows the format's rule (lowest latency), not BGP's valley-free policy routing.
 *
 * <p><b>Nodes</b>: {@code peerAses} leaf ASes (no customer, at least one provider) are chosen
 * with the seed; each gets one peer, and the other peers go to them by a Zipf law (exponent 1,
 * ranks in the order chosen), so a few ASes hold many peers. Peers {@code p1}, {@code p2}, ...
 * get the generator's four-tier uplinks (0.5, 1, 2, 4 x rate at 30, 40, 20, 10 %) and want
 * the one live channel {@code ch1}. {@code origin-1} sits in a tier-1 (input clique) AS chosen
 * with the seed; {@value #CDNS} CDN nodes {@code cdn-as<ASN>} sit in the ASes of the peers'
 * provider closure with the most customers (the origin's AS aside), provisioned as the
 * generator does. Nodes are the same in both scopes.
 *
 * <p>Thread-safe; time and memory linear in the graph and the peers.
 */
public final class AsGraphSnapshots {
    /** The instant the snapshots describe: the date of the CAIDA snapshot. */
    public static final Instant TAKEN_AT = Instant.parse("2024-08-01T00:00:00Z");

    /** The root region every AS region sits under. */
    public static final String ROOT = "internet";

    static final double TRANSIT_MEDIAN_MS = 10;
    static final double PEERING_MEDIAN_MS = 5;
    static final double LATENCY_SIGMA = 0.7;
    static final double MIN_LATENCY_MS = 1;
    static final double MAX_LATENCY_MS = 150;
    static final int CDNS = 4;
    static final double ZIPF_EXPONENT = 1.0;

    private AsGraphSnapshots() {}

    /**
     * Reads the relationships file of the data directory and builds a snapshot.
     *
     * @throws dev.canopy.model.io.InputException naming the file (and line) when it is missing
     *     or malformed
     * @throws IllegalArgumentException when the graph has fewer leaf ASes than {@code peerAses}
     */
    public static Snapshot build(Path dataDir, AsGraphOptions options) {
        return build(AsRelationships.load(dataDir), options);
    }

    static Snapshot build(AsRelationships graph, AsGraphOptions o) {
        SplittableRandom root = new SplittableRandom(o.seed());
        SplittableRandom placementRng = root.split();
        SplittableRandom uplinkRng = root.split();
        SplittableRandom serverRng = root.split();

        int[] leaves = graph.leaves();
        if (o.peerAses() > leaves.length) {
            throw new IllegalArgumentException(
                    "peerAses must be at most " + leaves.length + ", the leaf ASes of the graph, got " + o.peerAses());
        }
        int[] order = Draws.permutation(placementRng, leaves.length);
        int[] peerAses = new int[o.peerAses()];
        for (int j = 0; j < peerAses.length; j++) {
            peerAses[j] = leaves[order[j]];
        }
        if (graph.clique.length == 0) {
            throw new IllegalArgumentException("the AS graph names no tier-1 clique for the origin");
        }
        int originAs = graph.clique[serverRng.nextInt(graph.clique.length)];
        int[] placed = Arrays.copyOf(peerAses, peerAses.length + 1);
        placed[peerAses.length] = originAs;
        boolean[] closure = graph.providerClosure(placed);
        int[] cdnAses = IntStream.range(0, graph.size())
                .filter(v -> closure[v] && v != originAs)
                .boxed()
                .sorted(Comparator.comparingInt((Integer v) -> -graph.customers[v])
                        .thenComparingLong(v -> graph.asn[v]))
                .limit(CDNS)
                .mapToInt(Integer::intValue)
                .toArray();

        Channel channel = new Channel(
                Servers.CHANNEL,
                ChannelKind.LIVE,
                ContentClass.VIDEO,
                o.rateKbps(),
                o.substreams(),
                o.parity(),
                List.of(Servers.ORIGIN),
                OptionalInt.empty());
        List<Node> nodes = new ArrayList<>(o.peers() + CDNS + 1);
        nodes.add(Servers.origin(regionId(graph, originAs), o.rateKbps(), serverRng));
        for (int v : cdnAses) {
            nodes.add(Servers.cdn("cdn-" + regionId(graph, v), regionId(graph, v), o.rateKbps(), serverRng));
        }
        double[] sizes = Draws.cumulative(Draws.zipf(peerAses.length, ZIPF_EXPONENT));
        for (int i = 0; i < o.peers(); i++) {
            int as = i < peerAses.length ? peerAses[i] : peerAses[Draws.pick(placementRng, sizes)];
            long uplink = Uplinks.draw(CapacityMix.FOUR_TIER, o.rateKbps(), uplinkRng);
            nodes.add(Node.builder("p" + (i + 1), regionId(graph, as), uplink)
                    .wants(Servers.CHANNEL)
                    .build());
        }

        boolean[] in = o.scope() == AsScope.FULL ? all(graph.size()) : closure;
        List<Region> regions = new ArrayList<>();
        regions.add(Region.of(ROOT, RegionKind.OTHER, null));
        for (int v = 0; v < graph.size(); v++) {
            if (in[v]) {
                regions.add(new Region(
                        regionId(graph, v),
                        RegionKind.AS,
                        Optional.of(ROOT),
                        OptionalLong.of(graph.asn[v]),
                        Optional.empty(),
                        Optional.empty()));
            }
        }
        List<Link> links = new ArrayList<>();
        for (int l = 0; l < graph.relationships(); l++) {
            if (in[graph.a[l]] && in[graph.b[l]]) {
                links.add(link(graph, l, o.seed()));
            }
        }
        String id = "caida-as-" + o.scope().code() + "-" + o.peers();
        return Snapshot.of(id, TAKEN_AT, regions, links, List.of(channel), nodes);
    }

    private static Link link(AsRelationships graph, int l, long seed) {
        long x = graph.asn[graph.a[l]];
        long y = graph.asn[graph.b[l]];
        boolean peering = graph.peering[l];
        long lo = Math.min(x, y);
        long hi = Math.max(x, y);
        String id = peering ? "px:as" + lo + ":as" + hi : "tr:as" + x + ":as" + y;
        SplittableRandom rng = new SplittableRandom(seed * 0x9E37_79B9_7F4A_7C15L ^ (lo << 32 | hi));
        double median = peering ? PEERING_MEDIAN_MS : TRANSIT_MEDIAN_MS;
        double ms = median * Math.exp(LATENCY_SIGMA * Draws.gaussian(rng));
        ms = Draws.round(Math.max(MIN_LATENCY_MS, Math.min(MAX_LATENCY_MS, ms)), 1);
        return new Link(
                id,
                "as" + x,
                "as" + y,
                peering ? LinkKind.PEERING : LinkKind.TRANSIT,
                OptionalLong.empty(),
                ms,
                0,
                OptionalDouble.empty());
    }

    private static String regionId(AsRelationships graph, int v) {
        return "as" + graph.asn[v];
    }

    private static boolean[] all(int n) {
        boolean[] in = new boolean[n];
        Arrays.fill(in, true);
        return in;
    }
}
