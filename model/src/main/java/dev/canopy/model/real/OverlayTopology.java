package dev.canopy.model.real;

import dev.canopy.model.Link;
import dev.canopy.model.LinkKind;
import dev.canopy.model.Region;
import dev.canopy.model.RegionKind;
import dev.canopy.model.Technology;
import dev.canopy.model.real.OverlayData.Site;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The regions and links of the deployed overlay's snapshot; see {@link RealOverlay} for the
 * choices. Region order: continents, then each continent's countries, each followed by its
 * ISPs, then the datacenters; link order: ISP access links, then country pairs.
 */
final class OverlayTopology {
    /** Lowest latency of a country-to-country link, ms. */
    static final double MIN_COUNTRY_LINK_MS = 1.0;

    /** Lowest latency of an ISP's link to its country, ms. */
    static final double MIN_ACCESS_LINK_MS = 0.1;

    private static final int MAX_SLUG = 60;

    final List<Region> regions = new ArrayList<>();
    final List<Link> links = new ArrayList<>();
    /** Per peer (dense number): its ISP region id. */
    final String[] peerRegion;
    /** Continent code to the id of its datacenter region, in region order. */
    final Map<String, String> datacenters = new TreeMap<>();
    /** Continent code to its number of peers. */
    final Map<String, Integer> continentPeers = new TreeMap<>();
    /** Country pairs with no measured RTT, which got a continent-level estimate. */
    int estimatedPairs;

    private final CountryRtt rtt;
    private final Map<String, String> continentOf = new TreeMap<>();
    private final double fallbackOwnRtt;

    OverlayTopology(OverlayData data, CountryRtt rtt) {
        this.rtt = rtt;
        this.fallbackOwnRtt = rtt.medianWithin();
        Map<String, Integer> countryPeers = new HashMap<>();
        Map<String, Set<String>> ispNames = new TreeMap<>();
        for (Site site : data.sites) {
            continentOf.putIfAbsent(site.country(), site.continent());
            countryPeers.merge(site.country(), 1, Integer::sum);
            ispNames.computeIfAbsent(site.country(), c -> new TreeSet<>()).add(site.isp());
        }
        for (Map.Entry<String, String> e : continentOf.entrySet()) {
            continentPeers.merge(e.getValue(), countryPeers.get(e.getKey()), Integer::sum);
        }
        Map<String, String> ispId = new HashMap<>();
        for (String continent : continentPeers.keySet()) {
            regions.add(Region.of(Continents.regionId(continent), RegionKind.CONTINENT, null));
            for (Map.Entry<String, String> e : continentOf.entrySet()) {
                if (!e.getValue().equals(continent)) {
                    continue;
                }
                String country = e.getKey();
                String countryId = countryId(country);
                regions.add(new Region(
                        countryId,
                        RegionKind.COUNTRY,
                        Optional.of(Continents.regionId(continent)),
                        OptionalLong.empty(),
                        Optional.of(country),
                        Optional.empty()));
                Set<String> taken = new HashSet<>();
                for (String isp : ispNames.get(country)) {
                    String base = "isp-" + countryId + "-" + slug(isp);
                    String id = base;
                    for (int n = 2; !taken.add(id); n++) {
                        id = base + "-" + n;
                    }
                    ispId.put(country + "|" + isp, id);
                    regions.add(Region.of(id, RegionKind.ISP, countryId));
                    links.add(new Link(
                            "acc:" + id,
                            id,
                            countryId,
                            LinkKind.TRANSIT,
                            OptionalLong.empty(),
                            round(Math.max(MIN_ACCESS_LINK_MS, ownRtt(country) / 4)),
                            0,
                            OptionalDouble.empty()));
                }
            }
        }
        for (String continent : continentPeers.keySet()) {
            String host = continentOf.keySet().stream()
                    .filter(c -> continentOf.get(c).equals(continent))
                    .max((a, b) -> countryPeers.get(a).equals(countryPeers.get(b))
                            ? b.compareTo(a)
                            : Integer.compare(countryPeers.get(a), countryPeers.get(b)))
                    .orElseThrow();
            String id = "dc-" + continent;
            datacenters.put(continent, id);
            regions.add(new Region(
                    id,
                    RegionKind.DATACENTER,
                    Optional.of(countryId(host)),
                    OptionalLong.empty(),
                    Optional.of(host),
                    Optional.of(Technology.DATACENTER)));
        }
        linkCountries();
        peerRegion = new String[data.sites.length];
        for (int i = 0; i < data.sites.length; i++) {
            Site site = data.sites[i];
            peerRegion[i] = ispId.get(site.country() + "|" + site.isp());
        }
    }

