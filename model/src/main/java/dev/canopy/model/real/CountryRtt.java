package dev.canopy.model.real;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * RIPE Atlas round-trip times between countries ({@code ripe-atlas-country-rtt/}
 * {@value #FILE}): the mean RTT in ms ({@code rtt_avg}) per unordered country pair, and per
 * country with itself (the mean RTT between two hosts of one country). The mean is what the
 * table offers besides min and max; it is pulled up by a long tail, so these latencies err on
 * the high side. Rows for addresses of unknown country ({@code None}, {@code Unknown}) are
 * skipped. Immutable.
 */
final class CountryRtt {
    static final String FILE = "ripe-atlas-country-rtt/country_rtt_stat.csv.gz";

    /** How the table marks addresses of no known country; such rows are skipped. */
    private static final Set<String> UNKNOWN = Set.of("None", "Unknown");

    private final Map<String, Double> pairs;

    private CountryRtt(Map<String, Double> pairs) {
        this.pairs = pairs;
    }

    /** Reads the table from the data directory. */
    static CountryRtt load(Path dataDir) {
        Path file = DataFiles.require(dataDir, FILE);
        Map<String, Double> pairs = new HashMap<>();
        Csv[] csv = new Csv[1];
        DataFiles.eachLine(file, (line, text) -> {
            if (line == 1) {
                csv[0] = Csv.header(file, line, text, "cty1", "cty2", "rtt_avg");
                return;
            }
            if (text.isBlank()) {
                return;
            }
            Csv c = csv[0];
            List<String> fields = c.record(line, text);
            if (UNKNOWN.contains(fields.get(c.column("cty1")).strip())
                    || UNKNOWN.contains(fields.get(c.column("cty2")).strip())) {
                return;
            }
            String a = country(c.text(fields, c.column("cty1"), line), file, line);
            String b = country(c.text(fields, c.column("cty2"), line), file, line);
            double rtt = c.number(fields, c.column("rtt_avg"), line);
            if (rtt < 0) {
                throw DataFiles.malformed(file, line, "negative rtt_avg " + rtt);
            }
            pairs.put(key(a, b), rtt);
        });
        if (pairs.isEmpty()) {
            throw DataFiles.malformed(file, 1, "no country pairs");
        }
        return new CountryRtt(pairs);
    }

    /** Mean RTT between two different countries, ms, if measured. */
    OptionalDouble between(String a, String b) {
        Double rtt = pairs.get(key(a, b));
        return rtt == null ? OptionalDouble.empty() : OptionalDouble.of(rtt);
    }

    /** Mean RTT between two hosts of one country, ms, if measured. */
    OptionalDouble within(String country) {
        return between(country, country);
    }

    /** The median over every country's RTT with itself: the fallback for a country not in the table. */
    double medianWithin() {
        List<Double> own = new ArrayList<>();
        pairs.forEach((k, v) -> {
            if (k.substring(0, 2).equals(k.substring(3))) {
                own.add(v);
            }
        });
        double[] sorted = own.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return pairs.values().stream()
                            .mapToDouble(Double::doubleValue)
                            .min()
                            .orElse(0)
                    / 2;
        }
        return sorted.length % 2 == 1
                ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static String key(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
    }

    private static String country(String code, Path file, int line) {
        String upper = code.toUpperCase(Locale.ROOT);
        if (upper.length() != 2 || !upper.chars().allMatch(ch -> ch >= 'A' && ch <= 'Z')) {
            throw DataFiles.malformed(file, line, "\"" + code + "\" is not an ISO 3166-1 alpha-2 code");
        }
        return upper;
    }
}
