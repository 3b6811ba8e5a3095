package dev.canopy.solver.multitree;

import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.UnservedReason;
import dev.canopy.solver.PlanAssembler;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.PolicyGate;
import dev.canopy.solver.Resources;
import java.util.Optional;

/**
 * Plans one channel: its members and their slots (what the channels planned before left of each
 * node's uplink, less what is kept for the channels after); ejection until feasible; which tree
 * each peer is interior in; how many server slots each tree may use; the trees; and the
 * accounting of every receiver as served or unserved with its reason.
 *
 * <p>Every receiver kept gets k substreams or is ejected: the trees are built into an {@link
 * EdgeLog} first, and when a kept receiver comes out short every reservation is given back and
 * the channel is tried again, first with more receivers ejected in the seed's order (the
 * shortfall as a margin, {@value #MARGIN_ROUNDS} times at most), then with the short receivers
 * themselves ejected; short receivers of that last attempt that feed no one are dropped (one
 * that feeds others stays, degraded). When ejecting by the seed's order does not help and every
 * short receiver already feeds no one, they are dropped from the attempt at hand instead, with no
 * rebuild: at 10^6 peers this saves one of two builds of every tree (about 1 s of CPU) and serves
 * 46 more receivers, since the copies the rebuild moved to others (who then came out short in
 * turn) stay where they were. The edges emitted are counted into the planner's {@link
 * RelayCounts.Tally}. Stateless; one call per channel.
 */
final class ChannelRun {
    /** Attempts that eject more by the seed's order after the trees came out short, before the short ones go. */
    private static final int MARGIN_ROUNDS = 2;

    private ChannelRun() {}

    static void plan(
            PlanningProblem problem,
            PolicyGate gate,
            PlanAssembler plan,
            int channel,
            boolean coded,
            long[] reservedLater,
            RelayCounts.Tally relays,
            Parallelism parallelism) {
        SnapshotIndex index = problem.index();
        Resources resources = gate.resources();
        var spec = index.channel(channel);
        int wanted = coded ? spec.totalSubstreams() : parityTrees(gate, index, channel);
        ChannelMembers m =
                ChannelMembers.of(gate, channel, wanted, ChannelMembers.budgets(index, resources, reservedLater));
        Ejection.apply(m, 0);
        long margin = 0;
        boolean last = false;
        EdgeLog log = new EdgeLog(substreamsWanted(m));
        int[] relayOrder = TreeAssignment.relayOrder(m);
        for (int round = 0; ; round++) {
            int mark = gate.relaxations().size();
            TreeBuilder builder = build(problem, gate, m, relayOrder, log, parallelism);
            long missing = shortfall(m, builder.got);
            int more = 0;
            if (missing > 0 && !last) {
                margin += missing;
                more = round < MARGIN_ROUNDS ? Ejection.apply(m, margin) : 0;
                // Short receivers that feed no one are dropped from this attempt's trees instead
                // of ejected before a rebuild: the other receivers' edges stay as they are.
                last = more == 0 && shortOnesAreLeaves(m, builder.got, log);
            }
            if (missing == 0 || last) {
                if (missing > 0) {
                    dropDegradedLeaves(m, builder.got, log, gate);
                }
                log.emitTo(plan, m);
                log.countInto(relays, m.trees);
                account(m, builder.got, gate, plan);
                return;
            }
            log.releaseAll(gate, channel, m.rate);
            gate.relaxations().rollBack(mark);
            if (more == 0) {
                ejectDegraded(m, builder.got);
                last = true;
            }
        }
    }

    /**
     * Builds the channel's trees as its members stand, recording the edges in the log; in
     * parallel where {@link TreeForks} can (the same trees either way).
     */
    private static TreeBuilder build(
            PlanningProblem problem,
            PolicyGate gate,
            ChannelMembers m,
            int[] relayOrder,
            EdgeLog log,
            Parallelism parallelism) {
        SnapshotIndex index = problem.index();
        int[] regionDemand = new int[index.regionCount()];
        long[] need = new long[m.trees];
        long[] mandatory = new long[m.trees];
        for (int r : m.receivers) {
            if (!m.active(r)) {
                continue;
            }
            boolean serverOnly = m.restricted(r) || m.has(r, ChannelMembers.SERVER);
            if (!serverOnly) {
                regionDemand[index.regionOf(r)]++;
            }
            for (int s = 0; s < m.joins[r]; s++) {
                if (serverOnly) {
                    mandatory[s]++;
                } else {
                    need[s]++;
                }
            }
        }
        long serverSlots = 0;
        for (int server : m.servers) {
            if (m.active(server)) {
                serverSlots += m.slots[server];
            }
        }
        long spare = serverSlots;
        for (int s = 0; s < m.trees; s++) {
            spare -= mandatory[s];
        }
        TreeAssignment assignment = new TreeAssignment(m, regionDemand, relayOrder);
        FriendFeeds friends = FriendFeeds.reserve(m, assignment);
        long[] byFriends = friends.fedPerTree();
        for (int s = 0; s < m.trees; s++) {
            mandatory[s] -= byFriends[s];
            spare += byFriends[s];
        }
        // A tree's entries (its root fan-out, or its share of what servers must send anyway) hang
        // under servers, so its peers' slots need feed that many receivers fewer, and the servers
        // have that many slots less to spare.
        long peerSlots = 0;
        for (long slots : assignment.treeSlots) {
            peerSlots += slots;
        }
        long[] forced = ServerBudget.forcedEntries(m.k, need, peerSlots, spare);
        long[] roots = new long[m.trees];
        long[] peerNeed = new long[m.trees];
        long rootCopies = 0;
        for (int s = 0; s < m.trees; s++) {
            roots[s] = Math.min(need[s], Math.max(ServerBudget.rootFanOut(need[s]), forced[s]));
            peerNeed[s] = need[s] - roots[s];
            rootCopies += roots[s];
        }
        assignment.balance(peerNeed, Math.max(0, spare - rootCopies));
        ServerBudget budget = ServerBudget.of(m, need, mandatory, assignment.treeSlots, spare, roots);

        Nearby nearby = new Nearby(index, problem.routing(), assignment.regions, m.servers);
        long dataNeed = 0;
        for (int s = 0; s < m.k; s++) {
            dataNeed += need[s];
        }
        // Fewer copies than one spare per receiver: the served hold about k (see LossExposure).
        boolean noSpare = m.trees > m.k && (peerSlots + Math.max(0, spare)) * m.k < dataNeed * (m.k + 1);
        TreeBuilder builder = new TreeBuilder(m, assignment, friends, nearby, gate, log, noSpare);
        builder.placeServerFed();
        if (!TreeForks.build(builder, m, gate, budget, forced, parallelism)) {
            for (int s = 0; s < m.trees; s++) {
                builder.build(s, budget.first(s), budget.total(s), forced[s]);
            }
        }
        friends.giveBack();
        return builder;
    }