    /** The continent with the most peers (ties: first code). */
    String largestContinent() {
        return continentPeers.entrySet().stream()
                .max((a, b) -> a.getValue().equals(b.getValue())
                        ? b.getKey().compareTo(a.getKey())
                        : Integer.compare(a.getValue(), b.getValue()))
                .orElseThrow()
                .getKey();
    }

    /**
     * Every pair of present countries: one-way latency = RTT / 2 less the two in-country legs
     * (own RTT / 4 each, which the access links carry), at least {@value #MIN_COUNTRY_LINK_MS}
     * ms; a pair the table lacks gets the mean RTT of the measured pairs between the two
     * continents (else of all measured pairs).
     */
    private void linkCountries() {
        List<String> countries = new ArrayList<>(continentOf.keySet());
        Map<String, double[]> byContinents = new HashMap<>();
        double[] all = new double[2];
        for (int i = 0; i < countries.size(); i++) {
            for (int j = i + 1; j < countries.size(); j++) {
                OptionalDouble measured = rtt.between(countries.get(i), countries.get(j));
                if (measured.isPresent()) {
                    String key = continentKey(countries.get(i), countries.get(j));
                    double[] sum = byContinents.computeIfAbsent(key, k -> new double[2]);
                    sum[0] += measured.getAsDouble();
                    sum[1]++;
                    all[0] += measured.getAsDouble();
                    all[1]++;
                }
            }
        }
        for (int i = 0; i < countries.size(); i++) {
            for (int j = i + 1; j < countries.size(); j++) {
                String a = countries.get(i);
                String b = countries.get(j);
                OptionalDouble measured = rtt.between(a, b);
                double roundTrip;
                if (measured.isPresent()) {
                    roundTrip = measured.getAsDouble();
                } else {
                    estimatedPairs++;
                    double[] sum = byContinents.getOrDefault(continentKey(a, b), all);
                    roundTrip = sum[1] > 0 ? sum[0] / sum[1] : 2 * Link.DEFAULT_LATENCY_MS;
                }
                double oneWay = Math.max(MIN_COUNTRY_LINK_MS, roundTrip / 2 - ownRtt(a) / 4 - ownRtt(b) / 4);
                links.add(new Link(
                        "cc:" + countryId(a) + ":" + countryId(b),
                        countryId(a),
                        countryId(b),
                        LinkKind.TRANSIT,
                        OptionalLong.empty(),
                        round(oneWay),
                        0,
                        OptionalDouble.empty()));
            }
        }
    }

    private String continentKey(String a, String b) {
        String x = continentOf.get(a);
        String y = continentOf.get(b);
        return x.compareTo(y) <= 0 ? x + "|" + y : y + "|" + x;
    }

    /** Mean RTT between two hosts of the country, or the median of all countries' own RTTs. */
    private double ownRtt(String country) {
        return rtt.within(country).orElse(fallbackOwnRtt);
    }

    static String countryId(String iso) {
        return iso.toLowerCase(Locale.ROOT);
    }

    /** Lower-case ASCII letters and digits of a name, other runs as one {@code -}; never empty. */
    static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_SLUG) {
            slug = slug.substring(0, MAX_SLUG).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "isp" : slug;
    }

    private static double round(double ms) {
        return Math.round(ms * 10) / 10.0;
    }
}
