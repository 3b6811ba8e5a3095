package dev.canopy.model.generate;

import dev.canopy.model.Geo;
import java.util.List;
import java.util.Locale;

/**
 * The fixed world the generator draws from: six continents, each with a hub (where its
 * backbone and datacenter sit) and eight real countries (ISO 3166-1 alpha-2), each with a
 * rough centre and a spread in degrees for peer locations. Countries are listed most
 * connected first, so that small snapshots take the larger markets.
 */
final class Geography {
    static final int COUNTRIES_PER_CONTINENT = 8;

    /** A country: ISO code, centre and how far peers scatter around it (degrees). */
    record Country(String code, Geo centre, double spreadDeg) {
        String id() {
            return code.toLowerCase(Locale.ROOT);
        }
    }

    /** A continent: region id, hub location and its countries. */
    record Continent(String id, Geo hub, List<Country> countries) {}

    static final List<Continent> CONTINENTS = List.of(
            new Continent(
                    "eu",
                    new Geo(50.1, 8.7),
                    List.of(
                            country("DE", 51.2, 10.4, 2.5), country("FR", 46.6, 2.2, 3.0),
                            country("GB", 53.0, -1.5, 2.0), country("IT", 42.8, 12.5, 2.5),
                            country("ES", 40.4, -3.7, 3.0), country("NL", 52.1, 5.3, 0.8),
                            country("PL", 52.0, 19.4, 2.5), country("SE", 60.0, 15.0, 3.5))),
            new Continent(
                    "na",
                    new Geo(39.0, -77.5),
                    List.of(
                            country("US", 39.8, -95.0, 11.0), country("CA", 47.5, -85.0, 8.0),
                            country("MX", 21.5, -101.0, 4.5), country("GT", 15.1, -90.4, 0.9),
                            country("CR", 9.9, -84.1, 0.6), country("PA", 8.7, -80.0, 0.8),
                            country("DO", 18.8, -70.3, 0.7), country("JM", 18.1, -77.3, 0.4))),
            new Continent(
                    "as",
                    new Geo(22.3, 114.2),
                    List.of(
                            country("JP", 36.0, 138.0, 3.5), country("KR", 36.5, 127.8, 1.3),
                            country("IN", 22.0, 79.0, 7.0), country("CN", 32.0, 112.0, 8.0),
                            country("SG", 1.35, 103.8, 0.1), country("ID", -4.0, 112.0, 5.0),
                            country("TH", 14.5, 100.8, 2.5), country("VN", 15.0, 107.0, 3.0))),
            new Continent(
                    "sa",
                    new Geo(-23.5, -46.6),
                    List.of(
                            country("BR", -15.0, -47.0, 8.0), country("AR", -34.6, -62.0, 5.0),
                            country("CL", -33.5, -70.7, 2.5), country("CO", 4.6, -74.3, 2.5),
                            country("PE", -10.0, -76.0, 3.0), country("VE", 8.0, -66.0, 2.5),
                            country("EC", -1.8, -78.2, 1.2), country("UY", -33.0, -56.0, 1.2))),
            new Continent(
                    "af",
                    new Geo(-26.2, 28.0),
                    List.of(
                            country("ZA", -28.5, 26.0, 4.0), country("NG", 8.0, 6.0, 3.5),
                            country("EG", 29.0, 31.0, 3.0), country("KE", -0.5, 37.0, 2.5),
                            country("MA", 32.0, -6.5, 2.5), country("GH", 6.8, -1.2, 1.8),
                            country("ET", 9.0, 39.5, 3.0), country("TZ", -6.4, 35.0, 3.0))),
            new Continent(
                    "oc",
                    new Geo(-33.9, 151.2),
                    List.of(
                            country("AU", -30.0, 145.0, 8.0), country("NZ", -39.5, 175.0, 2.5),
                            country("FJ", -17.8, 178.0, 0.8), country("PG", -6.3, 145.0, 2.5),
                            country("NC", -21.3, 165.5, 0.8), country("WS", -13.8, -172.0, 0.4),
                            country("TO", -21.2, -175.2, 0.4), country("VU", -15.4, 167.0, 0.8))));

    private Geography() {}

    private static Country country(String code, double lat, double lon, double spreadDeg) {
        return new Country(code, new Geo(lat, lon), spreadDeg);
    }
}
