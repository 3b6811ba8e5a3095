package dev.canopy.model.real;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.canopy.model.io.InputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Ookla's mean fixed-broadband speeds per country, April 2020 ({@value #FILE}), in Mbit/s
 * (10^6 bit/s). The file stores the speeds as strings; numbers are accepted too. Immutable.
 */
final class OoklaSpeeds {
    static final String FILE = "ookla-speed-by-country-city/2020.04-speed-data.json";

    /** Up and down, Mbit/s. */
    record Speed(double upMbps, double downMbps) {}

    private final Map<String, Speed> countries;
    private final Speed median;

    private OoklaSpeeds(Map<String, Speed> countries) {
        this.countries = countries;
        this.median = new Speed(
                median(countries.values().stream().mapToDouble(Speed::upMbps).toArray()),
                median(countries.values().stream().mapToDouble(Speed::downMbps).toArray()));
    }

    /** Reads the country table from the data directory. */
    static OoklaSpeeds load(Path dataDir) {
        Path file = DataFiles.require(dataDir, FILE);
        JsonNode root;
        try (BufferedReader reader = DataFiles.open(file)) {
            root = new ObjectMapper().readTree(reader);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw DataFiles.malformed(file, line, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw InputException.ofFile(file.toString(), "cannot read: " + e.getMessage());
        }
        JsonNode list = root == null ? null : root.get("countries");
        if (list == null || !list.isObject() || list.isEmpty()) {
            throw InputException.ofFile(file.toString(), "no \"countries\" object");
        }
        Map<String, Speed> countries = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = list.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String code = e.getKey().toUpperCase(Locale.ROOT);
            countries.put(
                    code,
                    new Speed(
                            mbps(e.getValue(), "up_mbits", file, code), mbps(e.getValue(), "down_mbits", file, code)));
        }
        return new OoklaSpeeds(countries);
    }

    /** A country's mean speeds, or the median over all countries when it is not listed. */
    Speed of(String country) {
        return countries.getOrDefault(country, median);
    }

    /** Whether the country is listed. */
    boolean has(String country) {
        return countries.containsKey(country);
    }

    private static double mbps(JsonNode country, String field, Path file, String code) {
        JsonNode value = country.get(field);
        OptionalDouble x = OptionalDouble.empty();
        if (value != null && value.isNumber()) {
            x = OptionalDouble.of(value.asDouble());
        } else if (value != null && value.isTextual()) {
            try {
                x = OptionalDouble.of(Double.parseDouble(value.asText().strip()));
            } catch (NumberFormatException e) {
                x = OptionalDouble.empty();
            }
        }
        if (x.isEmpty() || !(x.getAsDouble() > 0) || Double.isInfinite(x.getAsDouble())) {
            throw InputException.ofFile(
                    file.toString(),
                    "countries." + code + "." + field + ": expected a positive number of Mbit/s, found " + value);
        }
        return x.getAsDouble();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
