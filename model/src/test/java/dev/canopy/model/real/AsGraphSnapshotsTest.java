package dev.canopy.model.real;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.model.Link;
import dev.canopy.model.LinkKind;
import dev.canopy.model.Node;
import dev.canopy.model.Region;
import dev.canopy.model.RegionKind;
import dev.canopy.model.Role;
import dev.canopy.model.Snapshot;
import dev.canopy.model.io.FileFormat;
import dev.canopy.model.io.InputException;
import dev.canopy.model.validate.Rules;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AS-graph builder on a small hand-made relationships file (no real data needed). */
class AsGraphSnapshotsTest {
    /**
     * Clique 1 and 2 (peers); 1 provides for 10 and 11, 2 for 12; 10 and 11 peer; 10 provides
     * for stubs 100 and 101, 11 for 102, 12 for 103; 104 has no provider (not a stub).
     */
    private static final String GRAPH = String.join(
            "\n",
            "# input clique: 1 2",
            "# IXP ASes: 9",
            "1|2|0",
            "1|10|-1",
            "1|11|-1",
            "2|12|-1",
            "10|11|0",
            "10|100|-1",
            "10|101|-1",
            "11|102|-1",
            "12|103|-1",
            "103|104|0",
            "");

    @TempDir
    Path dir;

    @Test
    void providerClosureKeepsThePeerAsesTheirProvidersAndTheLinksAmongThem() throws Exception {
        write(GRAPH);
        AsGraphOptions options = new AsGraphOptions(50, 2, 4, 0, 1000, 5, AsScope.PROVIDER_CLOSURE);

        Snapshot snapshot = AsGraphSnapshots.build(dir, options);

        Set<String> peerRegions = snapshot.nodes().stream()
                .filter(n -> n.role() == Role.PEER)
                .map(Node::region)
                .collect(Collectors.toSet());
        assertThat(peerRegions).hasSize(2).isSubsetOf("as100", "as101", "as102", "as103");
        Set<String> regions = snapshot.regions().stream().map(Region::id).collect(Collectors.toSet());
        assertThat(regions)
                .contains(AsGraphSnapshots.ROOT)
                .containsAll(peerRegions)
                .doesNotContain("as104");
        for (Link link : snapshot.links()) {
            assertThat(regions).contains(link.a(), link.b());
        }
        assertThat(snapshot.regions().stream().filter(r -> r.kind() == RegionKind.AS))
                .allSatisfy(r -> assertThat(r.parent()).contains(AsGraphSnapshots.ROOT));
        assertThat(snapshot.nodes().get(0).region()).isIn("as1", "as2");
        assertThat(Rules.checkValue(FileFormat.SNAPSHOT, snapshot)).isEmpty();
    }

    @Test
    void fullScopeKeepsEveryAsAndRelationshipWithItsKind() throws Exception {
        write(GRAPH);
        AsGraphOptions options = new AsGraphOptions(10, 4, 4, 0, 1000, 5, AsScope.FULL);

        Snapshot snapshot = AsGraphSnapshots.build(dir, options);

        assertThat(snapshot.regions()).hasSize(1 + 10);
        Map<String, LinkKind> kinds = snapshot.links().stream().collect(Collectors.toMap(Link::id, Link::kind));
        assertThat(kinds).hasSize(10).containsEntry("tr:as1:as10", LinkKind.TRANSIT);
        assertThat(kinds)
                .containsEntry("px:as1:as2", LinkKind.PEERING)
                .containsEntry("px:as103:as104", LinkKind.PEERING);
        assertThat(snapshot.links()).allSatisfy(l -> assertThat(l.latencyMs()).isBetween(1.0, 150.0));
        assertThat(snapshot.nodes().stream()
                        .filter(n -> n.role() == Role.PEER)
                        .map(Node::region)
                        .collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("as100", "as101", "as102", "as103");
    }

    @Test
    void aLinkHasTheSameLatencyInEveryScopeAndEveryPlacement() throws Exception {
        write(GRAPH);
        Snapshot full = AsGraphSnapshots.build(dir, new AsGraphOptions(10, 4, 4, 0, 1000, 5, AsScope.FULL));
        Snapshot closure =
                AsGraphSnapshots.build(dir, new AsGraphOptions(30, 1, 4, 0, 1000, 5, AsScope.PROVIDER_CLOSURE));

        Map<String, Double> fullLatency = full.links().stream().collect(Collectors.toMap(Link::id, Link::latencyMs));
        assertThat(closure.links()).isNotEmpty().allSatisfy(l -> assertThat(l.latencyMs())
                .isEqualTo(fullLatency.get(l.id())));
    }

    @Test
    void peersGetTheFourTierUplinksAndWantTheChannel() throws Exception {
        write(GRAPH);
        Snapshot snapshot =
                AsGraphSnapshots.build(dir, new AsGraphOptions(400, 3, 8, 2, 1000, 9, AsScope.PROVIDER_CLOSURE));

        List<Node> peers =
                snapshot.nodes().stream().filter(n -> n.role() == Role.PEER).toList();
        assertThat(peers).hasSize(400).allSatisfy(p -> assertThat(p.wants()).containsExactly("ch1"));
        assertThat(peers.stream().map(Node::uplinkKbps).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(500L, 1000L, 2000L, 4000L);
        assertThat(snapshot.channels().get(0).parity()).isEqualTo(2);
    }

    @Test
    void moreAsesThanStubsIsAnError() throws Exception {
        write(GRAPH);
        assertThatThrownBy(() -> AsGraphSnapshots.build(dir, new AsGraphOptions(10, 5, 4, 0, 1000, 1, AsScope.FULL)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 4");
    }

    @Test
    void aMalformedLineNamesFileAndLine() throws Exception {
        write("# input clique: 1\n1|2|-1\n2|3|7\n");
        assertThatThrownBy(() -> AsGraphSnapshots.build(dir, AsGraphOptions.defaults()))
                .isInstanceOf(InputException.class)
                .hasMessage(dir.resolve(AsRelationships.FILE)
                        + ":3: relationship \"7\" is neither -1 (provider-customer) nor 0 (peers)");
    }

    @Test
    void aRepeatedPairNamesBothLines() throws Exception {
        write("1|2|-1\n2|3|-1\n2|1|0\n");
        assertThatThrownBy(() -> AsGraphSnapshots.build(dir, AsGraphOptions.defaults()))
                .isInstanceOf(InputException.class)
                .hasMessage(dir.resolve(AsRelationships.FILE)
                        + ":3: second relationship between AS1 and AS2 (first on line 1)");
    }

    private void write(String text) throws Exception {
        Path file = dir.resolve(AsRelationships.FILE);
        Files.createDirectories(file.getParent());
        try (OutputStream out = new BZip2CompressorOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
