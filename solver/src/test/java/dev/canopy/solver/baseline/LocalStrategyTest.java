package dev.canopy.solver.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotBuilder;
import dev.canopy.model.generate.GeneratorOptions;
import dev.canopy.model.generate.NetworkGenerator;
import dev.canopy.solver.Strategy;
import dev.canopy.solver.StrategyContractTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalStrategyTest extends StrategyContractTest {
    @Override
    protected Strategy strategy() {
        return new LocalStrategy();
    }

    @Test
    void keepsMoreTrafficInsideIspsAndCountriesThanRandom() {
        Snapshot snapshot =
                NetworkGenerator.generate(GeneratorOptions.defaults(2000).withSeed(5));

        Planned local = Planned.of(strategy(), snapshot, 1);
        Planned random = Planned.of(new RandomStrategy(), snapshot, 1);

        assertThat(local.crossRegionShare()).isLessThan(random.crossRegionShare() / 2);
        assertThat(local.verification().metrics().crossCountryShare())
                .isLessThan(random.verification().metrics().crossCountryShare() / 2);
        assertThat(local.servedFraction()).isEqualTo(random.servedFraction());
    }

    /**
     * Holders: the origin abroad, one CDN in each of two German ISPs. A peer in an ISP with a
     * CDN takes that CDN; a peer in a German ISP without one takes a German holder, never the
     * origin abroad.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void prefersItsOwnIspThenItsCountry(long seed) {
        Snapshot snapshot = SnapshotBuilder.create("isps")
                .region("world")
                .country("de", "world", "DE")
                .country("fr", "world", "FR")
                .region("de-a", "de")
                .region("de-b", "de")
                .region("de-c", "de")
                .region("fr-a", "fr")
                .link("de-fr", "de", "fr", 20)
                .channel("live", 400, 4, "origin")
                .origin("origin", "fr-a", 400 * 10)
                .cdn("cdn-a", "de-a", 400 * 10, "live")
                .cdn("cdn-b", "de-b", 400 * 10, "live")
                .peer("in-a", "de-a", 400, "live")
                .peer("in-c", "de-c", 400, "live")
                .build();

        Planned planned = Planned.of(strategy(), snapshot, seed);

        assertThat(planned.parentsOf("in-a")).hasSize(4).containsOnly("cdn-a");
        assertThat(planned.parentsOf("in-c")).hasSize(4).doesNotContain("origin");
    }
}
