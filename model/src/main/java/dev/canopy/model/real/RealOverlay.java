package dev.canopy.model.real;

import dev.canopy.model.Channel;
import dev.canopy.model.ChannelKind;
import dev.canopy.model.ContentClass;
import dev.canopy.model.Node;
import dev.canopy.model.Snapshot;
import dev.canopy.model.generate.Draws;
import dev.canopy.model.real.OverlayData.Session;
import dev.canopy.model.real.OverlayData.Site;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The deployed hybrid P2P live-streaming overlay of 2020-07-03 (data set {@code
 * p2p-live-streaming-links}) as a snapshot, with the sessions it actually ran.
 *
 * <p><b>Peers</b>: every pid seen as sender or receiver, id {@code p-} and the first 12 hex
 * digits of the UUID (more digits, the same number for all, if 12 were not unique), in pid
 * order after the servers; all want the one live channel {@code ch1}.
 *
 * <p><b>Regions</b>: continent ({@code europe}, {@code africa}, {@code north-america}, {@code
 * south-america}, {@code asia}, {@code oceania}, from the UN sub-region names) &gt; country (lower-case ISO code, from the FIPS 10-4
 * code) &gt; ISP (one per country and ISP name: {@code isp-<country>-<slug of the name>}); and
 * one datacenter {@code dc-<continent code>} ({@code dc-eu}, ...) per continent, under its country with the most peers.
 *
 * <p><b>Latency</b> (RIPE Atlas mean RTTs, one-way = RTT / 2): each ISP is linked to its
 * country with own-RTT / 4, so that two ISPs of one country are own-RTT / 2 apart (without
 * these links routing would attach both ISPs to their country and find them 0 ms apart); every
 * pair of present countries is linked with RTT / 2 less both in-country legs (at least 1 ms), so
 * that ISP-to-ISP across countries comes to the measured RTT / 2 where the legs allow; a pair
 * the table lacks gets the mean RTT of measured pairs between the two continents. A country not
 * in the table has the median own-RTT. Datacenters have no link of their own: they attach to
 * their country at 0 ms. No link has a capacity.
 *
 * <p><b>Capacities</b>: a peer's uplink is drawn log-normal (sigma {@value #SIGMA}) with its
 * country's Ookla April 2020 mean upload as the mean (Mbit/s x 1000 = kbps; the median of
 * Ookla's countries for a country Ookla lacks), and is never below the highest throughput it
 * was seen sending at. Downlinks likewise from the Ookla download mean, never below the
 * highest throughput it was seen receiving at, nor below the k + n substreams of the channel
 * (every peer of the data set watched the stream).
 *
 * <p><b>Servers</b>: {@code origin-1} in the datacenter of the continent with the most peers and
 * one CDN node {@code cdn-<continent code>} per continent with peers, provisioned as the generator
 * does. {@code takenAt} is the day's start, 2020-07-03T00:00:00Z.
 *
 * @param deployed the measured sessions, in file order
 */
public record RealOverlay(Snapshot snapshot, List<DeployedLink> deployed) {
    /** The snapshot's id. */
    public static final String ID = "p2p-live-2020-07-03";

    /** The instant the snapshot describes: the start of the day the sessions were measured. */
    public static final Instant TAKEN_AT = Instant.parse("2020-07-03T00:00:00Z");

    /** Spread (sigma of the logarithm) of the per-peer capacity draws around the country mean. */
    public static final double SIGMA = 0.8;

    public RealOverlay {
        deployed = List.copyOf(deployed);
    }

    /**
     * Reads the streaming sessions, the country RTTs and the Ookla speeds from the data
     * directory and builds the snapshot.
     *
     * @throws dev.canopy.model.io.InputException naming the file (and line) when a file is
     *     missing or malformed
     */
    public static RealOverlay load(Path dataDir, RealOverlayOptions options) {
        OverlayData data = OverlayData.load(dataDir);
        OverlayTopology topology = new OverlayTopology(data, CountryRtt.load(dataDir));
        OoklaSpeeds speeds = OoklaSpeeds.load(dataDir);
        SplittableRandom root = new SplittableRandom(options.seed());
        SplittableRandom serverRng = root.split();
        SplittableRandom peerRng = root.split();

        String[] ids = peerIds(data.pids);
        Channel channel = new Channel(
                Servers.CHANNEL,
                ChannelKind.LIVE,
                ContentClass.VIDEO,
                options.rateKbps(),
                options.substreams(),
                options.parity(),
                List.of(Servers.ORIGIN),
                OptionalInt.empty());
        List<Node> nodes = new ArrayList<>(ids.length + topology.datacenters.size() + 1);
        nodes.add(Servers.origin(topology.datacenters.get(topology.largestContinent()), options.rateKbps(), serverRng));
        for (Map.Entry<String, String> dc : topology.datacenters.entrySet()) {
            nodes.add(Servers.cdn("cdn-" + dc.getKey(), dc.getValue(), options.rateKbps(), serverRng));
        }
        long fullChannel = channel.substreamRateKbps() * channel.totalSubstreams();
        for (int i = 0; i < ids.length; i++) {
            Site site = data.sites[i];
            OoklaSpeeds.Speed speed = speeds.of(site.country());
            long up = Math.max((long) Math.ceil(data.maxSentKbps[i]), draw(speed.upMbps(), peerRng));
            long down = Math.max(
                    Math.max((long) Math.ceil(data.maxReceivedKbps[i]), fullChannel), draw(speed.downMbps(), peerRng));
            nodes.add(Node.builder(ids[i], topology.peerRegion[i], up)
                    .downlinkKbps(down)
                    .wants(Servers.CHANNEL)
                    .build());
        }
        Snapshot snapshot = Snapshot.of(ID, TAKEN_AT, topology.regions, topology.links, List.of(channel), nodes);
        List<DeployedLink> deployed = new ArrayList<>(data.sessions.size());
        for (Session s : data.sessions) {
            deployed.add(new DeployedLink(ids[s.sender()], ids[s.receiver()], s.bytes(), s.throughputKbps()));
        }
        return new RealOverlay(snapshot, deployed);
    }

    /** A log-normal draw whose mean is the given Mbit/s, in kbps. */
    private static long draw(double meanMbps, SplittableRandom rng) {
        double factor = Math.exp(SIGMA * Draws.gaussian(rng) - SIGMA * SIGMA / 2);
        return Math.round(meanMbps * 1000 * factor);
    }

    /** {@code p-} and the shortest common number (at least 12) of hex digits that tells every pid apart. */
    static String[] peerIds(List<String> pids) {
        List<String> hex = pids.stream().map(p -> p.replace("-", "")).toList();
        for (int digits = 12; ; digits++) {
            Set<String> seen = new HashSet<>();
            String[] ids = new String[hex.size()];
            boolean unique = true;
            for (int i = 0; i < ids.length && unique; i++) {
                ids[i] = "p-"
                        + hex.get(i).substring(0, Math.min(digits, hex.get(i).length()));
                unique = seen.add(ids[i]);
            }
            if (unique || digits >= 32) {
                return ids;
            }
        }
    }
}
