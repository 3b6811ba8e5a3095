package dev.canopy.model.generate;

import dev.canopy.model.Channel;
import dev.canopy.model.ChannelKind;
import dev.canopy.model.ContentClass;
import dev.canopy.model.Device;
import dev.canopy.model.Nat;
import dev.canopy.model.Node;
import dev.canopy.model.Role;
import dev.canopy.model.Snapshot;
import dev.canopy.model.generate.Geography.Continent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * Builds synthetic but plausible snapshots for tests, benchmarks and demonstrations.
 *
 * <p>Regions: continents, each with real countries (ISO 3166-1 codes), each with ISPs (with
 * ASN and access technology) whose sizes follow a Zipf-like law; a datacenter under every
 * continent; enterprises under countries, linked to one ISP or, multi-homed, to two. Links:
 * ISP to country (transit, 2-8 ms), ISP to ISP in a country (peering, 1-5 ms, about half of
 * the pairs), country to continent hub and country to country in a ring with chords (transit,
 * 15-60 ms), a full mesh of continent backbones (60-200 ms), datacenter to continent. Only some
 * backbone links (at 1.5 times all demand on top of an outside load, at least 10 Gbps) and the
 * enterprise access links (four times their members' demand, at least 1 Gbps) are capped;
 * everything else is unbounded, so link caps never make a snapshot trivially infeasible.
 *
 * <p>Nodes, in this order: one origin per channel (ids {@code origin-1}, ..., sources of
 * {@code ch1}, ...) in a datacenter with 20-50 x rate of uplink; one CDN node per continent
 * ({@code cdn-eu}, ...) wanting every channel with 10-40 x their summed rate, and at least 1.5
 * times the demand of the continent's peers whose access list admits only servers; then the peers
 * {@code p1}, {@code p2}, ... (see {@link Peers}).
 *
 * <p>The result depends only on the options: the same options give equal snapshots, on every
 * run and JDK; there is no wall clock ({@code takenAt} is fixed) and no global state. Time and
 * memory are linear in the number of peers. Thread-safe.
 */
public final class NetworkGenerator {
    /** The instant every generated snapshot describes. */
    public static final Instant TAKEN_AT = Instant.parse("2026-11-21T20:00:00Z");

    private NetworkGenerator() {}

    /** A snapshot built from the options. */
    public static Snapshot generate(GeneratorOptions o) {
        SplittableRandom root = new SplittableRandom(o.seed());
        SplittableRandom topologyRng = root.split();
        SplittableRandom serverRng = root.split();
        SplittableRandom peerRng = root.split();
        Topology topology = new Topology(o, topologyRng);

        List<String> channelIds = new ArrayList<>(o.channels());
        List<Channel> channels = new ArrayList<>(o.channels());
        int servers = o.channels() + topology.continents.size();
        List<Node> nodes = new ArrayList<>(servers + o.peers());
        for (int c = 0; c < o.channels(); c++) {
            String channel = "ch" + (c + 1);
            String origin = "origin-" + (c + 1);
            channelIds.add(channel);
            channels.add(new Channel(
                    channel,
                    ChannelKind.LIVE,
                    ContentClass.VIDEO,
                    o.rateKbps(),
                    o.substreams(),
                    o.parity(),
                    List.of(origin),
                    OptionalInt.empty()));
            long uplink = Math.round(o.rateKbps() * Draws.uniform(serverRng, 20, 50));
            nodes.add(server(origin, Role.ORIGIN, topology.datacenters[c % topology.datacenters.length], uplink)
                    .uptime(0.999)
                    .build());
        }
        long cdnDemand = o.rateKbps() * o.channels();
        double overhead = (double) (o.substreams() + o.parity()) / o.substreams();
        Peers peers = new Peers(o, topology, channelIds, peerRng);
        List<Node> peerNodes = new ArrayList<>(o.peers());
        peers.addTo(peerNodes);
        for (int c = 0; c < topology.continents.size(); c++) {
            Continent continent = topology.continents.get(c);
            // Provisioned for the peers that may only receive from servers, with a margin.
            long serverOnly = (long) Math.ceil(1.5 * overhead * peers.serverOnlyDemandKbps[c]);
            long uplink = Math.max(Math.round(cdnDemand * Draws.uniform(serverRng, 10, 40)), serverOnly);
            nodes.add(server("cdn-" + continent.id(), Role.CDN, topology.datacenters[c], uplink)
                    .uptime(0.995)
                    .wants(channelIds)
                    .build());
        }
        nodes.addAll(peerNodes);
        long demand = peers.totalDemandKbps + cdnDemand * topology.continents.size();
        if (o.mix() == CapacityMix.CRITICAL) {
            critical(nodes, o.channels(), o.rateKbps(), demand);
        }
        return Snapshot.of(
                o.id(),
                TAKEN_AT,
                topology.regions,
                topology.links(demand, peers.enterpriseDemandKbps, overhead),
                channels,
                nodes);
    }

    private static Node.Builder server(String id, Role role, String region, long uplinkKbps) {
        return Node.builder(id, region, uplinkKbps)
                .role(role)
                .device(Device.SERVER)
                .nat(Nat.OPEN);
    }

    /**
     * Rescales uplinks so that all of them sum to exactly 1.02 times the demand. The origins
     * (the first {@code origins} nodes) keep theirs unless they would take more than half of
     * that, in which case they shrink towards it but never below the channel rate; CDN and peer
     * uplinks are scaled in proportion to their four-tier draws to make up the rest.
     */
    private static void critical(List<Node> nodes, int origins, long rateKbps, long demandKbps) {
        long total = Uplinks.criticalTotal(demandKbps);
        long half = total / 2;
        long originSum = 0;
        for (int c = 0; c < origins; c++) {
            originSum += nodes.get(c).uplinkKbps();
        }
        if (originSum > half) {
            boolean floor = (long) origins * rateKbps >= half;
            long sum = originSum;
            for (int c = 0; c < origins; c++) {
                long scaled = floor
                        ? rateKbps
                        : Math.max(rateKbps, (long) Math.floor(nodes.get(c).uplinkKbps() * ((double) half / sum)));
                nodes.set(c, nodes.get(c).withUplinkKbps(scaled));
            }
            originSum = 0;
            for (int c = 0; c < origins; c++) {
                originSum += nodes.get(c).uplinkKbps();
            }
        }
        long[] rest = new long[nodes.size() - origins];
        for (int i = 0; i < rest.length; i++) {
            rest[i] = nodes.get(origins + i).uplinkKbps();
        }
        Uplinks.scaleTo(rest, total - originSum);
        for (int i = 0; i < rest.length; i++) {
            Node node = nodes.get(origins + i);
            if (node.uplinkKbps() != rest[i]) {
                nodes.set(origins + i, node.withUplinkKbps(rest[i]));
            }
        }
    }
}
