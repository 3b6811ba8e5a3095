package dev.canopy.solver.cpsat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.generate.GeneratorOptions;
import dev.canopy.model.generate.NetworkGenerator;
import dev.canopy.solver.PlanningProblem;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The countries of a channel graph's vertices, which the substream search's country
 * neighbourhoods free: a hub path between two classes leaves a country exactly once when their
 * countries differ and never when they are the same, and every class has its region's country.
 */
class ChannelGraphTest {
    @Test
    void aHubPathLeavesACountryOnceIffItsClassesLieInDifferentCountries() {
        PlanningProblem problem = PlanningProblem.of(
                NetworkGenerator.generate(GeneratorOptions.defaults(200).withSeed(3)));
        PeerClasses pc = PeerClasses.of(problem);
        ChannelGraph graph = new ClassModel(pc).graphs[0];
        Set<String> countries = new HashSet<>();
        int paths = 0;
        int crossing = 0;
        for (int g = 0; g < graph.classes; g++) {
            String country = graph.countryOf(g);
            assertThat(country)
                    .isEqualTo(problem.index()
                            .regionCountry(pc.region[g])
                            .map(c -> "=" + c)
                            .orElse("#" + pc.region[g]));
            countries.add(country);
            for (int h = 0; h < graph.classes; h++) {
                int[] route = g == h ? new int[0] : graph.route(g, h);
                if (route.length == 0) {
                    continue;
                }
                int leaves = 0;
                for (int a : route) {
                    leaves += graph.countryOf(graph.tail[a]).equals(graph.countryOf(graph.head[a])) ? 0 : 1;
                }
                boolean apart = !country.equals(graph.countryOf(h));
                assertThat(leaves).as("path from class %d to %d", g, h).isEqualTo(apart ? 1 : 0);
                paths++;
                crossing += apart ? 1 : 0;
            }
        }
        assertThat(countries).hasSizeGreaterThan(2);
        assertThat(crossing).isPositive().isLessThan(paths);
    }
}
