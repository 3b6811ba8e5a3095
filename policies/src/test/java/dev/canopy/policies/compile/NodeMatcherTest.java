package dev.canopy.policies.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Device;
import dev.canopy.model.Nat;
import dev.canopy.model.Role;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.Tier;
import dev.canopy.model.policy.NodeSelector;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NodeMatcherTest {
    private final SnapshotIndex index = SnapshotIndex.of(Worlds.twoIsps()
            .peer("corp-1", "sp2", 1000, b -> b.enterprise("corp")
                    .groups("friends")
                    .device(Device.LAPTOP)
                    .nat(Nat.OPEN)
                    .tier(Tier.PREMIUM)
                    .ip("10.1.2.3")
                    .country("CA"))
            .build());

    private List<String> selected(NodeSelector selector) {
        NodeMatcher matcher = NodeMatcher.of(selector, index);
        return IntStream.range(0, index.nodeCount())
                .filter(matcher::matches)
                .mapToObj(i -> index.node(i).id())
                .toList();
    }

    private static NodeSelector selector(
            List<String> ids, List<Role> roles, List<String> regions, List<String> countries, List<String> ipPrefixes) {
        return new NodeSelector(ids, roles, regions, countries, null, null, null, null, null, null, ipPrefixes);
    }

    @Test
    void emptySelectorSelectsEveryNode() {
        assertThat(selected(NodeSelector.ALL)).hasSize(5);
        assertThat(NodeMatcher.of(NodeSelector.ALL, index).selectsAll()).isTrue();
    }

    @Test
    void aRegionSelectsEverythingUnderIt() {
        assertThat(selected(selector(null, null, List.of("us"), null, null))).hasSize(5);
        assertThat(selected(selector(null, null, List.of("sp2"), null, null))).containsExactly("p2", "p3", "corp-1");
    }

    @Test
    void everyGivenFieldMustMatch() {
        assertThat(selected(selector(List.of("p2", "o1"), List.of(Role.PEER), null, null, null)))
                .containsExactly("p2");
        assertThat(selected(selector(null, null, List.of("sp2"), List.of("US"), null)))
                .as("corp-1 overrides its country")
                .containsExactly("p2", "p3");
        assertThat(selected(selector(null, null, null, null, List.of("10.0.0.0/8"))))
                .containsExactly("corp-1");
    }

    @Test
    void attributeFieldsSelectByTheNodesAttributes() {
        assertThat(selected(new NodeSelector(
                        null,
                        null,
                        null,
                        null,
                        List.of(Tier.PREMIUM),
                        null,
                        List.of("friends"),
                        List.of("corp"),
                        List.of(Device.LAPTOP),
                        List.of(Nat.OPEN),
                        null)))
                .containsExactly("corp-1");
        assertThat(selected(new NodeSelector(
                        null, null, null, null, null, null, null, null, List.of(Device.PHONE), null, null)))
                .isEmpty();
    }
}
