package dev.canopy.solver.polish;

import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Plan;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.solver.Locality;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.Resources;
import dev.canopy.solver.multitree.RelayCounts;
import dev.canopy.solver.reparent.Reparenting;
import dev.canopy.solver.reparent.TreeRules;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Lowers a plan's {@link Locality} cost by re-parenting receivers inside their substream trees,
 * in two steps. First a deterministic descent ({@link Reparenting} under {@link
 * TreeRules#MULTI_TREE}): every edge that crosses a region moves to the cheapest parent with room,
 * or takes a full one's slot by moving that parent's other edge more cheaply elsewhere. Measured
 * on the quick suite's 1,000-peer plans it removes most of what the search below finds, in a
 * fraction of its time (see docs/benchmarks.md, "Polish: descent first"). Then a Timefold local
 * search from the descended plan: each (receiver, tree) attachment may move under another holder
 * of the tree that may relay there (multi-tree's rule: a peer in the trees where it has children,
 * or in one tree if it has none; servers in every tree), keeping uplinks and capped links, the
 * lightweight rules and access lists, acyclicity and the depth bound (see {@link
 * LocalityConstraints}, {@link TreeShapeFilter}). Who is served, by which substreams and at which
 * rate never changes, nor do meshes, clubs, unserved and relaxed entries.
 *
 * <p>Never worse than its input: the polished plan is returned only if it passes {@link
 * PlanVerifier} and costs strictly less; otherwise the input comes back. The input itself is not
 * verified here (callers verify whatever plan comes back): an input that breaks a rule is refused
 * by {@link PolishSolutionBuilder} (a cycle, a node with two parents) or polished like any other, and a
 * polished plan that breaks a rule is never returned. Skips plans under operator
 * policies (their per-edge rules are not modelled) and plans without trees. Either way the plan's
 * metrics say what happened: {@value #STATUS} ({@code polished}, {@code kept input: ...} or
 * {@code skipped: ...}), and when it ran {@value #BEFORE}, {@value #AFTER} (locality cost) and
 * {@value #MOVED} (moves made by both steps; an edge moved twice counts twice); a polished
 * plan's metrics that multi-tree counts from the edges (see {@link RelayCounts}) are counted
 * again from the polished edges.
 *
 * <p>Repeatable: the descent is deterministic and bounded by its own work limits, the plan's seed
 * drives the search and a step count ends it; a time limit in the options ends both earlier (the
 * descent gets at most half of it, the search what is left; then the result depends on the
 * machine). Stateless and thread-safe.
 */
public final class LocalityPolish {
    /** Metric: what the polish did. */
    public static final String STATUS = "polish";
    /** Metric: locality cost of the input plan. */
    public static final String BEFORE = "polishLocalityBefore";
    /** Metric: locality cost of the returned plan. */
    public static final String AFTER = "polishLocalityAfter";
    /** Metric: tree edges given another parent. */
    public static final String MOVED = "polishMovedEdges";

    private LocalityPolish() {}

    /**
     * The plan polished, under its own strategy name.
     *
     * @param plan a strategy's plan for this problem: every node and channel it names is the
     *     snapshot's
     */
    public static Plan polish(PlanningProblem problem, Plan plan) {
        return polish(problem, plan, plan.strategy());
    }

    /** The plan polished, reported under {@code strategy} (whether or not the polish changed it). */
    public static Plan polish(PlanningProblem problem, Plan plan, String strategy) {
        return polish(problem, plan, strategy, PolishSearch.Settings.DEFAULT);
    }

    /** The same with other search settings (to compare them). */
    static Plan polish(PlanningProblem problem, Plan plan, String strategy, PolishSearch.Settings settings) {
        if (!problem.policies().policies().isEmpty()) {
            return unchanged(plan, strategy, "skipped: operator policies", Map.of());
        }
        long started = System.nanoTime();
        Optional<Duration> limit = problem.options().timeLimit();
        Optional<Reparenting.Outcome> local = descend(problem, plan, started, limit);
        Plan start = local.map(Reparenting.Outcome::plan).orElse(plan);
        PolishSolutionBuilder.Built built = PolishSolutionBuilder.build(problem.routing(), start);
        if (!built.ok()) {
            return unchanged(plan, strategy, "skipped: " + built.refusal(), Map.of());
        }
        if (built.forest().attachments.isEmpty()) {
            return unchanged(plan, strategy, "skipped: no tree edges", Map.of());
        }
        SnapshotIndex index = problem.index();
        long before = Locality.planCost(index, plan);
        long descended = local.isPresent() ? Locality.planCost(index, start) : before;
        PolishSolution best = PolishSearch.solve(
                built.forest(),
                problem.options().seed(),
                limit.map(l ->
                        Duration.ofMillis(Math.max(0, l.minus(elapsed(started)).toMillis()))),
                settings);
        Map<String, Object> metrics = new LinkedHashMap<>(plan.metrics());
        metrics.put(STATUS, "polished");
        metrics.put(BEFORE, before);
        PlanRewrite.Rewritten rewritten = PlanRewrite.apply(index, start, best, strategy, metrics);
        long searched = Locality.planCost(index, rewritten.plan());
        boolean searchHelped = best.score.hardScore() >= 0 && searched < descended;
        Plan polished = searchHelped ? rewritten.plan() : renamed(start, strategy, start.metrics());
        long after = searchHelped ? searched : descended;
        Map<String, Object> cost = Map.of(BEFORE, before, AFTER, before);
        if (after >= before) {
            return unchanged(plan, strategy, "kept input: no cheaper plan found", cost);
        }
        if (!PlanVerifier.verify(problem.routing(), polished, problem.compiled())
                .ok()) {
            return unchanged(plan, strategy, "kept input: the polished plan broke a rule", cost);
        }
        metrics.put(AFTER, after);
        metrics.put(MOVED, local.map(Reparenting.Outcome::moves).orElse(0) + (searchHelped ? rewritten.moved() : 0));
        return polished.withMetrics(RelayCounts.of(index, polished).restate(metrics));
    }

    /**
     * The descent under multi-tree's rules, within half of the time limit; empty when it moved
     * nothing (or the plan is not made of trees).
     */
    private static Optional<Reparenting.Outcome> descend(
            PlanningProblem problem, Plan plan, long started, Optional<Duration> limit) {
        return Reparenting.improve(
                        plan,
                        new Resources(problem.routing()),
                        TreeRules.MULTI_TREE,
                        () -> limit.isPresent()
                                && elapsed(started).compareTo(limit.get().dividedBy(2)) > 0)
                .filter(outcome -> outcome.moves() > 0);
    }

    private static Duration elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static Plan unchanged(Plan plan, String strategy, String status, Map<String, Object> extra) {
        Map<String, Object> metrics = new LinkedHashMap<>(plan.metrics());
        metrics.put(STATUS, status);
        metrics.putAll(new TreeMap<>(extra));
        return renamed(plan, strategy, metrics);
    }

    private static Plan renamed(Plan plan, String strategy, Map<String, Object> metrics) {
        return new Plan(
                plan.format(),
                plan.snapshot(),
                plan.version(),
                plan.createdAt(),
                strategy,
                plan.overlays(),
                plan.clubs(),
                plan.unserved(),
                plan.relaxed(),
                metrics);
    }
}
