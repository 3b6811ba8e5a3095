package dev.canopy.solver.polish;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.selector.common.decorator.SelectionFilter;

/**
 * Selects the attachments whose edge costs something now: the one move selector that looks
 * only at them finds the improving moves far more often than one over all attachments. Public
 * only because the solver instantiates it; stateless.
 */
public final class CostlyAttachments implements SelectionFilter<PolishSolution, Attachment> {
    @Override
    public boolean accept(ScoreDirector<PolishSolution> director, Attachment attachment) {
        return attachment.costPerKbps() > 0;
    }
}
