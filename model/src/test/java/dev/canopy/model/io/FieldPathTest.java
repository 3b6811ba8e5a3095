package dev.canopy.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldPathTest {
    @Test
    void printsFieldsWithDotsAndIndexesInBrackets() {
        assertThat(FieldPath.of("nodes", 3, "region")).hasToString("nodes[3].region");
        assertThat(FieldPath.of("nodes", 3, "accessList", 0)).hasToString("nodes[3].accessList[0]");
        assertThat(FieldPath.of("policies", 0, "nodes", "ipPrefixes", 2))
                .hasToString("policies[0].nodes.ipPrefixes[2]");
    }

    @Test
    void theRootPrintsAsRoot() {
        assertThat(FieldPath.ROOT).hasToString("(root)");
        assertThat(FieldPath.of()).isEqualTo(FieldPath.ROOT);
    }

    @Test
    void aPathStartingWithAnIndexHasNoLeadingDot() {
        assertThat(FieldPath.of(2, "id")).hasToString("[2].id");
    }

    @Test
    void extendingAPathLeavesTheOriginalUnchanged() {
        FieldPath policies = FieldPath.of("policies");

        FieldPath tz = policies.index(1).field("tz");

        assertThat(tz).isEqualTo(FieldPath.of("policies", 1, "tz")).hasToString("policies[1].tz");
        assertThat(policies).hasToString("policies");
    }

    @Test
    void isImmutableAgainstTheListItWasBuiltFrom() {
        List<Object> elements = new ArrayList<>(List.of("nodes", 0));
        FieldPath path = new FieldPath(elements);

        elements.add("id");

        assertThat(path).hasToString("nodes[0]");
    }
}
