package dev.canopy.model.real;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.canopy.model.Node;
import dev.canopy.model.Region;
import dev.canopy.model.RegionKind;
import dev.canopy.model.Role;
import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.io.Documents;
import dev.canopy.model.io.FileFormat;
import dev.canopy.model.routing.Routing;
import dev.canopy.model.validate.Rules;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deployed overlay built from the real data; skipped when the data is absent. */
class RealOverlayTest {
    private static RealOverlay overlay;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        assumeTrue(DataDirectory.locate().isPresent(), DataDirectory.missingMessage());
        overlay = RealOverlay.load(DataDirectory.locate().orElseThrow(), RealOverlayOptions.defaults());
    }

    @Test
    void hasEveryPeerAndSessionOfTheDay() {
        Snapshot snapshot = overlay.snapshot();
        assertThat(peers(snapshot)).hasSize(5275);
        assertThat(overlay.deployed()).hasSize(19_189);
        assertThat(snapshot.regions().stream().filter(r -> r.kind() == RegionKind.ISP))
                .hasSize(247);
        assertThat(peers(snapshot)).allSatisfy(p -> {
            assertThat(p.id()).matches("p-[0-9a-f]{12}");
            assertThat(p.wants()).containsExactly("ch1");
        });
    }

    @Test
    void writesAFileThatPassesValidation() {
        Path file = dir.resolve("overlay.json");

        Documents.write(file, overlay.snapshot());

        assertThat(Documents.readSnapshot(file)).isEqualTo(overlay.snapshot());
        assertThat(Rules.checkValue(FileFormat.SNAPSHOT, overlay.snapshot())).isEmpty();
    }

    @Test
    void intraIspShareOfTheDeployedLinksMatchesTheDataSet() {
        Map<String, String> region =
                overlay.snapshot().nodes().stream().collect(Collectors.toMap(Node::id, Node::region));
        long intra = overlay.deployed().stream()
                .filter(l -> region.get(l.sender()).equals(region.get(l.receiver())))
                .count();
        double share = (double) intra / overlay.deployed().size();
        System.out.printf(
                "deployed overlay: %d of %d links intra-ISP (%.2f %%)%n",
                intra, overlay.deployed().size(), 100 * share);
        assertThat(share).isCloseTo(0.084, within(0.002));
    }

    @Test
    void noPeerHasLessUplinkThanItWasSeenSendingAt() {
        Map<String, Node> byId =
                overlay.snapshot().nodes().stream().collect(Collectors.toMap(Node::id, Function.identity()));
        assertThat(overlay.deployed()).allSatisfy(l -> {
            assertThat((double) byId.get(l.sender()).uplinkKbps()).isGreaterThanOrEqualTo(l.throughputKbps());
            assertThat((double) byId.get(l.receiver()).downlinkKbps().orElseThrow())
                    .isGreaterThanOrEqualTo(l.throughputKbps());
        });
    }

    @Test
    void twoIspsOfOneCountryAreApartByHalfTheCountrysRoundTrip() {
        Snapshot snapshot = overlay.snapshot();
        SnapshotIndex index = SnapshotIndex.of(snapshot);
        Routing routing = Routing.of(index);
        List<Region> french = snapshot.regions().stream()
                .filter(r ->
                        r.kind() == RegionKind.ISP && r.parent().orElseThrow().equals("fr"))
                .toList();
        assertThat(french).hasSizeGreaterThan(1);
        int a = index.regionIndex(french.get(0).id()).orElseThrow();
        int b = index.regionIndex(french.get(1).id()).orElseThrow();
        int morocco = index.regionIndex(snapshot.nodes().stream()
                        .filter(n -> n.region().startsWith("isp-ma-"))
                        .findFirst()
                        .orElseThrow()
                        .region())
                .orElseThrow();

        double withinFrance = routing.latencyMs(a, b);
        // RIPE Atlas: mean RTT 36.8 ms between French hosts
        assertThat(withinFrance).isCloseTo(36.8 / 2, within(0.2));
        assertThat(routing.route(a, b).hops()).isEqualTo(2);
        assertThat(routing.latencyMs(a, morocco)).isGreaterThan(withinFrance);
        assertThat(routing.route(a, morocco).isImplicitTransit()).isFalse();
    }

    @Test
    void theSameSeedGivesTheSameSnapshotAndAnotherOneOtherUplinks() {
        Path data = DataDirectory.locate().orElseThrow();
        RealOverlayOptions other = new RealOverlayOptions(8, 0, RealOverlayOptions.DEFAULT_RATE_KBPS, 2);

        assertThat(RealOverlay.load(data, RealOverlayOptions.defaults())).isEqualTo(overlay);
        assertThat(RealOverlay.load(data, other).snapshot()).isNotEqualTo(overlay.snapshot());
    }

    @Test
    void serversSitInDatacentersOfTheirContinents() {
        Snapshot snapshot = overlay.snapshot();
        assertThat(snapshot.nodes().get(0).role()).isEqualTo(Role.ORIGIN);
        assertThat(snapshot.nodes().stream().filter(n -> n.role() == Role.CDN).map(Node::region))
                .allMatch(r -> r.startsWith("dc-"))
                .contains("dc-eu", "dc-af");
        assertThat(snapshot.channels().get(0).sources()).containsExactly("origin-1");
    }

    private static List<Node> peers(Snapshot snapshot) {
        return snapshot.nodes().stream().filter(n -> n.role() == Role.PEER).toList();
    }
}
