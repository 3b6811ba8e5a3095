package dev.canopy.model.real;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * FIPS 10-4 country codes (used by the streaming data set) to ISO 3166-1 alpha-2 codes (used by
 * the snapshot format and the other data sets), from the resource {@value #RESOURCE}: every FIPS
 * code that has an ISO counterpart, 266 of them. Immutable and thread-safe.
 */
final class FipsCountries {
    static final String RESOURCE = "/canopy/real/fips-to-iso.csv";

    private static final FipsCountries TABLE = read();

    private final Map<String, String> iso;

    private FipsCountries(Map<String, String> iso) {
        this.iso = Collections.unmodifiableMap(iso);
    }

    /** The table shipped with Canopy. */
    static FipsCountries table() {
        return TABLE;
    }

    /** The ISO code of a FIPS code (case-insensitive). */
    Optional<String> iso(String fips) {
        return Optional.ofNullable(iso.get(fips.strip().toUpperCase(Locale.ROOT)));
    }

    /** How many FIPS codes the table maps. */
    int size() {
        return iso.size();
    }

    private static FipsCountries read() {
        Map<String, String> map = new HashMap<>();
        try (InputStream in = FipsCountries.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            boolean header = true;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] fields = line.split(",", 3);
                if (fields.length < 2 || map.put(fields[0].strip(), fields[1].strip()) != null) {
                    throw new IllegalStateException(RESOURCE + ": bad or duplicate line: " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FipsCountries(map);
    }
}
