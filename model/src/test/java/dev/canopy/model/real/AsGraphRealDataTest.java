package dev.canopy.model.real;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.canopy.model.Node;
import dev.canopy.model.Role;
import dev.canopy.model.Snapshot;
import dev.canopy.model.io.Documents;
import dev.canopy.model.io.FileFormat;
import dev.canopy.model.validate.Rules;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CAIDA graph itself; skipped when the data is absent. */
class AsGraphRealDataTest {
    private static AsRelationships graph;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        assumeTrue(DataDirectory.locate().isPresent(), DataDirectory.missingMessage());
        graph = AsRelationships.load(DataDirectory.locate().orElseThrow());
    }

    @Test
    void readsEveryAsAndRelationshipOfTheFile() {
        assertThat(graph.size()).isEqualTo(77_237);
        assertThat(graph.relationships()).isEqualTo(160_571 + 336_106);
        assertThat(Arrays.stream(graph.clique).mapToLong(v -> graph.asn[v]))
                .contains(174L, 1299L, 3356L)
                .hasSize(19);
    }

    @Test
    void providerClosureSnapshotIsValidAndHeavyTailed() {
        AsGraphOptions options = AsGraphOptions.defaults().withPeers(3000, 300);
        Snapshot snapshot = AsGraphSnapshots.build(graph, options);
        Path file = dir.resolve("as.json");

        Documents.write(file, snapshot);

        assertThat(Documents.readSnapshot(file)).isEqualTo(snapshot);
        assertThat(Rules.checkValue(FileFormat.SNAPSHOT, snapshot)).isEmpty();
        Map<String, Long> perAs = snapshot.nodes().stream()
                .filter(n -> n.role() == Role.PEER)
                .collect(Collectors.groupingBy(Node::region, Collectors.counting()));
        assertThat(perAs).hasSize(300);
        assertThat(perAs.values().stream().mapToLong(Long::longValue).max().orElseThrow())
                .isGreaterThan(100);
        assertThat(snapshot.nodes().stream().filter(n -> n.role() == Role.CDN)).hasSize(AsGraphSnapshots.CDNS);
        System.out.printf(
                "AS graph, %d peers over %d ASes: %d regions, %d links%n",
                options.peers(),
                options.peerAses(),
                snapshot.regions().size(),
                snapshot.links().size());
        assertThat(snapshot.regions().size()).isLessThan(graph.size() / 10);
        assertThat(AsGraphSnapshots.build(graph, options)).isEqualTo(snapshot);
    }
}