    /** Substream copies the active receivers join: about as many edges as the trees have. */
    private static int substreamsWanted(ChannelMembers m) {
        long total = 0;
        for (int r : m.receivers) {
            if (m.active(r)) {
                total += m.joins[r];
            }
        }
        return (int) Math.min(total, Integer.MAX_VALUE - 16);
    }

    /** Substream copies that kept receivers which got some but fewer than k still lack. */
    private static long shortfall(ChannelMembers m, int[] got) {
        long missing = 0;
        for (int r : m.receivers) {
            if (m.active(r) && got[r] > 0 && got[r] < m.k) {
                missing += m.k - got[r];
            }
        }
        return missing;
    }

    /**
     * Whether every kept receiver an attempt left short is a peer that feeds no one: then dropping
     * them ({@link #dropDegradedLeaves}) changes no other receiver's substreams.
     */
    private static boolean shortOnesAreLeaves(ChannelMembers m, int[] got, EdgeLog log) {
        boolean[] feeds = log.parents(m.flags.length);
        for (int r : m.receivers) {
            if (m.active(r) && got[r] > 0 && got[r] < m.k && (feeds[r] || m.has(r, ChannelMembers.SERVER))) {
                return false;
            }
        }
        return true;
    }

    /** Ejects the receivers an attempt left short (when ejecting by the seed's order did not help). */
    private static void ejectDegraded(ChannelMembers m, int[] got) {
        for (int r : m.receivers) {
            if (m.active(r) && !m.has(r, ChannelMembers.SERVER) && got[r] > 0 && got[r] < m.k) {
                m.flags[r] |= ChannelMembers.EJECTED;
            }
        }
    }

    /**
     * The last resort: receivers still short after every attempt that feed no one are dropped
     * (their edges given back, reason {@code ejected}); one that feeds others stays, degraded,
     * so that its descendants keep their substreams.
     */
    private static void dropDegradedLeaves(ChannelMembers m, int[] got, EdgeLog log, PolicyGate gate) {
        boolean[] feeds = log.parents(m.flags.length);
        boolean[] dropped = new boolean[m.flags.length];
        int count = 0;
        for (int r : m.receivers) {
            if (m.active(r) && !feeds[r] && got[r] > 0 && got[r] < m.k) {
                dropped[r] = true;
                m.flags[r] |= ChannelMembers.EJECTED;
                got[r] = 0;
                count++;
            }
        }
        if (count > 0) {
            log.releaseChildren(gate, m.channel, m.rate, dropped);
        }
    }

    /**
     * The trees multi-tree builds for a channel: its k data trees, and as many parity trees as
     * a hard redundancy policy asks for any receiver (k + p), so those receivers can be served.
     */
    static int parityTrees(PolicyGate gate, SnapshotIndex index, int channel) {
        int k = index.channel(channel).substreams();
        int trees = k;
        if (gate.active()) {
            for (int r : ChannelMembers.receivers(index, channel)) {
                trees = Math.max(trees, gate.substreamsNeeded(r, channel, k));
            }
        }
        return trees;
    }

    /**
     * Lists every receiver that did not get k substreams, with its reason (naming the policy that
     * set it aside or last refused it an edge).
     */
    private static void account(ChannelMembers m, int[] got, PolicyGate gate, PlanAssembler plan) {
        for (int r : m.receivers) {
            if (m.has(r, ChannelMembers.SET_ASIDE)) {
                plan.unserved(r, m.channel, m.setAside[r], Optional.ofNullable(m.setAsidePolicy[r]), 0);
            } else if (m.has(r, ChannelMembers.EJECTED)) {
                plan.unserved(r, m.channel, UnservedReason.EJECTED, Optional.empty(), 0);
            } else if (got[r] > 0 && got[r] < m.k) {
                plan.unserved(r, m.channel, UnservedReason.DEGRADED, Optional.empty(), got[r]);
            } else if (got[r] == 0) {
                PolicyGate.Unserved why = gate.unservedReason(r, UnservedReason.CAPACITY);
                plan.unserved(r, m.channel, why.reason(), why.policy(), 0);
            }
        }
    }
}
