package dev.canopy.solver.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.real.DataDirectory;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuitesTest {
    @Test
    void everyListedSuiteExistsAndNamesItsInstancesUniquely() {
        for (String name : Suites.NAMES) {
            Suite suite = Suites.byName(name).orElseThrow();
            List<BenchInstance> instances = suite.instances(suite.defaultSeeds());
            assertThat(instances).isNotEmpty();
            assertThat(instances.stream().map(BenchInstance::name)).doesNotHaveDuplicates();
        }
        assertThat(Suites.byName("Quick")).isPresent();
        assertThat(Suites.byName("huge")).isEmpty();
    }

    @Test
    void theQuickSuiteCoversTheFourFamiliesAtTwoSizesAndOneScalingInstance() {
        Suite quick = Suites.quick();
        List<BenchInstance> instances = quick.instances(3).stream()
                .filter(i -> i instanceof GeneratedInstance)
                .toList();

        assertThat(instances.stream().map(BenchInstance::family).distinct())
                .containsExactly("four-tier", "log-normal", "homogeneous", "critical");
        assertThat(instances).filteredOn(i -> i.peers() == 1_000).hasSize(12);
        assertThat(instances).filteredOn(i -> i.peers() == 10_000).hasSize(12);
        assertThat(instances)
                .filteredOn(i -> i.peers() == 100_000)
                .singleElement()
                .satisfies(i -> assertThat(i.measures()).isEmpty());
        assertThat(quick.strategyNames())
                .containsExactly(
                        "greedy",
                        "multi-tree",
                        "coded",
                        "random",
                        "local",
                        "splitstream",
                        "exact",
                        "multi-tree+polish");
        assertThat(quick.instances(1).stream().filter(i -> i instanceof GeneratedInstance))
                .hasSize(9);
    }

    @Test
    void theRealNetworksJoinOnOneSeedWhenTheirDataIsHere() {
        List<BenchInstance> real = Suites.quick().instances(3).stream()
                .filter(i -> !(i instanceof GeneratedInstance))
                .toList();
        if (DataDirectory.locate().isPresent()) {
            assertThat(real).extracting(BenchInstance::family).containsExactly("p2p-overlay", "as-graph");
            assertThat(real).allSatisfy(i -> assertThat(i.seed()).isEqualTo(1));
        } else {
            assertThat(real).isEmpty();
        }
    }

    @Test
    void theSmokeSuiteIsTiny() {
        Suite smoke = Suites.smoke();
        assertThat(smoke.instances(1)).allSatisfy(i -> assertThat(i.peers()).isLessThanOrEqualTo(200));
        assertThat(smoke.strategyNames()).hasSize(2);
    }
}
