package dev.canopy.model.generate;

import dev.canopy.model.Device;
import dev.canopy.model.Geo;
import dev.canopy.model.Limit;
import dev.canopy.model.Nat;
import dev.canopy.model.Node;
import dev.canopy.model.Technology;
import dev.canopy.model.Tier;
import dev.canopy.model.generate.Geography.Country;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws the peers of a generated snapshot, one after the other from one random stream, in
 * time and memory linear in their number: where each sits (an ISP by Zipf-like size, or an
 * enterprise), what it wants, its uplink per the mix and its other attributes. Records each
 * peer's demand for the link sizing and the critical mix.
 */
final class Peers {
    private static final Device[] DEVICES = {Device.DESKTOP, Device.LAPTOP, Device.PHONE, Device.SET_TOP, Device.OTHER};
    private static final double[] HOME_DEVICES = Draws.cumulative(new double[] {25, 30, 20, 20, 5});
    private static final double[] MOBILE_DEVICES = Draws.cumulative(new double[] {0, 20, 70, 0, 10});
    private static final double[] LIGHT_DEVICES = Draws.cumulative(new double[] {0, 0, 45, 40, 15});
    private static final double[] OFFICE_DEVICES = Draws.cumulative(new double[] {50, 50, 0, 0, 0});
    private static final Nat[] NATS = {
        Nat.OPEN, Nat.FULL_CONE, Nat.RESTRICTED, Nat.PORT_RESTRICTED, Nat.SYMMETRIC, Nat.UNKNOWN
    };
    private static final double[] HOME_NATS = Draws.cumulative(new double[] {8, 15, 17, 35, 15, 10});
    private static final double[] MOBILE_NATS = Draws.cumulative(new double[] {0, 0, 10, 25, 55, 10});
    private static final double[] OFFICE_NATS = Draws.cumulative(new double[] {0, 0, 0, 30, 60, 10});
    private static final Limit[] LIMITS = {Limit.NO_INBOUND, Limit.ACCESS_LIST, Limit.NO_RELAY};
    /** Share of peers that start a phone + desktop pair with one owner. */
    private static final double PAIR_SHARE = 0.005;

    private static final double GROUP_SHARE = 0.25;
    private static final double SECOND_CHANNEL_SHARE = 0.2;

    private final GeneratorOptions o;
    private final Topology t;
    private final SplittableRandom rng;
    private final List<String> channelIds;
    private final double[] channelCumulative;
    private final List<List<String>> wantsCache = new ArrayList<>();
    private final String[] groupIds;
    /** Per location (ISPs, then enterprises): the index of the last regular peer there, or -1. */
    private final int[] lastRegular;

    /** Each enterprise's peers' summed demand, kbps. */
    final long[] enterpriseDemandKbps;
    /**
     * Per continent: summed demand of peers whose access list admits only servers (and perhaps
     * one friend), which the continent's CDN must be able to carry.
     */
    final long[] serverOnlyDemandKbps;

    long totalDemandKbps;

    Peers(GeneratorOptions o, Topology t, List<String> channelIds, SplittableRandom rng) {
        this.o = o;
        this.t = t;
        this.rng = rng;
        this.channelIds = channelIds;
        this.channelCumulative = Draws.cumulative(Draws.zipf(channelIds.size(), 0.8));
        int c = channelIds.size();
        for (int a = 0; a < c; a++) {
            for (int b = 0; b < c; b++) {
                wantsCache.add(
                        a == b
                                ? List.of(channelIds.get(a))
                                : List.of(channelIds.get(Math.min(a, b)), channelIds.get(Math.max(a, b))));
            }
        }
        this.groupIds = new String[o.groups()];
        for (int g = 0; g < groupIds.length; g++) {
            groupIds[g] = "g" + (g + 1);
        }
        this.lastRegular = new int[t.ispCount() + t.enterpriseCount()];
        Arrays.fill(lastRegular, -1);
        this.enterpriseDemandKbps = new long[t.enterpriseCount()];
        this.serverOnlyDemandKbps = new long[t.continents.size()];
    }

