package dev.canopy.solver.cpsat;

import dev.canopy.model.Limit;
import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotBuilder;
import dev.canopy.model.Tier;
import java.util.SplittableRandom;

/**
 * Seeded networks of a handful of nodes, small enough for the per-node model to be proved
 * optimal in well under a second: two countries, three ISPs, one origin, peers with 0 to 3 slots
 * of uplink, some lightweight (no-inbound, no-relay, an access list naming the servers), mixed
 * tiers; by seed also a second channel, parity substreams and capped links.
 */
final class TinyInstances {
    static final long RATE = 600;

    private TinyInstances() {}

    /** The family of a seed: seed mod 4 picks one channel, parity 1, two channels, or capped links. */
    static Snapshot family(long seed) {
        int kind = (int) (seed % 4);
        return build(seed, 4 + (int) (seed % 4), kind == 1 ? 1 : 0, kind == 2, kind == 3);
    }

    static Snapshot random(long seed, int peers, int parity) {
        return build(seed, peers, parity, false, false);
    }

    private static Snapshot build(long seed, int peers, int parity, boolean twoChannels, boolean caps) {
        SplittableRandom random = new SplittableRandom(seed);
        SnapshotBuilder b = SnapshotBuilder.create("tiny-" + seed)
                .region("world")
                .country("de", "world", "DE")
                .country("fr", "world", "FR")
                .region("isp-a", "de")
                .region("isp-b", "de")
                .region("isp-c", "fr");
        if (caps) {
            b.link("la", "isp-a", "de", 2, RATE * 40)
                    .link("lb", "isp-b", "de", 3, RATE * 40)
                    .link("lc", "isp-c", "fr", 2)
                    .link("x", "de", "fr", 20, RATE * 40);
        } else {
            b.link("la", "isp-a", "de", 2)
                    .link("lb", "isp-b", "de", 3)
                    .link("lc", "isp-c", "fr", 2)
                    .link("x", "de", "fr", 20);
        }
        String[] regions = {"isp-a", "isp-b", "isp-c"};
        b.codedChannel("live", RATE, 2, parity, "origin");
        if (twoChannels) {
            b.codedChannel("news", RATE, 2, 0, "origin");
        }
        long slot = RATE / 2;
        b.origin("origin", regions[random.nextInt(3)], slot * (2 + random.nextInt(3) + (twoChannels ? 2 : 0)));
        for (int p = 0; p < peers; p++) {
            String region = regions[random.nextInt(3)];
            long uplink = slot * random.nextInt(4);
            Tier tier = Tier.values()[random.nextInt(3)];
            String[] wants = !twoChannels
                    ? new String[] {"live"}
                    : switch (random.nextInt(3)) {
                        case 0 -> new String[] {"live"};
                        case 1 -> new String[] {"news"};
                        default -> new String[] {"live", "news"};
                    };
            double kind = random.nextDouble();
            if (kind < 0.15) {
                b.peer("p" + p, region, uplink, n -> n.lightweight(Limit.NO_INBOUND)
                        .tier(tier)
                        .wants(wants));
            } else if (kind < 0.25) {
                b.peer("p" + p, region, uplink, n -> n.lightweight(Limit.NO_RELAY)
                        .tier(tier)
                        .wants(wants));
            } else if (kind < 0.32) {
                b.peer("p" + p, region, uplink, n -> n.lightweight(Limit.ACCESS_LIST)
                        .accessList("role:origin")
                        .tier(tier)
                        .wants(wants));
            } else {
                b.peer("p" + p, region, uplink, n -> n.tier(tier).wants(wants));
            }
        }
        return b.build();
    }
}
