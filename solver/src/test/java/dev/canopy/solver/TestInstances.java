package dev.canopy.solver;

import dev.canopy.model.Limit;
import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotBuilder;
import dev.canopy.model.Tier;
import dev.canopy.model.generate.CapacityMix;
import dev.canopy.model.generate.GeneratorOptions;
import dev.canopy.model.generate.NetworkGenerator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/** Seeded random instances shared by the solver's tests. */
final class TestInstances {
    private TestInstances() {}

    /**
     * A few random networks of different shapes, and the generator's families (every capacity
     * mix, with and without parity, several channels) at a size the suite runs quickly.
     */
    static Stream<Snapshot> generated() {
        Stream<Snapshot> hand = Stream.of(
                random("random-small", 1, 60, 4, 0),
                random("random-parity", 2, 150, 4, 2),
                random("random-tight", 3, 300, 8, 0));
        Stream<Snapshot> families = Stream.of(CapacityMix.values())
                .map(mix -> NetworkGenerator.generate(GeneratorOptions.defaults(3000)
                        .withMix(mix)
                        .withSeed(11)
                        .withSubstreams(8)
                        .withId("gen-" + mix.code())));
        Stream<Snapshot> variants = Stream.of(
                NetworkGenerator.generate(GeneratorOptions.defaults(2000)
                        .withParity(2)
                        .withSeed(12)
                        .withId("gen-parity")),
                NetworkGenerator.generate(GeneratorOptions.defaults(2000)
                        .withChannels(3)
                        .withLightweightShare(0.3)
                        .withSeed(13)
                        .withId("gen-three-channels")));
        return Stream.of(hand, families, variants).flatMap(s -> s);
    }

    /**
     * A network of a few regions with links, one origin, a CDN per region and peers with mixed
     * uplinks, tiers and lightweight limits.
     */
    static Snapshot random(String id, long seed, int peers, int k, int parity) {
        SplittableRandom random = new SplittableRandom(seed);
        SnapshotBuilder b = SnapshotBuilder.create(id).region("world");
        int regions = 5;
        for (int r = 0; r < regions; r++) {
            b.country("c" + r, "world", new String[] {"DE", "FR", "US", "JP", "BR"}[r]);
            b.region("isp" + r + "a", "c" + r).region("isp" + r + "b", "c" + r);
            b.link("l" + r + "a", "isp" + r + "a", "c" + r, 2 + random.nextInt(5));
            b.link("l" + r + "b", "isp" + r + "b", "c" + r, 2 + random.nextInt(5));
            if (r > 0) {
                b.link("x" + r, "c" + (r - 1), "c" + r, 20 + random.nextInt(80));
            }
        }
        long rate = 1200;
        b.codedChannel("live", rate, k, parity, "origin");
        b.origin("origin", "isp0a", rate * 6);
        for (int r = 0; r < regions; r++) {
            b.cdn("cdn" + r, "isp" + r + "b", rate * 4, "live");
        }
        for (int p = 0; p < peers; p++) {
            String region = "isp" + random.nextInt(regions) + (random.nextBoolean() ? "a" : "b");
            long uplink = (long) (rate * new double[] {0.5, 1, 2, 4}[pick(random, 0.3, 0.4, 0.2)]);
            Tier tier =
                    random.nextDouble() < 0.1 ? Tier.PREMIUM : random.nextDouble() < 0.3 ? Tier.FREE : Tier.STANDARD;
            double lightweight = random.nextDouble();
            String nodeId = "p" + p;
            if (lightweight < 0.05) {
                b.peer(nodeId, region, uplink, n -> n.lightweight(Limit.NO_INBOUND)
                        .tier(tier)
                        .wants("live"));
            } else if (lightweight < 0.08) {
                b.peer(nodeId, region, uplink, n -> n.lightweight(Limit.NO_RELAY, Limit.NO_INBOUND)
                        .tier(tier)
                        .wants("live"));
            } else if (lightweight < 0.10) {
                b.lightweight(nodeId, region, uplink, List.of(Limit.ACCESS_LIST), "live");
            } else {
                b.peer(nodeId, region, uplink, n -> n.tier(tier)
                        .uptime(random.nextDouble())
                        .wants("live"));
            }
        }
        return b.build();
    }

    private static int pick(SplittableRandom random, double... shares) {
        double x = random.nextDouble();
        for (int i = 0; i < shares.length; i++) {
            x -= shares[i];
            if (x < 0) {
                return i;
            }
        }
        return shares.length;
    }
}
