package dev.canopy.solver.polish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.solver.Locality;
import org.junit.jupiter.api.Test;

class NetworkTest {
    private final PolishSolutionFixture f = new PolishSolutionFixture();

    @Test
    void regionCostsAreLocalitysOnEveryPairOfRegions() {
        for (int a = 0; a < f.index.regionCount(); a++) {
            for (int b = 0; b < f.index.regionCount(); b++) {
                assertThat(f.network.regionCost(a, b))
                        .as(
                                "%s -> %s",
                                f.index.region(a).id(), f.index.region(b).id())
                        .isEqualTo(Locality.regionCost(f.index, a, b));
            }
        }
    }

    @Test
    void onlyRoutesOverTheCappedLinkCarryLoads() {
        int a = f.index.regionIndex("isp-a").orElseThrow();
        int b = f.index.regionIndex("isp-b").orElseThrow();
        int c = f.index.regionIndex("isp-c").orElseThrow();
        assertThat(f.network.loads(a, b, 300)).isEmpty();
        assertThat(f.network.loads(a, c, 300)).singleElement().satisfies(load -> {
            assertThat(load.direction().link).isEqualTo("x");
            assertThat(load.kbps()).isEqualTo(300);
        });
        assertThat(f.network.loads(c, a, 300).get(0).direction())
                .isNotSameAs(f.network.loads(a, c, 300).get(0).direction());
    }
}
