package dev.canopy.policies.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.SnapshotBuilder;
import org.junit.jupiter.api.Test;

class IngressRuleTest {
    /** Corporation corp (enterprise "corp", three employees) multi-homed to sp1 and sp2. */
    private static SnapshotBuilder corporation() {
        return SnapshotBuilder.create("corporation")
                .region("sp1")
                .region("sp2")
                .region("corp")
                .link("corp-sp1", "corp", "sp1", 5)
                .link("corp-sp2", "corp", "sp2", 5)
                .codedChannel("live", 1000, 2, 1, "o1")
                .origin("o1", "sp1", 10_000)
                .peer("b1", "sp2", 2000, "live")
                .peer("e1", "corp", 2000, b -> b.enterprise("corp").wants("live"))
                .peer("e2", "corp", 2000, b -> b.enterprise("corp").wants("live"))
                .peer("e3", "corp", 2000, b -> b.enterprise("corp").wants("live"));
    }

    @Test
    void oneStreamIntoTheCorporateFirewall() {
        Compiled c = Compiled.of(
                corporation().build(),
                """
                  - id: corp-one-stream
                    kind: single-ingress
                    enterprise: corp
                """);
        Compiled.Ledger ledger = c.ledger().reserve("o1", "e1", "live", 0, 500);

        assertThat(ledger.exceeds("b1", "e2", "live", 0, 500)).isEqualTo("corp-one-stream");
        assertThat(ledger.exceeds("e1", "e2", "live", 0, 500))
                .as("relayed inside")
                .isEmpty();
        assertThat(ledger.exceeds("b1", "e2", "live", 1, 500))
                .as("another substream")
                .isEmpty();
        ledger.release("o1", "e1", "live", 0, 500);
        assertThat(ledger.exceeds("b1", "e2", "live", 0, 500)).isEmpty();
        Ingress ingress = c.policies.ingress(c.node("e3"), c.channel("live")).orElseThrow();
        assertThat(ingress.copies()).isEqualTo(1);
        assertThat(ingress.enters(c.node("o1"), c.node("e3"))).isTrue();
        assertThat(c.policies.ingress(c.node("b1"), c.channel("live"))).isEmpty();
    }

    @Test
    void twoStreamsIntoAMultiHomedCorporationOverDifferentIsps() {
        Compiled c = Compiled.of(
                corporation().build(),
                """
                  - id: corp-two-streams
                    kind: dual-ingress
                    enterprise: corp
                    distinctLinks: true
                """);
        Compiled.Ledger ledger = c.ledger().reserve("o1", "e1", "live", 0, 500);

        assertThat(ledger.exceeds("o1", "e2", "live", 0, 500))
                .as("again over corp-sp1")
                .isEqualTo("corp-two-streams");
        assertThat(ledger.exceeds("b1", "e2", "live", 0, 500))
                .as("over corp-sp2")
                .isEmpty();
        ledger.reserve("b1", "e2", "live", 0, 500);
        assertThat(ledger.exceeds("b1", "e3", "live", 0, 500))
                .as("a third copy")
                .isEqualTo("corp-two-streams");
        assertThat(ledger.exceeds("e1", "e3", "live", 0, 500)).isEmpty();
        Ingress ingress = c.policies.ingress(c.node("e3"), c.channel("live")).orElseThrow();
        assertThat(ingress.copies()).isEqualTo(2);
        assertThat(ingress.distinctLinks()).isTrue();
    }

    @Test
    void meshEdgesCountAsWholeChannelCopies() {
        Compiled c = Compiled.of(
                corporation().build(),
                """
                  - id: one
                    kind: single-ingress
                    enterprise: corp
                """);
        Compiled.Ledger ledger = c.ledger().reserve("o1", "e1", "live", PolicyLedger.WHOLE_CHANNEL, 1000);

        assertThat(ledger.exceeds("b1", "e2", "live", PolicyLedger.WHOLE_CHANNEL, 1000))
                .isEqualTo("one");
    }
}
