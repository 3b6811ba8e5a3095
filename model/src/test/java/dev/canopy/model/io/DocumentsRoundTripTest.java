package dev.canopy.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canopy.model.Channel;
import dev.canopy.model.ChannelKind;
import dev.canopy.model.ContentClass;
import dev.canopy.model.Geo;
import dev.canopy.model.Limit;
import dev.canopy.model.Link;
import dev.canopy.model.LinkKind;
import dev.canopy.model.Nat;
import dev.canopy.model.Node;
import dev.canopy.model.NodeType;
import dev.canopy.model.Region;
import dev.canopy.model.RegionKind;
import dev.canopy.model.Role;
import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotBuilder;
import dev.canopy.model.Technology;
import dev.canopy.model.Tier;
import dev.canopy.model.diff.Change;
import dev.canopy.model.diff.Diff;
import dev.canopy.model.event.Event;
import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Initiator;
import dev.canopy.model.plan.Overlay;
import dev.canopy.model.plan.OverlayKind;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.plan.Unserved;
import dev.canopy.model.plan.UnservedReason;
import dev.canopy.model.policy.ChannelSelector;
import dev.canopy.model.policy.Enforcement;
import dev.canopy.model.policy.Hours;
import dev.canopy.model.policy.PairingRule;
import dev.canopy.model.policy.Policy;
import dev.canopy.model.policy.PolicyDocument;
import dev.canopy.model.policy.PolicyKind;
import dev.canopy.model.policy.PolicyParams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Read, write with {@link Documents#write}, read again: the records are equal, for every format,
 * whether written as JSON or YAML. Also pins down what reading makes of the valid examples, so
 * that a round trip cannot pass by losing the same thing twice.
 */
class DocumentsRoundTripTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"json", "yaml"})
    void snapshotsSurviveARoundTrip(String extension) {
        for (String name : List.of("model-full.json", "model-full.yaml", "model-minimal.json")) {
            Snapshot read = Documents.readSnapshot(ValidFiles.path("fixtures:snapshots/" + name));

            Path written = dir.resolve(name + "." + extension);
            Documents.write(written, read);

            assertThat(Documents.readSnapshot(written)).as(name).isEqualTo(read);
        }
    }

    @Test
    void theJsonAndYamlSnapshotsAreTheSameNetwork() {
        assertThat(Documents.readSnapshot(ValidFiles.path("fixtures:snapshots/model-full.yaml")))
                .isEqualTo(Documents.readSnapshot(ValidFiles.path("fixtures:snapshots/model-full.json")));
    }

    @Test
    void aSnapshotIsReadWithEveryFieldItStates() {
        Snapshot snapshot = Documents.readSnapshot(ValidFiles.path("fixtures:snapshots/model-full.json"));

        assertThat(snapshot.takenAt()).contains(Instant.parse("2026-11-21T20:00:00Z"));
        assertThat(snapshot.defaultLatencyMs()).isEqualTo(150);
        assertThat(snapshot.regions().get(3))
                .isEqualTo(new Region(
                        "dt",
                        RegionKind.ISP,
                        Optional.of("de"),
                        OptionalLong.of(3320),
                        Optional.empty(),
                        Optional.of(Technology.DSL)));
        assertThat(snapshot.links().get(0))
                .isEqualTo(new Link(
                        "dt-orange",
                        "dt",
                        "orange",
                        LinkKind.PEERING,
                        OptionalLong.of(100_000),
                        12.5,
                        2000,
                        OptionalDouble.of(410.5)));
        assertThat(snapshot.channels().get(0))
                .isEqualTo(new Channel(
                        "soccer", ChannelKind.LIVE, ContentClass.VIDEO, 1200, 4, 1, List.of("o1"), OptionalInt.of(6)));
        Node p1 = snapshot.nodes().get(1);
        assertThat(p1.downlinkKbps()).hasValue(16_000);
        assertThat(p1.geo()).contains(new Geo(52.52, 13.4));
        assertThat(p1.enterprise()).contains("acme-corp");
        assertThat(p1.uptime()).isEqualTo(0.9);
        assertThat(p1.ip()).contains("10.1.2.3");
        Node p2 = snapshot.nodes().get(2);
        assertThat(p2.type()).isEqualTo(NodeType.LIGHTWEIGHT);
        assertThat(p2.limits()).containsExactly(Limit.NO_INBOUND, Limit.ACCESS_LIST);
        assertThat(p2.accessList()).containsExactly("o1", "role:cdn");
        assertThat(p2.nat()).isEqualTo(Nat.SYMMETRIC);
        assertThat(p2.country()).contains("BE");
    }

    @Test
    void absentOptionalFieldsTakeTheFormatsDefaultsAndAreNotWritten() throws IOException {
        Snapshot minimal = SnapshotBuilder.create("bare")
                .region("de")
                .link(new Link("l", "de", "fr", null, null, null, 0, null))
                .region("fr")
                .channel(new Channel("c", null, null, 500, 0, 0, List.of("n"), null))
                .node(Node.builder("n", "de", 100).build())
                .build();
        Snapshot untimed = new Snapshot(
                null,
                "bare",
                Optional.empty(),
                minimal.regions(),
                minimal.links(),
                minimal.channels(),
                minimal.nodes(),
                null);
        Path written = dir.resolve("bare.json");

        Documents.write(written, untimed);
        Snapshot read = Documents.readSnapshot(written);

        assertThat(read).isEqualTo(untimed);
        assertThat(read.takenAt()).isEmpty();
        assertThat(read.defaultLatencyMs()).isEqualTo(Snapshot.DEFAULT_LATENCY_MS);
        assertThat(read.links().get(0).kind()).isEqualTo(LinkKind.TRANSIT);
        assertThat(read.links().get(0).latencyMs()).isEqualTo(Link.DEFAULT_LATENCY_MS);
        assertThat(read.links().get(0).capacityKbps()).isEmpty();
        assertThat(read.channels().get(0).substreams()).isEqualTo(1);
        assertThat(read.channels().get(0).kind()).isEqualTo(ChannelKind.LIVE);
        assertThat(read.nodes().get(0).role()).isEqualTo(Role.PEER);
        assertThat(read.nodes().get(0).tier()).isEqualTo(Tier.STANDARD);
        assertThat(read.nodes().get(0).uptime()).isEqualTo(Node.DEFAULT_UPTIME);
        JsonNode tree = Mappers.json().readTree(written.toFile());
        assertThat(tree.has("takenAt")).isFalse();
        assertThat(tree.path("links").get(0).has("capacityKbps")).isFalse();
        assertThat(tree.path("nodes").get(0).has("geo")).isFalse();
        assertThat(tree.path("nodes").get(0).has("country")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"json", "yaml"})
    void policiesSurviveARoundTripInTheirFlatForm(String extension) throws IOException {
        PolicyDocument read =
                Documents.readPolicies(ValidFiles.path("valid/policies.yaml")).value();

        Path written = dir.resolve("policies." + extension);
        Documents.write(written, read);

        assertThat(Documents.readPolicies(written).value()).isEqualTo(read);
        JsonNode tree = (extension.equals("json") ? Mappers.json() : Mappers.yaml()).readTree(written.toFile());
        JsonNode regionCap = tree.path("policies").get(1);
        assertThat(regionCap.path("kind").asText()).isEqualTo("region-cap");
        assertThat(regionCap.path("enforce").asText()).isEqualTo("soft");
        assertThat(regionCap.path("maxKbps").asLong()).isEqualTo(90_000);
        assertThat(regionCap.has("params")).isFalse();
    }

    @Test
    void everyPolicyKindIsReadWithItsCommonFieldsAndParameters() {
        List<Policy> policies = Documents.readPolicies(ValidFiles.path("valid/policies.yaml"))
                .value()
                .policies();

        assertThat(policies).extracting(Policy::kind).containsAll(List.of(PolicyKind.values()));
        assertThat(policies.get(0))
                .isEqualTo(Policy.hard(
                        "sp2-soccer-20mbps",
                        new PolicyParams.LinkCap(
                                "dt-orange",
                                PolicyParams.Direction.A_TO_B,
                                new ChannelSelector(null, null, List.of(ContentClass.VIDEO)),
                                20_000)));
        Policy regionCap = policies.get(1);
        assertThat(regionCap.enforce()).isEqualTo(Enforcement.SOFT);
        assertThat(regionCap.weight()).isEqualTo(2.5);
        assertThat(regionCap.params())
                .isEqualTo(new PolicyParams.RegionCap(
                        "de",
                        PolicyParams.Flow.INGRESS,
                        new ChannelSelector(List.of("soccer", "hamlet"), List.of(ChannelKind.LIVE), null),
                        90_000));
        Policy affinity = policies.get(5);
        assertThat(affinity.rank()).isEqualTo(3);
        assertThat(affinity.relaxable()).isTrue();
        assertThat(affinity.params())
                .isEqualTo(new PolicyParams.Affinity(
                        "family-1",
                        PolicyParams.AffinityMode.ONLY,
                        Optional.of(Hours.parse("22:00-06:00")),
                        Optional.of("Europe/Berlin")));
        assertThat(((PolicyParams.Pairing) policies.get(7).params()).only())
                .isEqualTo(PairingRule.of(PairingRule.Relation.SAME_OWNER));
        assertThat(((PolicyParams.SourcePreference) policies.get(10).params()).quota())
                .contains(new PolicyParams.Quota("dt-orange", 500));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"json", "yaml"})
    void plansSurviveARoundTrip(String extension) {
        Plan read = Documents.readPlan(ValidFiles.path("valid/plan.json"));

        Path written = dir.resolve("plan." + extension);
        Documents.write(written, read);

        assertThat(Documents.readPlan(written)).isEqualTo(read);
        assertThat(read.overlays().get(0))
                .isEqualTo(Overlay.tree(
                        "soccer",
                        0,
                        300,
                        List.of(
                                Edge.of("o1", "p1", Initiator.CHILD),
                                new Edge("p1", "p2", Initiator.PARENT, OptionalLong.of(250), OptionalInt.empty()))));
        assertThat(read.overlays().get(2).kind()).isEqualTo(OverlayKind.MESH);
        assertThat(read.overlays().get(2).edges().get(0).club()).hasValue(0);
        assertThat(read.unserved().get(0))
                .isEqualTo(new Unserved("p2", "hamlet", UnservedReason.GEO_BAN, Optional.of("no-rh-de"), 0));
        assertThat(read.relaxed().get(1).channel()).contains("soccer");
        assertThat(read.metrics()).containsEntry("servedShare", 0.75);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"json", "yaml"})
    void diffsSurviveARoundTripWithNullParents(String extension) throws IOException {
        Diff read = Documents.readDiff(ValidFiles.path("valid/diff.json"));

        Path written = dir.resolve("diff." + extension);
        Documents.write(written, read);

        assertThat(Documents.readDiff(written)).isEqualTo(read);
        assertThat(read.changes().get(1)).isEqualTo(new Change("p8", "soccer", 0, Optional.empty(), Optional.of("p9")));
        assertThat(read.instructions().get(3).setParents().get(0).parent()).isEmpty();
        JsonNode tree = (extension.equals("json") ? Mappers.json() : Mappers.yaml()).readTree(written.toFile());
        JsonNode change = tree.path("changes").get(1);
        assertThat(change.has("parentBefore"))
                .as("a new assignment names its null parent")
                .isTrue();
        assertThat(change.get("parentBefore").isNull()).isTrue();
    }

    @Test
    void eventsSurviveARoundTripAsJsonLines() throws IOException {
        List<Event> read = Documents.readEvents(ValidFiles.path("valid/events.jsonl"));

        Path written = dir.resolve("events.jsonl");
        Documents.writeEvents(written, read);

        assertThat(Documents.readEvents(written)).isEqualTo(read);
        assertThat(Files.readAllLines(written)).hasSize(read.size());
    }

    @Test
    void writtenJsonEndsWithANewline() throws IOException {
        Path written = dir.resolve("plan.json");

        Documents.write(written, new Plan(null, "s1", 1, null, "test", null, null, null, null, null));

        assertThat(Files.readString(written)).startsWith("{").endsWith("}\n");
    }
}
