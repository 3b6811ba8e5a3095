package dev.canopy.solver.cpsat;

import dev.canopy.model.Limit;
import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotBuilder;
import dev.canopy.model.Tier;
import java.util.SplittableRandom;

/**
 * Seeded networks of a handful of nodes, small enough for the per-node model to be proved
 * optimal in well under a second: two countries, three ISPs, one origin, peers with 0 to 3 slots
 * of uplink, some lightweight, mixed tiers.
 */
final class TinyInstances {
    static final long RATE = 600;

    private TinyInstances() {}

    static Snapshot random(long seed, int peers, int parity) {
        SplittableRandom random = new SplittableRandom(seed);
        SnapshotBuilder b = SnapshotBuilder.create("tiny-" + seed)
                .region("world")
                .country("de", "world", "DE")
                .country("fr", "world", "FR")
                .region("isp-a", "de")
                .region("isp-b", "de")
                .region("isp-c", "fr")
                .link("la", "isp-a", "de", 2)
                .link("lb", "isp-b", "de", 3)
                .link("lc", "isp-c", "fr", 2)
                .link("x", "de", "fr", 20);
        String[] regions = {"isp-a", "isp-b", "isp-c"};
        b.codedChannel("live", RATE, 2, parity, "origin");
        long slot = RATE / 2;
        b.origin("origin", regions[random.nextInt(3)], slot * (2 + random.nextInt(3)));
        for (int p = 0; p < peers; p++) {
            String region = regions[random.nextInt(3)];
            long uplink = slot * random.nextInt(4);
            Tier tier = Tier.values()[random.nextInt(3)];
            double kind = random.nextDouble();
            if (kind < 0.15) {
                b.peer("p" + p, region, uplink, n -> n.lightweight(Limit.NO_INBOUND)
                        .tier(tier)
                        .wants("live"));
            } else if (kind < 0.25) {
                b.peer("p" + p, region, uplink, n -> n.lightweight(Limit.NO_RELAY)
                        .tier(tier)
                        .wants("live"));
            } else {
                b.peer("p" + p, region, uplink, n -> n.tier(tier).wants("live"));
            }
        }
        return b.build();
    }
}
