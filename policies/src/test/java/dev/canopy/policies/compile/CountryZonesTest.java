package dev.canopy.policies.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CountryZonesTest {
    @Test
    void mainZoneIsTheFirstListedOrTheMostPopulousOfAnOutlyingFirst() {
        assertThat(CountryZones.mainZone("DE")).contains(ZoneId.of("Europe/Berlin"));
        assertThat(CountryZones.mainZone("US")).contains(ZoneId.of("America/New_York"));
        assertThat(CountryZones.mainZone("AU")).contains(ZoneId.of("Australia/Sydney"));
        assertThat(CountryZones.mainZone("RU")).contains(ZoneId.of("Europe/Moscow"));
    }

    @Test
    void everyCountryOfTheTableResolvesAndUnknownOnesFallBackToUtc() {
        assertThat(CountryZones.size()).isGreaterThan(240);
        assertThat(CountryZones.mainZone("XX")).isEmpty();
        assertThat(CountryZones.zoneOf(Optional.of("XX"))).isEqualTo(ZoneOffset.UTC);
        assertThat(CountryZones.zoneOf(Optional.empty())).isEqualTo(ZoneOffset.UTC);
    }
}
