package dev.canopy.model.generate;

import dev.canopy.model.Geo;
import dev.canopy.model.Link;
import dev.canopy.model.LinkKind;
import dev.canopy.model.Region;
import dev.canopy.model.RegionKind;
import dev.canopy.model.Technology;
import dev.canopy.model.generate.Geography.Continent;
import dev.canopy.model.generate.Geography.Country;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * The region tree and links of a generated snapshot: continent &gt; country &gt; ISP, a
 * datacenter under each continent, enterprises under countries. ISPs, countries, enterprises
 * are addressed by dense indexes; ISP sizes follow a Zipf-like law (country popularity times
 * market share inside the country). Links are fixed here except the capacities that depend on
 * the traffic, which {@link #links(long, long[], double)} fills in once the peers are known.
 */
final class Topology {
    private static final long GBPS = 1_000_000;
    private static final int UNBOUNDED = -2;
    private static final int BACKBONE = -1;
    private static final Technology[] TECHNOLOGIES = {
        Technology.FIBER, Technology.CABLE, Technology.DSL, Technology.MOBILE, Technology.SATELLITE
    };
    private static final double[] TECHNOLOGY_CUMULATIVE = Draws.cumulative(new double[] {30, 25, 25, 15, 5});

    /** A link whose capacity may wait for the traffic; {@code sizing} is UNBOUNDED, BACKBONE or an enterprise. */
    private record Spec(String id, String a, String b, LinkKind kind, double latencyMs, int sizing, double loadShare) {}

    final List<Continent> continents;
    final List<Country> countries = new ArrayList<>();
    final List<Region> regions = new ArrayList<>();
    final String[] datacenters;

    final String[] ispId;
    final int[] ispCountry;
    final Technology[] ispTechnology;
    final double[] ispCumulative;
    /** Per country: the index of its first mobile ISP, or its first ISP when it has none. */
    final int[] mobileIsp;

    final String[] enterpriseId;
    final int[] enterpriseCountry;

    private final List<Spec> specs = new ArrayList<>();

    Topology(GeneratorOptions o, SplittableRandom rng) {
        continents = Geography.CONTINENTS.subList(0, o.continents());
        int perCountry = o.ispsPerCountry();
        datacenters = new String[continents.size()];
        for (int c = 0; c < continents.size(); c++) {
            Continent continent = continents.get(c);
            regions.add(Region.of(continent.id(), RegionKind.CONTINENT, null));
            for (Country country : continent.countries().subList(0, o.countriesPerContinent())) {
                countries.add(country);
                regions.add(new Region(
                        country.id(),
                        RegionKind.COUNTRY,
                        Optional.of(continent.id()),
                        OptionalLong.empty(),
                        Optional.of(country.code()),
                        Optional.empty()));
            }
        }
        int countryCount = countries.size();
        int ispCount = countryCount * perCountry;
        ispId = new String[ispCount];
        ispCountry = new int[ispCount];
        ispTechnology = new Technology[ispCount];
        mobileIsp = new int[countryCount];
        double[] countryWeight = new double[countryCount];
        double[] zipf = Draws.zipf(countryCount, 0.9);
        int[] rank = Draws.permutation(rng, countryCount);
        for (int k = 0; k < countryCount; k++) {
            countryWeight[k] = zipf[rank[k]];
        }
        double[] share = Draws.zipf(perCountry, 1.1);
        double shareTotal = Draws.cumulative(share)[perCountry - 1];
        double[] ispWeight = new double[ispCount];
        long asn = 1000;
        for (int k = 0; k < countryCount; k++) {
            Country country = countries.get(k);
            int[] order = Draws.permutation(rng, perCountry);
            mobileIsp[k] = -1;
            for (int j = 0; j < perCountry; j++) {
                int i = k * perCountry + j;
                ispId[i] = "isp-" + country.id() + "-" + (j + 1);
                ispCountry[i] = k;
                ispTechnology[i] = TECHNOLOGIES[Draws.pick(rng, TECHNOLOGY_CUMULATIVE)];
                ispWeight[i] = countryWeight[k] * share[order[j]] / shareTotal;
                asn += 100 + rng.nextInt(900);
                regions.add(new Region(
                        ispId[i],
                        RegionKind.ISP,
                        Optional.of(country.id()),
                        OptionalLong.of(asn),
                        Optional.empty(),
                        Optional.of(ispTechnology[i])));
                if (mobileIsp[k] < 0 && ispTechnology[i] == Technology.MOBILE) {
                    mobileIsp[k] = i;
                }
            }
            if (mobileIsp[k] < 0) {
                mobileIsp[k] = k * perCountry;
            }
        }
        ispCumulative = Draws.cumulative(ispWeight);

        for (int c = 0; c < continents.size(); c++) {
            Continent continent = continents.get(c);
            datacenters[c] = "dc-" + continent.id();
            regions.add(new Region(
                    datacenters[c],
                    RegionKind.DATACENTER,
                    Optional.of(continent.id()),
                    OptionalLong.of(64600 + c),
                    Optional.of(continent.countries().get(0).code()),
                    Optional.of(Technology.DATACENTER)));
        }

        int enterprises =
                o.enterpriseShare() == 0 ? 0 : (int) Math.max(1, Math.ceil(o.peers() * o.enterpriseShare() / 30));
        enterpriseId = new String[enterprises];
        enterpriseCountry = new int[enterprises];
        double[] countryCumulative = Draws.cumulative(countryWeight);
        int[][] enterpriseIsps = new int[enterprises][];
        for (int e = 0; e < enterprises; e++) {
            int k = Draws.pick(rng, countryCumulative);
            enterpriseCountry[e] = k;
            enterpriseId[e] = "ent-" + countries.get(k).id() + "-" + (e + 1);
            boolean multiHomed = perCountry >= 2 && rng.nextDouble() < 0.3;
            int first = rng.nextInt(perCountry);
            if (multiHomed) {
                int second = (first + 1 + rng.nextInt(perCountry - 1)) % perCountry;
                enterpriseIsps[e] = new int[] {k * perCountry + first, k * perCountry + second};
            } else {
                enterpriseIsps[e] = new int[] {k * perCountry + first};
            }
            regions.add(new Region(
                    enterpriseId[e],
                    RegionKind.ENTERPRISE,
                    Optional.of(countries.get(k).id()),
                    multiHomed ? OptionalLong.of(4_200_000_000L + e) : OptionalLong.empty(),
                    Optional.empty(),
                    Optional.of(Technology.FIBER)));
        }

        linkIsps(perCountry, rng);
        linkCountries(o.countriesPerContinent(), rng);
        linkBackbone(rng);
        for (int c = 0; c < continents.size(); c++) {
            unbounded(
                    "dc:" + continents.get(c).id(),
                    datacenters[c],
                    continents.get(c).id(),
                    LinkKind.TRANSIT,
                    Draws.uniform(rng, 1, 3));
        }
        for (int e = 0; e < enterprises; e++) {
            for (int isp : enterpriseIsps[e]) {
                specs.add(new Spec(
                        "ent:" + enterpriseId[e] + ":" + ispId[isp],
                        enterpriseId[e],
                        ispId[isp],
                        LinkKind.TRANSIT,
                        Draws.round(Draws.uniform(rng, 1, 4), 1),
                        e,
                        0));
            }
        }
    }

    int ispCount() {
        return ispId.length;
    }

    int enterpriseCount() {
        return enterpriseId.length;
    }

    /**
     * The links, with capacities sized from the traffic: a capped backbone link carries 1.5
     * times all demand (times the parity overhead) on top of its outside load, at least 10 Gbps;
     * an enterprise's access link four times its members' demand, at least 1 Gbps. Every other
     * link is unbounded.
     *
     * @param demandKbps the summed demand of every receiver
     * @param enterpriseDemandKbps the summed demand of each enterprise's peers
     * @param overhead (k + n) / k, what a receiver may be sent beyond its demand
     */
    List<Link> links(long demandKbps, long[] enterpriseDemandKbps, double overhead) {
        List<Link> links = new ArrayList<>(specs.size());
        for (Spec s : specs) {
            OptionalLong capacity = OptionalLong.empty();
            long load = 0;
            if (s.sizing() == BACKBONE) {
                long cap = roundUp(Math.max(10 * GBPS, (long) (1.5 * demandKbps * overhead)), 10 * GBPS);
                load = Math.round(cap * s.loadShare() / 1000) * 1000;
                capacity = OptionalLong.of(cap + load);
            } else if (s.sizing() >= 0) {
                long cap = roundUp(Math.max(GBPS, (long) (4 * enterpriseDemandKbps[s.sizing()] * overhead)), GBPS);
                capacity = OptionalLong.of(cap);
            }
            links.add(new Link(s.id(), s.a(), s.b(), s.kind(), capacity, s.latencyMs(), load, OptionalDouble.empty()));
        }
        return links;
    }

    private void linkIsps(int perCountry, SplittableRandom rng) {
        for (int k = 0; k < countries.size(); k++) {
            String country = countries.get(k).id();
            for (int j = 0; j < perCountry; j++) {
                String isp = ispId[k * perCountry + j];
                unbounded("tr:" + isp, isp, country, LinkKind.TRANSIT, Draws.uniform(rng, 2, 8));
            }
            for (int j = 0; j < perCountry; j++) {
                for (int m = j + 1; m < perCountry; m++) {
                    if (rng.nextDouble() < 0.5) {
                        String a = ispId[k * perCountry + j];
                        String b = ispId[k * perCountry + m];
                        unbounded("px:" + a + ":" + b, a, b, LinkKind.PEERING, Draws.uniform(rng, 1, 5));
                    }
                }
            }
        }
    }

    /** Each country to its continent's hub, and a ring of countries plus some chords. */
    private void linkCountries(int n, SplittableRandom rng) {
        int start = 0;
        for (Continent continent : continents) {
            for (int i = 0; i < n; i++) {
                Country country = countries.get(start + i);
                double ms = clamp(3 + km(country.centre(), continent.hub()) / 150 + Draws.uniform(rng, 0, 3), 3, 40);
                unbounded("up:" + country.id(), country.id(), continent.id(), LinkKind.TRANSIT, ms);
            }
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    boolean ring = j == i + 1 || (i == 0 && j == n - 1 && n > 2);
                    if (ring || rng.nextDouble() < 0.3) {
                        Country a = countries.get(start + i);
                        Country b = countries.get(start + j);
                        double ms = clamp(15 + km(a.centre(), b.centre()) / 120 + Draws.uniform(rng, 0, 5), 15, 60);
                        unbounded("cc:" + a.id() + ":" + b.id(), a.id(), b.id(), LinkKind.TRANSIT, ms);
                    }
                }
            }
            start += n;
        }
    }

    /** A full mesh between continent hubs; some links (at least one) are capped. */
    private void linkBackbone(SplittableRandom rng) {
        boolean capped = false;
        for (int i = 0; i < continents.size(); i++) {
            for (int j = i + 1; j < continents.size(); j++) {
                Continent a = continents.get(i);
                Continent b = continents.get(j);
                double ms = Draws.round(clamp(60 + km(a.hub(), b.hub()) / 120 + Draws.uniform(rng, 0, 10), 60, 200), 1);
                boolean cap = rng.nextDouble() < 0.4 || (!capped && i == continents.size() - 2);
                capped |= cap;
                specs.add(new Spec(
                        "bb:" + a.id() + ":" + b.id(),
                        a.id(),
                        b.id(),
                        LinkKind.TRANSIT,
                        ms,
                        cap ? BACKBONE : UNBOUNDED,
                        cap ? Draws.uniform(rng, 0.05, 0.25) : 0));
            }
        }
    }

    private void unbounded(String id, String a, String b, LinkKind kind, double latencyMs) {
        specs.add(new Spec(id, a, b, kind, Draws.round(latencyMs, 1), UNBOUNDED, 0));
    }

    private static double km(Geo a, Geo b) {
        return a.distanceKm(b);
    }

    private static double clamp(double value, double lo, double hi) {
        return Math.max(lo, Math.min(hi, value));
    }

    private static long roundUp(long value, long step) {
        return (value + step - 1) / step * step;
    }
}
