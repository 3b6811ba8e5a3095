package dev.canopy.solver.polish;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import java.util.ArrayList;
import java.util.List;

/**
 * The Timefold planning solution of the locality polish: the plan's substream trees as the local
 * search sees them, every receiver's attachment (a planning entity whose parent may change) and
 * every holder (a possible parent, with its children), built by {@link PolishSolutionBuilder},
 * copied by {@link PolishSolutionCloner} and written back by {@link PlanRewrite}. Hard score:
 * kbps over uplinks and links, and edges breaking a pairing or the one-interior-tree rule; soft
 * score: the locality cost. Timefold's types stay in this package. Mutable, changed by the
 * solver's moves; not thread-safe.
 */
@PlanningSolution(solutionCloner = PolishSolutionCloner.class)
final class PolishSolution {
    @PlanningEntityCollectionProperty
    List<Attachment> attachments = new ArrayList<>();

    @PlanningEntityCollectionProperty
    List<Holder> holders = new ArrayList<>();

    /** The trees, by {@code index}; the holders and attachments are numbered by position ({@code id}). */
    List<Tree> trees = new ArrayList<>();

    @PlanningScore
    HardSoftLongScore score;

    PolishSolution() {}

    PolishSolution(List<Attachment> attachments, List<Holder> holders, List<Tree> trees) {
        this.attachments = attachments;
        this.holders = holders;
        this.trees = trees;
    }
}
