package dev.canopy.model.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.canopy.model.Device;
import dev.canopy.model.Limit;
import dev.canopy.model.Link;
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
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NetworkGeneratorTest {
    private static final long RATE = 1200;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(CapacityMix.class)
    void generatedSnapshotsPassSchemaAndSemanticRules(CapacityMix mix) {
        Snapshot snapshot = NetworkGenerator.generate(GeneratorOptions.defaults(3000)
                .withMix(mix)
                .withChannels(3)
                .withParity(2)
                .withId("gen-" + mix.code()));
        Path file = dir.resolve(mix.code() + ".json");

        Documents.write(file, snapshot);

        assertThat(Documents.readSnapshot(file)).isEqualTo(snapshot);
        assertThat(Rules.checkValue(FileFormat.SNAPSHOT, snapshot)).isEmpty();
    }

    @Test
    void sameSeedGivesEqualSnapshotsAndAnotherSeedADifferentOne() {
        GeneratorOptions options = GeneratorOptions.defaults(2000);

        Snapshot first = NetworkGenerator.generate(options);

        assertThat(NetworkGenerator.generate(options)).isEqualTo(first);
        assertThat(NetworkGenerator.generate(options.withSeed(2))).isNotEqualTo(first);
        assertThat(first.takenAt()).contains(NetworkGenerator.TAKEN_AT);
    }

    @Test
    void fourTierUplinksAreHalfOneTwoAndFourTimesTheRateAtTheirShares() {
        List<Node> peers = peers(NetworkGenerator.generate(GeneratorOptions.defaults(20_000)));
        Map<Long, Long> counts = peers.stream().collect(Collectors.groupingBy(Node::uplinkKbps, Collectors.counting()));

        assertThat(counts).containsOnlyKeys(600L, 1200L, 2400L, 4800L);
        assertThat(share(counts.get(600L), peers)).isCloseTo(0.30, within(0.02));
        assertThat(share(counts.get(1200L), peers)).isCloseTo(0.40, within(0.02));
        assertThat(share(counts.get(2400L), peers)).isCloseTo(0.20, within(0.02));
        assertThat(share(counts.get(4800L), peers)).isCloseTo(0.10, within(0.02));
    }

    @Test
    void logNormalUplinksHaveMedianNearNineTenthsOfTheRateAndAHeavyCappedTail() {
        List<Node> peers = peers(
                NetworkGenerator.generate(GeneratorOptions.defaults(20_000).withMix(CapacityMix.LOG_NORMAL)));
        double[] logs = peers.stream()
                .mapToDouble(p -> Math.log(Math.max(1, p.uplinkKbps()) / (double) RATE))
                .sorted()
                .toArray();
        double mean = Arrays.stream(logs).average().orElseThrow();
        double sigma = Math.sqrt(
                Arrays.stream(logs).map(x -> (x - mean) * (x - mean)).average().orElseThrow());

        assertThat(Math.exp(logs[logs.length / 2])).isCloseTo(0.9, within(0.05));
        assertThat(sigma).isCloseTo(1.0, within(0.05));
        assertThat(peers).allSatisfy(p -> assertThat(p.uplinkKbps()).isLessThanOrEqualTo(50 * RATE));
        assertThat(peers.stream().filter(p -> p.uplinkKbps() > 10 * RATE).count())
                .isPositive();
    }

    @Test
    void homogeneousUplinksAreAllOnePointTwoTimesTheRate() {
        List<Node> peers =
                peers(NetworkGenerator.generate(GeneratorOptions.defaults(3000).withMix(CapacityMix.HOMOGENEOUS)));

        assertThat(peers).extracting(Node::uplinkKbps).containsOnly(1440L);
    }

    @Test
    void criticalUplinksSumToExactlyOnePointZeroTwoTimesTheRatePerReceiver() {
        Snapshot snapshot =
                NetworkGenerator.generate(GeneratorOptions.defaults(5000).withMix(CapacityMix.CRITICAL));
        long receivers =
                snapshot.nodes().stream().filter(n -> !n.wants().isEmpty()).count();
        long uplinks = snapshot.nodes().stream().mapToLong(Node::uplinkKbps).sum();

        assertThat(receivers).isEqualTo(5000 + 5);
        assertThat(uplinks).isEqualTo((receivers * RATE * 102 + 50) / 100);
        assertThat((double) uplinks / receivers).isCloseTo(1.02 * RATE, within(1.0 / receivers));
    }

    @Test
    void criticalTotalIsExactWithSeveralChannelsAndWithATinyAudience() {
        for (GeneratorOptions options : List.of(
                GeneratorOptions.defaults(4000).withChannels(3).withMix(CapacityMix.CRITICAL),
                GeneratorOptions.defaults(1).withContinents(1).withChannels(5).withMix(CapacityMix.CRITICAL))) {
            Snapshot snapshot = NetworkGenerator.generate(options);
            long demand = snapshot.nodes().stream()
                    .mapToLong(n -> n.wants().size() * RATE)
                    .sum();

            assertThat(snapshot.nodes().stream().mapToLong(Node::uplinkKbps).sum())
                    .isEqualTo((demand * 102 + 50) / 100);
            assertThat(snapshot.nodes())
                    .allSatisfy(n -> assertThat(n.uplinkKbps()).isNotNegative());
            assertThat(snapshot.nodes().stream().filter(n -> n.role() == Role.ORIGIN))
                    .allSatisfy(n -> assertThat(n.uplinkKbps()).isGreaterThanOrEqualTo(RATE));
        }
    }

    @Test
    void lightweightPeersComeAtTheirShareWithEveryLimit() {
        List<Node> peers = peers(
                NetworkGenerator.generate(GeneratorOptions.defaults(10_000).withLightweightShare(0.2)));
        List<Node> light = peers.stream().filter(Node::isLightweight).toList();
        Map<String, Node> byId = peers.stream().collect(Collectors.toMap(Node::id, Function.identity()));

        assertThat(share(light.size(), peers)).isCloseTo(0.2, within(0.015));
        assertThat(light).allSatisfy(p -> assertThat(p.limits()).isNotEmpty().doesNotHaveDuplicates());
        for (Limit limit : Limit.values()) {
            assertThat(light.stream().filter(p -> p.has(limit)).count())
                    .as(limit.code())
                    .isGreaterThan(light.size() / 4);
        }
        List<Node> listed = light.stream().filter(p -> p.has(Limit.ACCESS_LIST)).toList();
        assertThat(listed).allSatisfy(p -> {
            assertThat(p.accessList()).startsWith("role:cdn", "role:origin").hasSizeLessThanOrEqualTo(3);
            p.accessList().stream().skip(2).forEach(friend -> assertThat(
                            byId.get(friend).isLightweight())
                    .isFalse());
        });
        assertThat(listed).anySatisfy(p -> assertThat(p.accessList()).hasSize(3));
        assertThat(peers.stream().filter(p -> !p.isLightweight()))
                .allSatisfy(p -> assertThat(p.accessList()).isEmpty());
    }

    @Test
    void eachCdnCanCarryThePeersOfItsContinentThatMayOnlyReceiveFromServers() {
        GeneratorOptions options = GeneratorOptions.defaults(20_000).withLightweightShare(0.3);
        Snapshot snapshot = NetworkGenerator.generate(options);
        Map<String, Region> regions =
                snapshot.regions().stream().collect(Collectors.toMap(Region::id, Function.identity()));
        Map<String, Long> serverOnly = new java.util.HashMap<>();
        for (Node p : peers(snapshot)) {
            if (p.has(Limit.ACCESS_LIST)) {
                Region r = regions.get(p.region());
                while (r.kind() != RegionKind.CONTINENT) {
                    r = regions.get(r.parent().orElseThrow());
                }
                serverOnly.merge(r.id(), options.rateKbps() * p.wants().size(), Long::sum);
            }
        }
        assertThat(serverOnly).isNotEmpty();
        serverOnly.forEach((continent, demand) -> assertThat(snapshot.nodes().stream()
                        .filter(n -> n.id().equals("cdn-" + continent))
                        .findFirst()
                        .orElseThrow()
                        .uplinkKbps())
                .as(continent)
                .isGreaterThanOrEqualTo((long) Math.ceil(1.5 * demand)));
    }

    @Test
    void regionsFormContinentCountryIspAndPeersSitInLeaves() {
        Snapshot snapshot = NetworkGenerator.generate(GeneratorOptions.defaults(3000));
        Map<String, Region> regions =
                snapshot.regions().stream().collect(Collectors.toMap(Region::id, Function.identity()));
        Set<String> parents =
                snapshot.regions().stream().flatMap(r -> r.parent().stream()).collect(Collectors.toSet());

        assertThat(snapshot.regions().stream().filter(r -> r.kind() == RegionKind.CONTINENT))
                .extracting(Region::id)
                .containsExactly("eu", "na", "as", "sa", "af");
        assertThat(snapshot.regions().stream().filter(r -> r.kind() == RegionKind.COUNTRY))
                .hasSize(20)
                .allSatisfy(c -> {
                    assertThat(regions.get(c.parent().orElseThrow()).kind()).isEqualTo(RegionKind.CONTINENT);
                    assertThat(c.country())
                            .hasValueSatisfying(code -> assertThat(code).matches("[A-Z]{2}"));
                });
        assertThat(snapshot.regions().stream().filter(r -> r.kind() == RegionKind.ISP))
                .hasSize(60)
                .allSatisfy(isp -> {
                    assertThat(regions.get(isp.parent().orElseThrow()).kind()).isEqualTo(RegionKind.COUNTRY);
                    assertThat(isp.asn()).isPresent();
                    assertThat(isp.technology()).isPresent();
                });
        assertThat(snapshot.regions().stream().filter(r -> r.kind() == RegionKind.ENTERPRISE))
                .isNotEmpty()
                .allSatisfy(e ->
                        assertThat(regions.get(e.parent().orElseThrow()).kind()).isEqualTo(RegionKind.COUNTRY));
        assertThat(peers(snapshot)).allSatisfy(p -> {
            assertThat(regions.get(p.region()).kind()).isIn(RegionKind.ISP, RegionKind.ENTERPRISE);
            assertThat(parents).doesNotContain(p.region());
        });
    }

    @Test
    void everyReceiverReachesEverySourceOverExplicitLinks() {
        Snapshot snapshot =
                NetworkGenerator.generate(GeneratorOptions.defaults(2000).withContinents(6));
        SnapshotIndex index = SnapshotIndex.of(snapshot);
        Routing routing = Routing.of(index);

        for (int source = 0; source < index.nodeCount(); source++) {
            if (index.node(source).role() != Role.ORIGIN) {
                continue;
            }
            for (int node = 0; node < index.nodeCount(); node++) {
                assertThat(routing.route(index.regionOf(source), index.regionOf(node))
                                .isImplicitTransit())
                        .isFalse();
            }
        }
    }

    @Test
    void linksHaveTheirKindsAndOnlyBackboneAndEnterpriseLinksAreCapped() {
        Snapshot snapshot = NetworkGenerator.generate(GeneratorOptions.defaults(5000));
        Map<String, List<Link>> byPrefix =
                snapshot.links().stream().collect(Collectors.groupingBy(l -> l.id().substring(0, l.id().indexOf(':'))));

        assertThat(byPrefix.get("tr")).hasSize(60).allSatisfy(l -> assertThat(l.latencyMs())
                .isBetween(2.0, 8.0));
        assertThat(byPrefix.get("px")).isNotEmpty().allSatisfy(l -> assertThat(l.latencyMs())
                .isBetween(1.0, 5.0));
        assertThat(byPrefix.get("cc")).isNotEmpty().allSatisfy(l -> assertThat(l.latencyMs())
                .isBetween(15.0, 60.0));
        assertThat(byPrefix.get("bb"))
                .hasSize(10)
                .allSatisfy(l -> assertThat(l.latencyMs()).isBetween(60.0, 200.0))
                .anySatisfy(l -> assertThat(l.capacityKbps()).isPresent())
                .anySatisfy(l -> assertThat(l.capacityKbps()).isEmpty());
        assertThat(snapshot.links().stream().filter(l -> l.capacityKbps().isPresent()))
                .allSatisfy(l -> {
                    assertThat(l.id()).matches("(bb|ent):.*");
                    assertThat(l.capacityKbps().getAsLong() - l.loadKbps()).isGreaterThanOrEqualTo(1_000_000);
                });
        Map<String, Long> enterpriseLinks =
                byPrefix.get("ent").stream().collect(Collectors.groupingBy(Link::a, Collectors.counting()));
        assertThat(enterpriseLinks.values()).contains(1L, 2L).allSatisfy(n -> assertThat(n)
                .isBetween(1L, 2L));
    }

    @Test
    void serversAndPeerAttributesArePlausible() {
        Snapshot snapshot =
                NetworkGenerator.generate(GeneratorOptions.defaults(10_000).withChannels(4));
        List<Node> peers = peers(snapshot);

        assertThat(snapshot.channels())
                .extracting(c -> c.sources().get(0))
                .containsExactly("origin-1", "origin-2", "origin-3", "origin-4");
        assertThat(snapshot.nodes().stream().filter(n -> n.role() == Role.CDN))
                .hasSize(5)
                .allSatisfy(n -> assertThat(n.wants()).hasSize(4));
        assertThat(share(peers.stream().filter(p -> p.wants().size() == 2).count(), peers))
                .isCloseTo(0.2, within(0.02));
        assertThat(peers).allSatisfy(p -> {
            assertThat(p.uptime()).isBetween(0.0, 1.0);
            assertThat(p.lossRate()).isBetween(0.0, 0.25);
            assertThat(p.geo()).isPresent();
            assertThat(p.device()).isPresent();
            p.downlinkKbps().ifPresent(d -> assertThat(d)
                    .isGreaterThanOrEqualTo(p.wants().size() * RATE));
        });
        assertThat(share(peers.stream().filter(p -> p.lossRate() <= 0.02).count(), peers))
                .isGreaterThan(0.85);
        assertThat(share(peers.stream().filter(p -> !p.groups().isEmpty()).count(), peers))
                .isCloseTo(0.25, within(0.02));
        assertThat(share(peers.stream().filter(p -> p.enterprise().isPresent()).count(), peers))
                .isCloseTo(0.02, within(0.01));
        assertThat(peers.stream().filter(p -> p.enterprise().isPresent()))
                .allSatisfy(p -> assertThat(p.enterprise()).contains(p.region()));

        Map<String, List<Node>> owners = peers.stream()
                .filter(p -> p.owner().isPresent())
                .collect(Collectors.groupingBy(p -> p.owner().orElseThrow()));
        assertThat(owners).isNotEmpty();
        assertThat(owners.values()).allSatisfy(pair -> assertThat(pair)
                .extracting(p -> p.device().orElseThrow())
                .containsExactly(Device.DESKTOP, Device.PHONE));
    }

    @Test
    void tiersFollowTheirShares() {
        List<Node> peers = peers(NetworkGenerator.generate(GeneratorOptions.defaults(10_000)));
        Map<String, Long> tiers =
                peers.stream().collect(Collectors.groupingBy(p -> p.tier().code(), Collectors.counting()));

        assertThat(share(tiers.get("premium"), peers)).isCloseTo(0.1, within(0.015));
        assertThat(share(tiers.get("free"), peers)).isCloseTo(0.3, within(0.015));
    }

    @Test
    void aHundredThousandPeersAreGeneratedWithUniqueIds() {
        Snapshot snapshot = NetworkGenerator.generate(GeneratorOptions.defaults(100_000));

        assertThat(peers(snapshot)).hasSize(100_000);
        Set<String> ids = new HashSet<>();
        snapshot.nodes().forEach(n -> ids.add(n.id()));
        assertThat(ids).hasSize(snapshot.nodes().size());
        assertThat(snapshot.nodes().stream()
                        .mapToInt(n -> n.accessList().size())
                        .max()
                        .orElseThrow())
                .isLessThanOrEqualTo(3);
    }

    @Test
    void badOptionsAreRejectedWithAClearMessage() {
        assertThatThrownBy(() -> GeneratorOptions.defaults(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("peers must be between 1 and 20000000, got 0");
        assertThatThrownBy(() -> GeneratorOptions.defaults(10).withLightweightShare(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lightweightShare");
        assertThatThrownBy(() -> GeneratorOptions.defaults(10).withPremiumShare(0.8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("premiumShare + freeShare");
        assertThatThrownBy(() -> GeneratorOptions.defaults(10).withContinents(7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("continents");
        assertThatThrownBy(() -> GeneratorOptions.defaults(10).withId("has space"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("id");
    }

    @Test
    void mixesAreNamedByTheirCodes() {
        assertThat(Arrays.stream(CapacityMix.values()).map(CapacityMix::code))
                .containsExactly("four-tier", "log-normal", "homogeneous", "critical");
        for (CapacityMix mix : CapacityMix.values()) {
            assertThat(CapacityMix.fromCode(mix.code())).isEqualTo(mix);
        }
        assertThatThrownBy(() -> CapacityMix.fromCode("uniform"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("four-tier");
    }

    private static List<Node> peers(Snapshot snapshot) {
        return snapshot.nodes().stream().filter(n -> n.role() == Role.PEER).toList();
    }

    private static double share(long count, List<?> of) {
        return (double) count / of.size();
    }
}
