package dev.canopy.solver.polish;

import static dev.canopy.solver.polish.PolishSolutionFixture.SUBSTREAM;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import dev.canopy.solver.Locality;
import org.junit.jupiter.api.Test;

class LocalityConstraintsTest {
    private final ConstraintVerifier<LocalityConstraints, PolishSolution> verifier =
            ConstraintVerifier.build(new LocalityConstraints(), PolishSolution.class, Attachment.class, Holder.class);
    private final PolishSolutionFixture f = new PolishSolutionFixture();
    private final Tree tree = PolishSolutionFixture.tree(0, 3);
    private final Holder origin = f.holder(f.sender("origin", 6 * SUBSTREAM), tree, false);

    @Test
    void aSenderWithinItsBudgetIsNotPenalised() {
        Holder c1 = f.holder(f.sender("c1", 2 * SUBSTREAM), tree, false);
        verifier.verifyThat(LocalityConstraints::parentUplink)
                .given(
                        f.attach(f.holder(f.sender("c2", 0), tree, false), c1),
                        f.attach(f.holder(f.sender("c3", 0), tree, false), c1))
                .penalizesBy(0);
    }

    @Test
    void aSenderOverItsBudgetIsPenalisedByTheExcessKbps() {
        Holder c1 = f.holder(f.sender("c1", 2 * SUBSTREAM), tree, false);
        verifier.verifyThat(LocalityConstraints::parentUplink)
                .given(
                        f.attach(f.holder(f.sender("c2", 0), tree, false), c1),
                        f.attach(f.holder(f.sender("c3", 0), tree, false), c1),
                        f.attach(f.holder(f.sender("l1", 0), tree, false), c1))
                .penalizesBy(SUBSTREAM);
    }

    @Test
    void edgesOverACappedLinkArePenalisedByTheExcessInThatDirectionOnly() {
        Attachment[] across = new Attachment[5];
        for (int i = 0; i < across.length; i++) {
            across[i] = f.attach(
                    f.holder(f.sender(new String[] {"c1", "c2", "c3", "l1", "r1"}[i], 0), tree, false), origin);
        }
        Attachment back = f.attach(f.holder(f.sender("b1", 0), tree, false), across[0].self);
        verifier.verifyThat(LocalityConstraints::linkCapacity)
                .given(across[0], across[1], across[2], across[3], back)
                .penalizesBy(0);
        verifier.verifyThat(LocalityConstraints::linkCapacity)
                .given(across[0], across[1], across[2], across[3], across[4], back)
                .penalizesBy(SUBSTREAM);
    }

    @Test
    void theLightweightRulesAndAccessListsArePenalisedPerEdge() {
        Holder l1 = f.holder(f.sender("l1", SUBSTREAM), tree, false);
        Holder n1 = f.holder(f.sender("n1", SUBSTREAM), tree, false);
        Holder c1 = f.holder(f.sender("c1", SUBSTREAM), tree, false);
        Attachment lightweightFromRegular = f.attach(l1, c1);
        Attachment fromNoRelay = f.attach(f.holder(f.sender("c2", 0), tree, false), n1);
        Attachment accessListFromPeer = f.attach(f.holder(f.sender("r1", 0), tree, false), c1);
        Attachment accessListFromOrigin = f.attach(
                f.holder(f.sender("r1", 0), PolishSolutionFixture.tree(1, 3), false),
                f.holder(f.sender("origin", 0), PolishSolutionFixture.tree(1, 3), false));
        verifier.verifyThat(LocalityConstraints::pairing)
                .given(lightweightFromRegular, accessListFromOrigin)
                .penalizesBy(0);
        verifier.verifyThat(LocalityConstraints::pairing)
                .given(fromNoRelay, accessListFromPeer)
                .penalizesBy(2);
    }

    @Test
    void twoLightweightEndsArePenalised() {
        Holder l1 = f.holder(f.sender("l1", SUBSTREAM), tree, false);
        Attachment pair = f.attach(f.holder(f.sender("n1", 0), tree, false), l1);
        verifier.verifyThat(LocalityConstraints::pairing).given(pair).penalizesBy(1);
    }

    @Test
    void aFreshPeerWithChildrenInTwoTreesOfTheChannelIsPenalisedOnce() {
        Tree other = PolishSolutionFixture.tree(1, 3);
        Sender c1 = f.sender("c1", 2 * SUBSTREAM);
        Attachment inFirst = f.attach(f.holder(f.sender("c2", 0), tree, false), f.holder(c1, tree, true));
        Attachment alsoInFirst = f.attach(f.holder(f.sender("c3", 0), tree, false), inFirst.parent);
        Attachment inSecond = f.attach(f.holder(f.sender("c2", 0), other, false), f.holder(c1, other, true));
        verifier.verifyThat(LocalityConstraints::oneInteriorTree)
                .given(inFirst, alsoInFirst)
                .penalizesBy(0);
        verifier.verifyThat(LocalityConstraints::oneInteriorTree)
                .given(inFirst, alsoInFirst, inSecond)
                .penalizesBy(1);
    }

    @Test
    void aPeerAlreadyInteriorInTheInputIsNotHeldToOneTree() {
        Tree other = PolishSolutionFixture.tree(1, 3);
        Sender c1 = f.sender("c1", 2 * SUBSTREAM);
        Attachment inFirst = f.attach(f.holder(f.sender("c2", 0), tree, false), f.holder(c1, tree, false));
        Attachment inSecond = f.attach(f.holder(f.sender("c2", 0), other, false), f.holder(c1, other, false));
        verifier.verifyThat(LocalityConstraints::oneInteriorTree)
                .given(inFirst, inSecond)
                .penalizesBy(0);
    }

    @Test
    void localityCostsTheEdgeRateTimesTheRegionCost() {
        Holder c1 = f.holder(f.sender("c1", 2 * SUBSTREAM), tree, false);
        Holder b1 = f.holder(f.sender("b1", 2 * SUBSTREAM), tree, false);
        Attachment sameRegion = f.attach(f.holder(f.sender("c2", 0), tree, false), c1);
        Attachment sameCountry = f.attach(b1, origin);
        Attachment acrossCountries = f.attach(c1, origin);
        verifier.verifyThat(LocalityConstraints::locality).given(sameRegion).penalizesBy(0);
        verifier.verifyThat(LocalityConstraints::locality)
                .given(sameRegion, sameCountry, acrossCountries)
                .penalizesBy(SUBSTREAM * (Locality.CROSS_REGION + Locality.CROSS_COUNTRY));
    }
}
