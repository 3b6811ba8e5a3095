package dev.canopy.solver.polish;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import dev.canopy.solver.Pairing;

/**
 * The rules a polished forest keeps, one constraint each. Hard: no sender over its uplink left
 * for the trees, no capped link direction over its spare kbps, every edge allowed by the
 * lightweight rules ({@link Pairing#canPair}), and a peer with no children in a channel in the
 * input takes children in one of the channel's trees at most. Soft: the locality cost (kbps
 * times {@link dev.canopy.solver.Locality} cost per kbps). Acyclicity and depth are kept by the
 * move filter. Public only because the solver instantiates it; stateless.
 */
public final class LocalityConstraints implements ConstraintProvider {

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
            parentUplink(factory), linkCapacity(factory), pairing(factory), oneInteriorTree(factory), locality(factory)
        };
    }

    /** Hard, per kbps: what a sender sends in the trees beyond the uplink it has for them. */
    Constraint parentUplink(ConstraintFactory factory) {
        return factory.forEach(Attachment.class)
                .groupBy(a -> a.parent.sender, ConstraintCollectors.sumLong(a -> a.rateKbps))
                .filter((sender, kbps) -> kbps > sender.budgetKbps)
                .penalizeLong(HardSoftLongScore.ONE_HARD, (sender, kbps) -> kbps - sender.budgetKbps)
                .asConstraint("parent uplink");
    }

    /** Hard, per kbps: what the trees put on a capped link direction beyond its spare capacity. */
    Constraint linkCapacity(ConstraintFactory factory) {
        return factory.forEach(Attachment.class)
                .flattenLast(Attachment::linkLoads)
                .groupBy(LinkLoad::direction, ConstraintCollectors.sumLong(LinkLoad::kbps))
                .filter((direction, kbps) -> kbps > direction.spareKbps)
                .penalizeLong(HardSoftLongScore.ONE_HARD, (direction, kbps) -> kbps - direction.spareKbps)
                .asConstraint("link capacity");
    }

    /** Hard, per edge: a no-relay parent, two lightweight ends, or a parent the child's access list lacks. */
    Constraint pairing(ConstraintFactory factory) {
        return factory.forEach(Attachment.class)
                .filter(a -> !Pairing.canPair(a.parent.sender.model, a.self.sender.model))
                .penalize(HardSoftLongScore.ONE_HARD)
                .asConstraint("pairing");
    }

    /** Hard, per extra tree: a peer new to relaying in a channel that has children in several of its trees. */
    Constraint oneInteriorTree(ConstraintFactory factory) {
        return factory.forEach(Attachment.class)
                .filter(a -> a.parent.fresh)
                .groupBy(
                        a -> a.parent.sender,
                        a -> a.parent.tree.channel,
                        ConstraintCollectors.countDistinct(a -> a.parent.tree))
                .filter((sender, channel, trees) -> trees > 1)
                .penalize(HardSoftLongScore.ONE_HARD, (sender, channel, trees) -> trees - 1)
                .asConstraint("one interior tree");
    }

    /** Soft: every edge's kbps times the locality cost per kbps between its ends' regions. */
    Constraint locality(ConstraintFactory factory) {
        return factory.forEach(Attachment.class)
                .penalizeLong(HardSoftLongScore.ONE_SOFT, a -> a.rateKbps * a.costPerKbps())
                .asConstraint("locality");
    }
}
