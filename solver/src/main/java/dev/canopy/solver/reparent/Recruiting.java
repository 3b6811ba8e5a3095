package dev.canopy.solver.reparent;

import dev.canopy.model.Tier;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.plan.Unserved;
import dev.canopy.model.plan.UnservedReason;
import dev.canopy.solver.Resources;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Serves more receivers of a plan whose holders are all full, by recruiting peers the plan leaves
 * idle as relays of single substreams. Why: where capacity is short (the critical family) the
 * heuristic plans fill every holder's uplink and leave the unserved peers' uplink unused (critical
 * 2,000 peers, k = 4: 575 unserved, 883 substream slots idle among them), while an unserved peer
 * that receives one substream and sends it twice adds a copy of it. Exact's class model allows
 * such degraded relays, but CP-SAT's phase one does not move far from its hint within its budget.
 *
 * <p>Receivers listed unserved for capacity (or ejected, or degraded) and barred by no policy are
 * taken in tier order (premium first), then by node number, in passes until one serves nobody. For
 * each, every substream it lacks (as many as it needs: k of the k+n) gets a parent:
 *
 * <ul>
 *   <li>a holder with room, from the receiver's region, its country, then anywhere;
 *   <li>else a <b>recruit</b>: a node that does not hold the substream and may relay, with room
 *       for two copies, is spliced into an edge of the substream's tree (the edge's parent sends to
 *       the recruit, which sends to the edge's child and to the receiver), or adopted by a holder
 *       with room.
 * </ul>
 *
 * A receiver that cannot get all it needs gets nothing (its edges are taken back), so every
 * change serves one more receiver; recruits that were unserved are listed {@code degraded}. Every
 * edge is checked as {@link Reparenting} checks it ({@link ReparentingTrees#canAdopt}: holds,
 * lightweight rules, capacities and links, no cycle), so the plan stays valid. No depth rule (for
 * exact: {@link TreeRules#ANY}); not for plans under operator policies (the gate is unrestricted).
 * Deterministic, bounded in its work ({@value #MAX_CHECKS} checks). Stateless.
 */
public final class Recruiting {
    /** Edge checks per search at most: a deterministic bound on the work. */
    static final long MAX_CHECKS = 50_000_000;

    /** Passes over the unserved receivers at most. */
    static final int MAX_PASSES = 4;

    /**
     * Recruits tried per missing substream at most: those with most room first (fewer recruits,
     * so fewer copies spent feeding them: critical 2,000 peers, k = 8, greedy's plan then serves
     * 526 more receivers instead of 497), the receiver's region, then its country, on a tie.
     */
    static final int RECRUIT_TRIES = 48;

    /**
     * The plan with more receivers served.
     *
     * @param served receivers served that were not (targets, and recruits that came to hold enough)
     * @param recruits nodes that relay a substream they did not hold
     */
    public record Outcome(Plan plan, int served, int recruits) {}

    private final ReparentingTrees forest;
    private final Plan start;
    /** Per channel, its trees (by overlay number). */
    private final List<List<Integer>> treesOf = new ArrayList<>();
    /** Edge changes of the receiver being served: {@code {tree, child, old parent}}, undone on failure. */
    private final List<int[]> log = new ArrayList<>();
    /** Per region, {@link #nearest}'s order, made on first use (every search asks it again and again). */
    private final int[][] nearestByRegion;

    private int recruits;

    private Recruiting(ReparentingTrees forest, Plan start) {
        this.forest = forest;
        this.start = start;
        this.nearestByRegion = new int[forest.index.regionCount()][];
        for (int c = 0; c < forest.index.channelCount(); c++) {
            treesOf.add(new ArrayList<>());
        }
        for (int t = 0; t < forest.trees(); t++) {
            treesOf.get(forest.channel[t]).add(t);
        }
    }

    /**
     * The plan with more receivers served, or empty when it is not made of trees (see {@link
     * ReparentingTrees}). {@code resources} must be fresh; {@code stop} is asked before each
     * receiver.
     */
    public static Optional<Outcome> improve(Plan start, Resources resources, BooleanSupplier stop) {
        return ReparentingTrees.of(start, resources, TreeRules.ANY)
                .map(forest -> new Recruiting(forest, start).run(stop));
    }

    private Outcome run(BooleanSupplier stop) {
        List<Unserved> targets = new ArrayList<>();
        for (Unserved u : start.unserved()) {
            boolean open = u.reason() == UnservedReason.CAPACITY
                    || u.reason() == UnservedReason.EJECTED
                    || u.reason() == UnservedReason.DEGRADED;
            if (open && u.policy().isEmpty()) {
                targets.add(u);
            }
        }
        targets.sort(Comparator.comparing((Unserved u) -> tier(u).ordinal()).thenComparingInt(this::node));
        boolean progress = true;
        for (int pass = 0; pass < MAX_PASSES && progress; pass++) {
            progress = false;
            for (Unserved u : targets) {
                if (stop.getAsBoolean() || forest.checks > MAX_CHECKS) {
                    return outcome();
                }
                int c = forest.index.channelIndex(u.channel()).orElseThrow();
                int q = node(u);
                if (missing(c, q) > 0 && serve(c, q)) {
                    progress = true;
                }
            }
        }
        return outcome();
    }

    private Tier tier(Unserved u) {
        return forest.index.node(node(u)).tier();
    }

    private int node(Unserved u) {
        return forest.index.nodeIndex(u.node()).orElseThrow();
    }

    /** Substreams of channel c that q still needs (k of the k+n, less those it holds). */
    private int missing(int c, int q) {
        return forest.index.channel(c).substreams() - held(c, q);
    }

    /** Substreams of channel c that q holds. */
    private int held(int c, int q) {
        int held = 0;
        for (int t : treesOf.get(c)) {
            held += forest.parent[t][q] >= 0 ? 1 : 0;
        }
        return held;
    }

    /** Gives q a parent in as many of channel c's trees as it lacks, or changes nothing. */
    private boolean serve(int c, int q) {
        log.clear();
        int before = recruits;
        int needed = missing(c, q);
        for (int t : treesOf.get(c)) {
            if (needed == 0) {
                break;
            }
            if (forest.parent[t][q] < 0 && (adopt(t, q) || recruit(t, q))) {
                needed--;
            }
        }
        if (needed == 0) {
            return true;
        }
        for (int i = log.size() - 1; i >= 0; i--) {
            int[] change = log.get(i);
            set(change[0], change[1], change[2]);
        }
        log.clear();
        recruits = before;
        return false;
    }

    /** Attaches q in t to a holder with room: its region, its country, then anyone. */
    private boolean adopt(int t, int q) {
        int p = parentWithRoom(t, q);
        if (p < 0) {
            return false;
        }
        change(t, q, p);
        return true;
    }

    /** A holder of t with room that may adopt q, nearest q first; -1 when none. */
    private int parentWithRoom(int t, int q) {
        for (int p : nearest(q)) {
            if (forest.spare(p) >= forest.rate[t] && forest.canAdopt(t, p, q)) {
                return p;
            }
        }
        return -1;
    }

    /**
     * Recruits a node that does not hold t, with room for two copies, as q's parent in t: adopted by
     * a holder with room, or spliced into an edge of t whose child it then also feeds. The node
     * with most room is tried first.
     */
    private boolean recruit(int t, int q) {
        int c = forest.channel[t];
        List<Integer> candidates = new ArrayList<>();
        for (int r : nearest(q)) {
            if (r != q
                    && !forest.holds(t, r)
                    && forest.spare(r) >= 2 * forest.rate[t]
                    && forest.index.node(r).canRelay()
                    && forest.gate.admits(r, q, c)) {
                candidates.add(r);
            }
        }
        candidates.sort(Comparator.comparingLong((Integer r) -> -forest.spare(r)));
        for (int r : candidates.subList(0, Math.min(RECRUIT_TRIES, candidates.size()))) {
            if (feed(t, r) && forest.canAdopt(t, r, q)) {
                change(t, q, r);
                recruits++;
                return true;
            }
        }
        return false;
    }

    /**
     * Gives r (not in t) a parent in t: a holder with room, else the parent of an edge of t that r
     * takes over, r then sending to that edge's child. Logged; false (nothing changed) when none.
     */
    private boolean feed(int t, int r) {
        int direct = parentWithRoom(t, r);
        if (direct >= 0) {
            change(t, r, direct);
            return true;
        }
        int c = forest.channel[t];
        int nodes = forest.index.nodeCount();
        for (int p : nearest(r)) {
            if (!forest.holds(t, p) || !forest.gate.admits(p, r, c)) {
                continue;
            }
            for (int code : forest.sentBy(p)) {
                int x = code % nodes;
                if (code / nodes != t || !forest.gate.admits(r, x, c)) {
                    continue;
                }
                forest.detach(t, x);
                if (forest.canAdopt(t, p, r)) {
                    forest.attach(t, p, r);
                    if (forest.canAdopt(t, r, x)) {
                        forest.attach(t, r, x);
                        log.add(new int[] {t, x, p});
                        log.add(new int[] {t, r, -1});
                        return true;
                    }
                    forest.detach(t, r);
                }
                forest.attach(t, p, x);
            }
        }
        return false;
    }

    /** Nodes by distance from q's region: its region, its country, then the rest, by number within each. */
    private int[] nearest(int q) {
        int region = forest.index.regionOf(q);
        if (nearestByRegion[region] == null) {
            nearestByRegion[region] = order(region);
        }
        return nearestByRegion[region];
    }

    private int[] order(int region) {
        int nodes = forest.index.nodeCount();
        int[] order = new int[nodes];
        int n = 0;
        boolean[] placed = new boolean[nodes];
        for (int p : forest.regionNodes[region]) {
            order[n++] = p;
            placed[p] = true;
        }
        for (int r : forest.countryRegions[region]) {
            for (int p : forest.regionNodes[r]) {
                order[n++] = p;
                placed[p] = true;
            }
        }
        for (int p = 0; p < nodes; p++) {
            if (!placed[p]) {
                order[n++] = p;
            }
        }
        return order;
    }

    /** Sets q's parent in t to p (the caller checked it), logged so that it can be undone. */
    private void change(int t, int q, int p) {
        log.add(new int[] {t, q, forest.parent[t][q]});
        set(t, q, p);
    }

    private void set(int t, int q, int p) {
        if (forest.parent[t][q] >= 0) {
            forest.detach(t, q);
        }
        if (p >= 0) {
            forest.attach(t, p, q);
        }
    }

    /** The plan with the new trees and its unserved list brought up to date. */
    private Outcome outcome() {
        List<Unserved> unserved = new ArrayList<>();
        int served = 0;
        for (Unserved u : start.unserved()) {
            int c = forest.index.channelIndex(u.channel()).orElseThrow();
            int q = node(u);
            int held = held(c, q);
            if (held >= forest.index.channel(c).substreams()) {
                served++;
                continue;
            }
            unserved.add(
                    held > u.receivedSubstreams()
                            ? new Unserved(u.node(), u.channel(), UnservedReason.DEGRADED, Optional.empty(), held)
                            : u);
        }
        return new Outcome(forest.toPlan().withUnserved(unserved), served, recruits);
    }
}
