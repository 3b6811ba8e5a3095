package dev.canopy.model.real;

import dev.canopy.model.Device;
import dev.canopy.model.Nat;
import dev.canopy.model.Node;
import dev.canopy.model.Role;
import dev.canopy.model.generate.Draws;
import java.util.SplittableRandom;

/**
 * Origin and CDN nodes provisioned as the generator provisions them: an origin with 20 to 50
 * times the channel rate of uplink, CDN nodes with 10 to 40 times, each wanting the channel;
 * servers, open NAT, highly available.
 */
final class Servers {
    /** The channel of every real-data snapshot. */
    static final String CHANNEL = "ch1";

    /** The origin node's id. */
    static final String ORIGIN = "origin-1";

    private Servers() {}

    static Node origin(String region, long rateKbps, SplittableRandom rng) {
        long uplink = Math.round(rateKbps * Draws.uniform(rng, 20, 50));
        return server(ORIGIN, Role.ORIGIN, region, uplink).uptime(0.999).build();
    }

    static Node cdn(String id, String region, long rateKbps, SplittableRandom rng) {
        long uplink = Math.round(rateKbps * Draws.uniform(rng, 10, 40));
        return server(id, Role.CDN, region, uplink).uptime(0.995).wants(CHANNEL).build();
    }

    private static Node.Builder server(String id, Role role, String region, long uplinkKbps) {
        return Node.builder(id, region, uplinkKbps)
                .role(role)
                .device(Device.SERVER)
                .nat(Nat.OPEN);
    }
}
