package dev.canopy.policies.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.io.Documents;
import dev.canopy.model.io.InputException;
import dev.canopy.model.io.Problem;
import dev.canopy.model.routing.Routing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyReferencesTest {
    private final SnapshotIndex index = SnapshotIndex.of(Worlds.twoIsps().build());

    private List<String> problems(String policies) {
        return PolicyReferences.check(Compiled.document(policies), index).stream()
                .map(Problem::toString)
                .map(s -> s.replaceAll("^Problem\\[path=", "").replaceAll("]$", ""))
                .toList();
    }

    @Test
    void everyUnknownNameIsReportedAtItsPlace() {
        List<Problem> found = PolicyReferences.check(
                Compiled.document(
                        """
                          - id: a
                            kind: link-cap
                            link: sp9
                            maxKbps: 1
                          - id: b
                            kind: deny
                            channels: { ids: [live, tv] }
                            nodes: { regions: [mars], groups: [chess], enterprises: [corp], ids: [p7] }
                          - id: c
                            kind: affinity
                            group: chess
                          - id: d
                            kind: link-preference
                            prefer: [peering, sp1-sp3]
                          - id: e
                            kind: dual-ingress
                            enterprise: corp
                          - id: f
                            kind: source-preference
                            prefer: servers
                            quota: { link: nowhere, maxMonthGb: 1 }
                          - id: g
                            kind: redundancy
                            regions: [sp1, moon]
                            parity: 1
                        """),
                index);

        assertThat(found)
                .extracting(p -> p.path().toString())
                .containsExactly(
                        "policies[0].link",
                        "policies[1].channels.ids[1]",
                        "policies[1].nodes.ids[0]",
                        "policies[1].nodes.regions[0]",
                        "policies[1].nodes.groups[0]",
                        "policies[1].nodes.enterprises[0]",
                        "policies[2].group",
                        "policies[3].prefer[1]",
                        "policies[4].enterprise",
                        "policies[5].quota.link",
                        "policies[6].regions[1]");
        assertThat(found.get(0).message()).isEqualTo("unknown link \"sp9\" in snapshot \"two-isps\"");
    }

    @Test
    void knownNamesPass() {
        assertThat(
                        problems(
                                """
                  - id: a
                    kind: link-cap
                    link: sp1-sp2
                    maxKbps: 1
                  - id: b
                    kind: link-preference
                    prefer: peering
                    over: [transit]
                """))
                .isEmpty();
    }

    @Test
    void aFileGetsOneLineErrorsWithLineAndColumn(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("policies.yaml");
        Files.writeString(
                file,
                """
                format: canopy/policies@1
                policies:
                  - id: cap
                    kind: link-cap
                    link: sp9-sp2
                    maxKbps: 20000
                """);

        assertThatThrownBy(() -> PolicyReferences.require(Documents.readPolicies(file), index))
                .isInstanceOf(InputException.class)
                .hasMessage(file + ":5:11: policies[0].link: unknown link \"sp9-sp2\" in snapshot \"two-isps\"");
    }

    @Test
    void compilingUnknownNamesFailsWithTheFirstProblem() {
        assertThatThrownBy(() -> CompiledPolicies.compile(
                        Compiled.document(
                                """
                                  - id: a
                                    kind: region-cap
                                    region: mars
                                    flow: ingress
                                    maxKbps: 1
                                """),
                        Routing.of(index)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("policies[0].region: unknown region \"mars\"");
    }
}
