package dev.canopy.solver.polish;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.heuristic.selector.common.SelectionCacheType;
import ai.timefold.solver.core.config.heuristic.selector.common.SelectionOrder;
import ai.timefold.solver.core.config.heuristic.selector.entity.EntitySelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.MoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.SwapMoveSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The local search: change moves of parents over every attachment (sideways moves that make
 * room) and over the attachments whose edge costs something (the ones that can get cheaper),
 * filtered by {@link TreeShapeFilter}; started from the input forest (fully assigned, so no
 * construction phase); repeatable (environment mode {@code REPRODUCIBLE}, the plan's seed);
 * ended by a step count and a count of evaluated moves, both proportional to the attachments
 * (the move count ends searches where nearly every move breaks a hard rule, as on saturated
 * uplinks, and steps are slow to come), by a count of steps without a new best, or by the time
 * limit if one is given, else {@link #SAFETY_LIMIT} (only a time limit makes a run depend on
 * the machine).
 *
 * <p>{@link Settings#DEFAULT} is what measured best on the quick suite's 1,000-peer instances
 * (docs/benchmarks.md, "Locality polish"): late acceptance over 50 steps; tabu search reached
 * about the same cost in three times the time, and swap moves lowered the cost less per step.
 */
final class PolishSearch {
    /** The acceptors compared. */
    enum Acceptor {
        LATE_ACCEPTANCE,
        TABU
    }

    /** How to search; {@code swaps} adds swap moves of two receivers' parents in one tree. */
    record Settings(
            Acceptor acceptor, int stepsPerAttachment, int movesPerAttachment, int unimprovedSteps, boolean swaps) {
        static final Settings DEFAULT = new Settings(Acceptor.LATE_ACCEPTANCE, 8, 50, 20_000, false);
    }

    private static final int LATE_ACCEPTANCE_SIZE = 50;
    private static final int TABU_SIZE = 7;
    /**
     * The time limit when the options give none: a step ends only when a move is accepted, so
     * a search whose every move is refused would otherwise never end. Never reached on the
     * suites' instances (see docs/benchmarks.md).
     */
    static final Duration SAFETY_LIMIT = Duration.ofMinutes(2);

    private static final int TABU_MOVES_PER_STEP = 1_000;

    private PolishSearch() {}

    /** The best forest found from {@code forest} (which the solver does not change). */
    static PolishSolution solve(PolishSolution forest, long seed, Optional<Duration> timeLimit, Settings settings) {
        long steps = (long) settings.stepsPerAttachment() * forest.attachments.size();
        TerminationConfig termination = new TerminationConfig()
                .withStepCountLimit((int) Math.min(Integer.MAX_VALUE, steps))
                .withMoveCountLimit((long) settings.movesPerAttachment() * forest.attachments.size())
                .withUnimprovedStepCountLimit(settings.unimprovedSteps());
        termination.withSpentLimit(timeLimit.orElse(SAFETY_LIMIT));
        boolean tabu = settings.acceptor() == Acceptor.TABU;
        LocalSearchAcceptorConfig acceptor = tabu
                ? new LocalSearchAcceptorConfig()
                        .withEntityTabuSize(Math.max(1, Math.min(TABU_SIZE, forest.attachments.size() / 4)))
                : new LocalSearchAcceptorConfig().withLateAcceptanceSize(LATE_ACCEPTANCE_SIZE);
        LocalSearchForagerConfig forager =
                new LocalSearchForagerConfig().withAcceptedCountLimit(tabu ? TABU_MOVES_PER_STEP : 1);
        List<MoveSelectorConfig> moves = new ArrayList<>();
        moves.add(new ChangeMoveSelectorConfig().withFilterClass(TreeShapeFilter.class));
        moves.add(new ChangeMoveSelectorConfig()
                .withEntitySelectorConfig(
                        // filtered once per phase, then picked at random among those kept: filtering
                        // just in time retries random picks until one is costly, and spun for minutes
                        // once a descent had left only a few costly attachments
                        new EntitySelectorConfig(Attachment.class)
                                .withCacheType(SelectionCacheType.PHASE)
                                .withSelectionOrder(SelectionOrder.RANDOM)
                                .withFilterClass(CostlyAttachments.class))
                .withFilterClass(TreeShapeFilter.class));
        if (settings.swaps()) {
            moves.add(new SwapMoveSelectorConfig().withFilterClass(TreeShapeFilter.class));
        }
        SolverConfig config = new SolverConfig()
                .withSolutionClass(PolishSolution.class)
                .withEntityClasses(Attachment.class, Holder.class)
                .withConstraintProviderClass(LocalityConstraints.class)
                .withEnvironmentMode(EnvironmentMode.REPRODUCIBLE)
                .withRandomSeed(seed)
                .withPhases(new LocalSearchPhaseConfig()
                        .withMoveSelectorConfig(new UnionMoveSelectorConfig().withMoveSelectorList(moves))
                        .withAcceptorConfig(acceptor)
                        .withForagerConfig(forager))
                .withTerminationConfig(termination);
        return SolverFactory.<PolishSolution>create(config).buildSolver().solve(forest);
    }
}
