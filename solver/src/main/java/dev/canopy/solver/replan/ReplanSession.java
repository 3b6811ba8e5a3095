package dev.canopy.solver.replan;

import dev.canopy.model.Snapshot;
import dev.canopy.model.diff.Diff;
import dev.canopy.model.diff.PlanDiff;
import dev.canopy.model.event.Event;
import dev.canopy.model.event.Events;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.policy.PolicyDocument;
import dev.canopy.solver.PlanningProblem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A live plan that follows the network through events ({@code canopy/event@1}): the control
 * plane starts a session from a snapshot (and optionally the plan in force), applies events one
 * at a time or in batches, and gets back each new version's {@link Diff} to push to the peers.
 *
 * <p>Each batch is repaired locally (see {@link Repair}): a join attaches the node in each
 * substream's tree (and promotes a high-quality one next to a source); a leave or failure
 * re-attaches each child of the node with its subtree, the one with the most uplink left first
 * in the node's place; congestion moves the child to another
 * parent of the substream when there is one; a capacity or link change sheds the edges that no
 * longer fit and re-attaches them; a want attaches or detaches the node. A batch re-plans in
 * full, with the session's strategy on the current snapshot, when it carries a {@code policies}
 * event or a {@code tick} while hours-bound policies are in force (the plan is adopted: the old
 * one may break the new rules), and when the last full plan is older than {@link
 * ReplanOptions#fullEvery} or the unserved pairs grew by more than {@link
 * ReplanOptions#widerShare} (the plan is adopted only if its gain beats {@link
 * ReplanOptions#edgePenalty} per changed edge and its locality cost is at most 2 % above the
 * repaired plan's). Local repair applies the hard edge filters,
 * max-depth bounds and caps (link-cap, region-cap, serve-window share, single- and dual-ingress
 * copies, in a ledger that follows every attach and detach) of the policies as compiled at the
 * start or the last adopted full plan ({@link State#mayParent}) to the nodes known then;
 * redundancy, priority, soft policies, a second dual-ingress copy and the edges of nodes that
 * joined since wait for the next adopted full plan.
 *
 * <p>Versions go up by one per batch; the diff of a locally repaired batch is computed from the
 * edges it touched and equals {@link PlanDiff#between} of the plans before and after. Plans are
 * built only when asked for ({@link #plan}), in canonical order. Nodes joining in known regions
 * reuse the snapshot's routing by region; a full re-plan builds the index and routing of the
 * current snapshot.
 *
 * <p>Not thread-safe: one thread drives a session (the control plane serialises events per
 * network); sessions share nothing, and there is no global state. A rejected batch ({@link
 * ReplanException}) changes nothing. Returned plans, snapshots and diffs are immutable.
 */
public final class ReplanSession {
    private final ReplanOptions options;
    private PolicyDocument policies;
    private State state;
    private Repair repair;
    private EventHandler handler;
    private JournalDiff diffs;
    private long version;
    private Plan cached;
    private Instant lastFull;
    private int unservedAfterFull;
    private int wantedAfterFull;
    private boolean widerPending;
    private IngressWatch ingressWatch;
    /** A dual-ingress domain lost a copy in repair: the next batch is a forced full re-plan. */
    private boolean ingressPending;

    private ReplanSession(PlanningProblem problem, Plan plan, ReplanOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.policies = problem.policies();
        install(PlanLoader.load(problem.routing(), plan));
        state.usePolicies(problem.compiled());
        this.ingressWatch = IngressWatch.after(state);
        this.version = plan.version();
        this.lastFull = state.net.now();
    }

    /** A session on a fresh plan of the problem by the options' strategy (version of the problem's options). */
    public static ReplanSession start(PlanningProblem problem, ReplanOptions options) {
        return new ReplanSession(problem, options.strategy().plan(problem), options);
    }

    /**
     * A session that continues from the plan in force, which must be a plan of tree overlays for
     * the problem's snapshot that passes the verifier.
     *
     * @throws IllegalArgumentException naming the first problem when it is not
     */
    public static ReplanSession resume(PlanningProblem problem, Plan current, ReplanOptions options) {
        PlanLoader.check(problem.routing(), current);
        return new ReplanSession(problem, current, options);
    }

    /** Applies one event as a batch of its own. */
    public ReplanOutcome apply(Event event) {
        return applyAll(List.of(event));
    }

    /**
     * Applies events in order as one batch, producing one new version.
     *
     * @throws ReplanException when an event cannot be applied; then nothing is
     */
    public ReplanOutcome applyAll(List<? extends Event> batch) {
        BatchCheck.check(state.net, batch);
        boolean forced = ingressPending;
        PolicyDocument next = policies;
        for (Event event : batch) {
            if (event instanceof Events.PolicyChange change) {
                next = change.policies();
                forced = true;
            } else if (event instanceof Events.Tick) {
                forced |= HoursBound.any(next);
            }
        }
        Instant end =
                batch.isEmpty() ? state.net.now() : batch.get(batch.size() - 1).at();
        boolean periodic =
                !options.fullEvery().isZero() && Duration.between(lastFull, end).compareTo(options.fullEvery()) >= 0;
        boolean full = forced || periodic || widerPending;
        Plan before = full ? plan() : null;
        Instant stampBefore = state.net.now();
        state.journal.clear();
        for (Event event : batch) {
            handler.apply(event);
        }
        policies = next;
        version++;
        cached = null;
        if (full) {
            return recompute(before, forced);
        }
        Diff diff = diffs.of(stampBefore, version);
        if (state.unservedPairs() - unservedAfterFull > options.widerShare() * Math.max(1, wantedAfterFull)) {
            widerPending = true;
        }
        ingressPending = ingressWatch.lost(state);
        return new ReplanOutcome(
                version, diff, ReplanOutcome.Recompute.NONE, diff.changes().size());
    }

    private ReplanOutcome recompute(Plan before, boolean forced) {
        FullReplan.Result result = FullReplan.run(state, policies, options, version, forced);
        if (result.adopted()) {
            install(result.state());
            state.usePolicies(result.compiled());
        }
        cached = result.plan();
        lastFull = state.net.now();
        widerPending = false;
        ingressPending = false;
        ingressWatch = IngressWatch.after(state);
        Diff diff = PlanDiff.between(before, cached);
        return new ReplanOutcome(
                version,
                diff,
                result.adopted() ? ReplanOutcome.Recompute.ADOPTED : ReplanOutcome.Recompute.KEPT,
                diff.changes().size());
    }

    private void install(State replacement) {
        state = replacement;
        repair = new Repair(state, options);
        handler = new EventHandler(state, repair);
        diffs = new JournalDiff(state);
        state.journal.clear();
        unservedAfterFull = state.unservedPairs();
        wantedAfterFull = state.wantedPairs();
    }

    /** The current plan, version {@link #version}, in canonical order; built on first request after a batch. */
    public Plan plan() {
        if (cached == null) {
            cached = PlanWriter.write(state, version);
        }
        return cached;
    }

    /** The network as the events have left it (the snapshot the current plan is for). */
    public Snapshot snapshot() {
        return state.net.snapshot();
    }

    /** The current plan's version. */
    public long version() {
        return version;
    }

    /** The policy document in force. */
    public PolicyDocument policies() {
        return policies;
    }

    /** The time of the last event applied (the snapshot's {@code takenAt} before any). */
    public Instant now() {
        return state.net.now();
    }
}
