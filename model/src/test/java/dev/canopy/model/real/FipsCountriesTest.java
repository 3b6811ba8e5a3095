package dev.canopy.model.real;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FipsCountriesTest {
    private final FipsCountries table = FipsCountries.table();

    @Test
    void mapsTheCodesWhereFipsAndIsoDiffer() {
        assertThat(table.iso("UK")).contains("GB");
        assertThat(table.iso("GM")).contains("DE");
        assertThat(table.iso("MO")).contains("MA");
        assertThat(table.iso("SP")).contains("ES");
        assertThat(table.iso("AU")).contains("AT");
        assertThat(table.iso("AS")).contains("AU");
        assertThat(table.iso("SZ")).contains("CH");
        assertThat(table.iso("SG")).contains("SN");
        assertThat(table.iso("RI")).contains("RS");
        assertThat(table.iso("RS")).contains("RU");
    }

    @Test
    void keepsCodesThatAgreeAndIgnoresCase() {
        assertThat(table.iso("fr")).contains("FR");
        assertThat(table.iso(" US ")).contains("US");
    }

    @Test
    void knowsEveryCountryButNotCodesWithoutAnIsoCounterpart() {
        assertThat(table.size()).isEqualTo(266);
        assertThat(table.iso("AX")).isEmpty();
        assertThat(table.iso("PG")).isEmpty();
        assertThat(table.iso("ZZ")).isEmpty();
    }
}
