package dev.canopy.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnapshotIndexTest {
    /**
     * eu > de (DE) > dt > acme, eu > fr (FR), and a root "sea" with no country. Nodes: o1 in dt
     * (inherits DE from de), p1 in acme (two levels below de), p2 in fr naming BE itself, p3 in sea.
     */
    private final SnapshotIndex index = SnapshotIndex.of(SnapshotBuilder.create("index")
            .region("eu")
            .country("de", "eu", "DE")
            .region("dt", "de")
            .region("acme", "dt")
            .country("fr", "eu", "FR")
            .region("sea")
            .channel("soccer", 1200, 4, "o1")
            .channel("hamlet", 800, 1, "p2", "o1")
            .origin("o1", "dt", 10_000)
            .peer("p1", "acme", 600, "soccer", "hamlet")
            .peer("p2", "fr", 600, b -> b.country("BE").wants("hamlet", "soccer"))
            .peer("p3", "sea", 600)
            .build());

    @Test
    void numbersEverythingInListOrder() {
        assertThat(index.nodeCount()).isEqualTo(4);
        assertThat(index.regionCount()).isEqualTo(6);
        assertThat(index.channelCount()).isEqualTo(2);
        assertThat(index.linkCount()).isZero();
        assertThat(index.nodeIndex("p2")).hasValue(2);
        assertThat(index.regionIndex("acme")).hasValue(3);
        assertThat(index.channelIndex("hamlet")).hasValue(1);
        assertThat(index.nodeIndex("ghost")).isEmpty();
        assertThat(index.node("p3")).map(Node::region).contains("sea");
        assertThat(index.channel("nothing")).isEmpty();
    }

    @Test
    void aNodeWithoutACountryTakesItsRegionsOrTheNearestAncestorsCountry() {
        assertThat(index.countryOf(node("o1"))).contains("DE");
        assertThat(index.countryOf(node("p1"))).contains("DE");
        assertThat(index.regionCountry(region("acme"))).contains("DE");
        assertThat(index.regionCountry(region("eu"))).isEmpty();
    }

    @Test
    void aNodesOwnCountryWinsOverItsRegions() {
        assertThat(index.countryOf(node("p2"))).contains("BE");
    }

    @Test
    void aNodeWithNoCountryAnywhereHasNone() {
        assertThat(index.countryOf(node("p3"))).isEmpty();
        assertThat(index.countries()).containsExactly("BE", "DE");
    }

    @Test
    void aRegionsOwnCountryWinsOverItsAncestors() {
        SnapshotIndex nested = SnapshotIndex.of(SnapshotBuilder.create("nested")
                .country("eu", null, "EU")
                .country("at", "eu", "AT")
                .region("a1", "at")
                .peer("p", "a1", 10)
                .build());

        assertThat(nested.countryOf(0)).contains("AT");
    }

    @Test
    void knowsTheRegionTree() {
        assertThat(index.parentRegion(region("acme"))).isEqualTo(region("dt"));
        assertThat(index.parentRegion(region("eu"))).isEqualTo(-1);
        assertThat(index.regionDepth(region("acme"))).isEqualTo(3);
        assertThat(index.regionDepth(region("eu"))).isZero();
        assertThat(index.isWithin(region("acme"), region("eu"))).isTrue();
        assertThat(index.isWithin(region("acme"), region("acme"))).isTrue();
        assertThat(index.isWithin(region("acme"), region("fr"))).isFalse();
        assertThat(index.isWithin(region("eu"), region("de"))).isFalse();
        assertThat(index.regionOf(node("p1"))).isEqualTo(region("acme"));
    }

    @Test
    void sourcesAreInTheChannelsOrder() {
        assertThat(index.sources(channel("hamlet"))).containsExactly(node("p2"), node("o1"));
        assertThat(index.isSource(channel("hamlet"), node("p2"))).isTrue();
        assertThat(index.isSource(channel("soccer"), node("p2"))).isFalse();
    }

    @Test
    void receiversWantTheChannelAndAreNotItsSources() {
        // p2 wants hamlet but is one of its sources; o1 is a source and wants nothing
        assertThat(index.receivers(channel("hamlet"))).containsExactly(node("p1"));
        assertThat(index.receivers(channel("soccer"))).containsExactly(node("p1"), node("p2"));
        assertThat(index.wants(channel("hamlet"), node("p2"))).isTrue();
        assertThat(index.wants(channel("soccer"), node("p3"))).isFalse();
    }

    @Test
    void aSourceThatWantsItsOwnChannelIsNoReceiver() {
        SnapshotIndex selfish = SnapshotIndex.of(SnapshotBuilder.create("selfish")
                .region("r")
                .channel("c", 100, 1, "s")
                .node(Node.builder("s", "r", 1000).role(Role.ORIGIN).wants("c").build())
                .peer("p", "r", 10, "c")
                .build());

        assertThat(selfish.receivers(0)).containsExactly(1);
    }

    private int node(String id) {
        return index.nodeIndex(id).getAsInt();
    }

    private int region(String id) {
        return index.regionIndex(id).getAsInt();
    }

    private int channel(String id) {
        return index.channelIndex(id).getAsInt();
    }
}
