package dev.canopy.model.generate;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * What {@link NetworkGenerator} builds: how many peers, how the region tree is shaped, the
 * channels, the capacity mix and the shares of peer attributes. Validated on construction;
 * every {@code with*} method returns a validated copy.
 *
 * @param peers number of peers (role {@code peer}), besides one origin per channel and one CDN
 *     node per continent; 1 to 20,000,000
 * @param continents how many continents, 1 to 6 (eu, na, as, sa, af, oc in that order)
 * @param countriesPerContinent countries per continent, 1 to 8 (real ISO 3166-1 codes)
 * @param ispsPerCountry ISP regions per country, 1 to 50
 * @param seed the seed of every random draw: the same options give equal snapshots
 * @param channels number of live channels, 1 to 64
 * @param rateKbps the rate of every channel, kbps
 * @param substreams k, substreams per channel, 1 to 256
 * @param parity n, erasure-coded extra substreams per channel, 0 to 256
 * @param mix how peer uplinks are distributed
 * @param lightweightShare share of peers that are lightweight, 0..1
 * @param premiumShare share of peers of tier premium, 0..1
 * @param freeShare share of peers of tier free, 0..1 (premium + free at most 1; the rest are
 *     standard)
 * @param groups number of affinity groups, 0 for none
 * @param enterpriseShare share of peers behind an enterprise firewall, 0..1
 * @param id the snapshot id
 */
public record GeneratorOptions(
        int peers,
        int continents,
        int countriesPerContinent,
        int ispsPerCountry,
        long seed,
        int channels,
        long rateKbps,
        int substreams,
        int parity,
        CapacityMix mix,
        double lightweightShare,
        double premiumShare,
        double freeShare,
        int groups,
        double enterpriseShare,
        String id) {

    /** Most peers a generator run accepts. */
    public static final int MAX_PEERS = 20_000_000;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    public GeneratorOptions {
        range("peers", peers, 1, MAX_PEERS);
        range("continents", continents, 1, Geography.CONTINENTS.size());
        range("countriesPerContinent", countriesPerContinent, 1, Geography.COUNTRIES_PER_CONTINENT);
        range("ispsPerCountry", ispsPerCountry, 1, 50);
        range("channels", channels, 1, 64);
        range("rateKbps", rateKbps, 1, 10_000_000);
        range("substreams", substreams, 1, 256);
        range("parity", parity, 0, 256);
        range("groups", groups, 0, MAX_PEERS);
        Objects.requireNonNull(mix, "mix");
        share("lightweightShare", lightweightShare);
        share("premiumShare", premiumShare);
        share("freeShare", freeShare);
        share("enterpriseShare", enterpriseShare);
        if (premiumShare + freeShare > 1) {
            throw new IllegalArgumentException(
                    "premiumShare + freeShare must be at most 1, got " + premiumShare + " + " + freeShare);
        }
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id must be 1 to 128 letters, digits, '.', '_', '-' or ':', got "
                    + (id == null ? "none" : "\"" + id + "\""));
        }
    }

    /**
     * Sensible defaults for a number of peers: 5 continents of 4 countries of 3 ISPs, seed 1, one
     * channel of 1200 kbps in 4 substreams without parity, four-tier uplinks, 10 % lightweight,
     * 10 % premium, 30 % free, one affinity group per 50 peers, 2 % enterprise peers, id
     * {@code synthetic}.
     */
    public static GeneratorOptions defaults(int peers) {
        return new GeneratorOptions(
                peers, 5, 4, 3, 1, 1, 1200, 4, 0, CapacityMix.FOUR_TIER, 0.1, 0.1, 0.3, peers / 50, 0.02, "synthetic");
    }

    /** A copy with another number of peers; the number of groups is kept as it is. */
    public GeneratorOptions withPeers(int value) {
        return copy(c -> c.peers = value);
    }

    public GeneratorOptions withContinents(int value) {
        return copy(c -> c.continents = value);
    }

    public GeneratorOptions withCountriesPerContinent(int value) {
        return copy(c -> c.countriesPerContinent = value);
    }

    public GeneratorOptions withIspsPerCountry(int value) {
        return copy(c -> c.ispsPerCountry = value);
    }

    public GeneratorOptions withSeed(long value) {
        return copy(c -> c.seed = value);
    }

    public GeneratorOptions withChannels(int value) {
        return copy(c -> c.channels = value);
    }

    public GeneratorOptions withRateKbps(long value) {
        return copy(c -> c.rateKbps = value);
    }

    public GeneratorOptions withSubstreams(int value) {
        return copy(c -> c.substreams = value);
    }

    public GeneratorOptions withParity(int value) {
        return copy(c -> c.parity = value);
    }

    public GeneratorOptions withMix(CapacityMix value) {
        return copy(c -> c.mix = value);
    }

    public GeneratorOptions withLightweightShare(double value) {
        return copy(c -> c.lightweightShare = value);
    }

    public GeneratorOptions withPremiumShare(double value) {
        return copy(c -> c.premiumShare = value);
    }

    public GeneratorOptions withFreeShare(double value) {
        return copy(c -> c.freeShare = value);
    }

    public GeneratorOptions withGroups(int value) {
        return copy(c -> c.groups = value);
    }

    public GeneratorOptions withEnterpriseShare(double value) {
        return copy(c -> c.enterpriseShare = value);
    }

    public GeneratorOptions withId(String value) {
        return copy(c -> c.id = value);
    }

    private static void range(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + value);
        }
    }

    private static void share(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be a share between 0 and 1, got " + value);
        }
    }

    /** A validated copy with one component changed by {@code change}. */
    private GeneratorOptions copy(Consumer<Components> change) {
        Components c = new Components(this);
        change.accept(c);
        return c.build();
    }

    /** The components of a copy while one of them is being changed. */
    private static final class Components {
        int peers;
        int continents;
        int countriesPerContinent;
        int ispsPerCountry;
        long seed;
        int channels;
        long rateKbps;
        int substreams;
        int parity;
        CapacityMix mix;
        double lightweightShare;
        double premiumShare;
        double freeShare;
        int groups;
        double enterpriseShare;
        String id;

        Components(GeneratorOptions o) {
            peers = o.peers;
            continents = o.continents;
            countriesPerContinent = o.countriesPerContinent;
            ispsPerCountry = o.ispsPerCountry;
            seed = o.seed;
            channels = o.channels;
            rateKbps = o.rateKbps;
            substreams = o.substreams;
            parity = o.parity;
            mix = o.mix;
            lightweightShare = o.lightweightShare;
            premiumShare = o.premiumShare;
            freeShare = o.freeShare;
            groups = o.groups;
            enterpriseShare = o.enterpriseShare;
            id = o.id;
        }

        GeneratorOptions build() {
            return new GeneratorOptions(
                    peers,
                    continents,
                    countriesPerContinent,
                    ispsPerCountry,
                    seed,
                    channels,
                    rateKbps,
                    substreams,
                    parity,
                    mix,
                    lightweightShare,
                    premiumShare,
                    freeShare,
                    groups,
                    enterpriseShare,
                    id);
        }
    }
}
