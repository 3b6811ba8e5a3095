package dev.canopy.solver.polish;

import static dev.canopy.solver.polish.PolishSolutionFixture.SUBSTREAM;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TreeShapeFilterTest {
    private final PolishSolutionFixture f = new PolishSolutionFixture();
    private final Tree tree = PolishSolutionFixture.tree(0, 3);
    private final Holder origin = f.holder(f.sender("origin", 6 * SUBSTREAM), tree, false);
    // origin -> c1 -> c2 -> c3 (depths 1, 2, 3), origin -> b1 (depth 1)
    private final Attachment c1 = f.attach(f.holder(f.sender("c1", 2 * SUBSTREAM), tree, false), origin);
    private final Attachment c2 = f.attach(f.holder(f.sender("c2", SUBSTREAM), tree, false), c1.self);
    private final Attachment c3 = f.attach(f.holder(f.sender("c3", SUBSTREAM), tree, false), c2.self);
    private final Attachment b1 = f.attach(f.holder(f.sender("b1", SUBSTREAM), tree, false), origin);

    @Test
    void aLeafMayMoveWhereItStaysWithinTheBound() {
        assertThat(TreeShapeFilter.fits(c3.self, c1.self, null, null)).isTrue();
        assertThat(TreeShapeFilter.fits(c3.self, origin, null, null)).isTrue();
    }

    @Test
    void aMoveUnderItsOwnDescendantIsRefused() {
        assertThat(TreeShapeFilter.fits(c1.self, c3.self, null, null)).isFalse();
        assertThat(TreeShapeFilter.fits(c1.self, c1.self, null, null)).isFalse();
    }

    @Test
    void aMoveBelowTheDepthBoundIsRefused() {
        assertThat(TreeShapeFilter.fits(b1.self, c3.self, null, null)).isFalse();
    }

    @Test
    void aSubtreeMustFitBelowItsNewDepth() {
        // c2 has c3 below it: under b1 (depth 1) c3 would be at depth 3, within the bound; under c3 never
        assertThat(TreeShapeFilter.fits(c2.self, b1.self, null, null)).isTrue();
        Attachment d = f.attach(f.holder(f.sender("l1", 0), tree, false), b1.self);
        // c1's subtree is 2 deep: under d (depth 2) it would reach depth 5
        assertThat(TreeShapeFilter.fits(c1.self, d.self, null, null)).isFalse();
    }

    @Test
    void aSwapThatWouldCloseACycleIsRefused() {
        // c2 under origin and c1 under c2's parent c1 itself: c1 would be its own parent
        assertThat(TreeShapeFilter.fits(c2.self, origin, c1.self, c2.parent)).isTrue();
        assertThat(TreeShapeFilter.fits(c1.self, c2.parent, c2.self, origin)).isFalse();
    }

    @Test
    void aSwapOfTwoLeavesAtTheSameDepthKeepsTheTreeValid() {
        Attachment l = f.attach(f.holder(f.sender("l1", 0), tree, false), b1.self);
        assertThat(TreeShapeFilter.fits(c2.self, l.parent, l.self, c2.parent)).isTrue();
        assertThat(TreeShapeFilter.fits(l.self, c2.parent, c2.self, l.parent)).isTrue();
    }
}