    /** Appends every peer, in id order p1, p2, ..., to the list. */
    void addTo(List<Node> nodes) {
        String pairOwner = null;
        int pairCountry = -1;
        int pairs = 0;
        for (int i = 0; i < o.peers(); i++) {
            boolean pairPhone = pairOwner != null;
            int isp = -1;
            int enterprise = -1;
            if (pairPhone) {
                isp = t.mobileIsp[pairCountry];
            } else if (t.enterpriseCount() > 0 && rng.nextDouble() < o.enterpriseShare()) {
                enterprise = rng.nextInt(t.enterpriseCount());
            } else {
                isp = Draws.pick(rng, t.ispCumulative);
            }
            int country = enterprise >= 0 ? t.enterpriseCountry[enterprise] : t.ispCountry[isp];
            int location = enterprise >= 0 ? t.ispCount() + enterprise : isp;
            Technology technology = enterprise >= 0 ? Technology.FIBER : t.ispTechnology[isp];
            boolean wireless = technology == Technology.MOBILE || technology == Technology.SATELLITE;

            List<String> wants = wants();
            long demand = o.rateKbps() * wants.size();
            totalDemandKbps += demand;
            if (enterprise >= 0) {
                enterpriseDemandKbps[enterprise] += demand;
            }

            String region = enterprise >= 0 ? t.enterpriseId[enterprise] : t.ispId[isp];
            Node.Builder peer = Node.builder("p" + (i + 1), region, Uplinks.draw(o.mix(), demand, rng))
                    .wants(wants);
            boolean lightweight = rng.nextDouble() < o.lightweightShare();
            if (lightweight) {
                if (lightweight(peer, location)) {
                    serverOnlyDemandKbps[country / o.countriesPerContinent()] += demand;
                }
            } else {
                lastRegular[location] = i;
            }

            Device device;
            if (pairPhone) {
                device = Device.PHONE;
                peer.owner(pairOwner);
                pairOwner = null;
            } else if (i + 1 < o.peers() && rng.nextDouble() < PAIR_SHARE) {
                device = Device.DESKTOP;
                pairOwner = "u" + (++pairs);
                pairCountry = country;
                peer.owner(pairOwner);
            } else {
                double[] devices = lightweight
                        ? LIGHT_DEVICES
                        : enterprise >= 0 ? OFFICE_DEVICES : wireless ? MOBILE_DEVICES : HOME_DEVICES;
                device = DEVICES[Draws.pick(rng, devices)];
            }
            peer.device(device);
            double[] nats = enterprise >= 0 ? OFFICE_NATS : wireless ? MOBILE_NATS : HOME_NATS;
            peer.nat(NATS[Draws.pick(rng, nats)]);
            peer.tier(tier());
            if (wireless) {
                peer.downlinkKbps(Math.round(demand * Draws.uniform(rng, 2, 8)));
            } else if (rng.nextDouble() < 0.5) {
                peer.downlinkKbps(Math.round(demand * Draws.uniform(rng, 3, 20)));
            }
            double uptime = Draws.kumaraswamy(rng, 2, 1.2) * (device == Device.PHONE ? 0.75 : 1);
            peer.uptime(Draws.round(uptime, 3));
            peer.lossRate(Draws.round(lossRate(wireless), 4));
            groups(peer, location);
            if (enterprise >= 0) {
                peer.enterprise(t.enterpriseId[enterprise]);
            }
            Geo geo = near(t.countries.get(country));
            peer.geo(geo.lat(), geo.lon());
            nodes.add(peer.build());
        }
    }

    private List<String> wants() {
        int c = channelIds.size();
        int first = Draws.pick(rng, channelCumulative);
        if (c == 1 || rng.nextDouble() >= SECOND_CHANNEL_SHARE) {
            return wantsCache.get(first * c + first);
        }
        int second = Draws.pick(rng, channelCumulative);
        for (int tries = 0; second == first && tries < 8; tries++) {
            second = Draws.pick(rng, channelCumulative);
        }
        if (second == first) {
            second = (first + 1) % c;
        }
        return wantsCache.get(first * c + second);
    }

    /**
     * One or more limits, each with probability one half; an access list names the CDN and
     * origin roles and sometimes the last regular peer of the same location. Returns whether the
     * peer got an access list.
     */
    private boolean lightweight(Node.Builder peer, int location) {
        boolean[] on = new boolean[LIMITS.length];
        boolean any = false;
        for (int l = 0; l < LIMITS.length; l++) {
            on[l] = rng.nextDouble() < 0.5;
            any |= on[l];
        }
        if (!any) {
            on[rng.nextInt(LIMITS.length)] = true;
        }
        List<Limit> limits = new ArrayList<>(LIMITS.length);
        for (int l = 0; l < LIMITS.length; l++) {
            if (on[l]) {
                limits.add(LIMITS[l]);
            }
        }
        peer.lightweight(limits.toArray(new Limit[0]));
        if (on[1]) {
            int friend = lastRegular[location];
            if (friend >= 0 && rng.nextDouble() < 0.3) {
                peer.accessList("role:cdn", "role:origin", "p" + (friend + 1));
            } else {
                peer.accessList("role:cdn", "role:origin");
            }
        }
        return on[1];
    }

    private Tier tier() {
        double u = rng.nextDouble();
        if (u < o.premiumShare()) {
            return Tier.PREMIUM;
        }
        return u < o.premiumShare() + o.freeShare() ? Tier.FREE : Tier.STANDARD;
    }

    /**
     * Mostly 0 to 2 %, sometimes up to 8 %, rarely up to 25 %; wireless peers are lossy more
     * often.
     */
    private double lossRate(boolean wireless) {
        double u = rng.nextDouble();
        if (u < (wireless ? 0.85 : 0.92)) {
            return Draws.uniform(rng, 0, 0.02);
        }
        return u < (wireless ? 0.98 : 0.995) ? Draws.uniform(rng, 0.02, 0.08) : Draws.uniform(rng, 0.08, 0.25);
    }

    /** A quarter of the peers join a group (a fifth of those two), half of the time a local one. */
    private void groups(Node.Builder peer, int location) {
        if (groupIds.length == 0 || rng.nextDouble() >= GROUP_SHARE) {
            return;
        }
        int first = group(location);
        if (groupIds.length > 1 && rng.nextDouble() < 0.2) {
            int second = group(location);
            if (second == first) {
                second = (first + 1) % groupIds.length;
            }
            peer.groups(groupIds[first], groupIds[second]);
        } else {
            peer.groups(groupIds[first]);
        }
    }

    private int group(int location) {
        int n = groupIds.length;
        return rng.nextBoolean() ? (int) ((location * 31L + rng.nextInt(3)) % n) : rng.nextInt(n);
    }

    private Geo near(Country country) {
        Geo centre = country.centre();
        double spread = country.spreadDeg() * 0.5;
        double lat = Math.max(-89.9, Math.min(89.9, centre.lat() + spread * Draws.gaussian(rng)));
        double lon = centre.lon() + spread * Draws.gaussian(rng);
        lon = lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon;
        return new Geo(Draws.round(lat, 4), Draws.round(lon, 4));
    }
}
