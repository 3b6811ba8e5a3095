package dev.canopy.policies.compile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The main time zone of each country, for policy {@code hours} given without {@code tz}. Java
 * has no country-to-zone table, so one ships as a resource ({@code country-zones.tsv}) derived
 * from tzdata's {@code zone.tab} (tzdata 2025b): the first zone listed for the country, except
 * for six countries whose first-listed zone is an outlying one (AU, BR, CA, RU, UA, UZ), where
 * the most populous zone is taken instead; the resource's header names them.
 *
 * <p>A node with no country, or with a code the table lacks, has its hours evaluated in UTC:
 * an operator who needs another zone for such nodes writes {@code tz} on the policy. Immutable
 * and thread-safe.
 */
public final class CountryZones {
    private static final String RESOURCE = "country-zones.tsv";
    private static final Map<String, ZoneId> ZONES = load();

    private CountryZones() {}

    /** The country's main zone, or empty when the table does not know the code. */
    public static Optional<ZoneId> mainZone(String country) {
        return Optional.ofNullable(ZONES.get(country));
    }

    /** The zone in which hours are evaluated for a node of the given country: its main zone, else UTC. */
    public static ZoneId zoneOf(Optional<String> country) {
        return country.flatMap(CountryZones::mainZone).orElse(ZoneOffset.UTC);
    }

    /** How many countries the table has. */
    static int size() {
        return ZONES.size();
    }

    private static Map<String, ZoneId> load() {
        Map<String, ZoneId> zones = new HashMap<>();
        try (InputStream in = CountryZones.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the policies module");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                zones.put(fields[0], ZoneId.of(fields[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(zones);
    }
}
