package dev.canopy.model.real;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Continent codes ({@code eu}, {@code af}, {@code na}, {@code sa}, {@code as}, {@code oc}, as
 * the generator names its continents) and the ids of continent regions ({@code europe}, {@code
 * africa}, ...: the codes themselves would clash with country ids such as {@code sa}, Saudi
 * Arabia), from the United Nations sub-region names the streaming data set gives ("Western Europe", "Northern Africa",
 * ...). Central America and the Caribbean count as North America; Western Asia (the Gulf
 * states, Turkey, Israel, Georgia) as Asia.
 */
final class Continents {
    private static final Map<String, String> BY_SUBREGION = Map.ofEntries(
            Map.entry("western europe", "eu"),
            Map.entry("northern europe", "eu"),
            Map.entry("southern europe", "eu"),
            Map.entry("eastern europe", "eu"),
            Map.entry("northern africa", "af"),
            Map.entry("western africa", "af"),
            Map.entry("southern africa", "af"),
            Map.entry("eastern africa", "af"),
            Map.entry("middle africa", "af"),
            Map.entry("northern america", "na"),
            Map.entry("central america", "na"),
            Map.entry("caribbean", "na"),
            Map.entry("south america", "sa"),
            Map.entry("western asia", "as"),
            Map.entry("southern asia", "as"),
            Map.entry("south-eastern asia", "as"),
            Map.entry("eastern asia", "as"),
            Map.entry("central asia", "as"),
            Map.entry("melanesia", "oc"),
            Map.entry("micronesia", "oc"),
            Map.entry("polynesia", "oc"),
            Map.entry("australia and new zealand", "oc"));

    private static final Map<String, String> REGION_IDS = Map.of(
            "eu", "europe",
            "af", "africa",
            "na", "north-america",
            "sa", "south-america",
            "as", "asia",
            "oc", "oceania");

    private Continents() {}

    /** The id of the region of a continent code. */
    static String regionId(String code) {
        return REGION_IDS.get(code);
    }

    /** The continent code of a sub-region name (case-insensitive). */
    static Optional<String> ofSubregion(String name) {
        return Optional.ofNullable(BY_SUBREGION.get(name.strip().toLowerCase(Locale.ROOT)));
    }
}
