package dev.canopy.solver.baseline;

import dev.canopy.model.Node;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.routing.Routing;
import dev.canopy.solver.DeferredJoins;
import dev.canopy.solver.FinishingPasses;
import dev.canopy.solver.Holdings;
import dev.canopy.solver.JoinOrder;
import dev.canopy.solver.Locality;
import dev.canopy.solver.Pairing;
import dev.canopy.solver.PlanAssembler;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.PolicyGate;
import dev.canopy.solver.Resources;
import dev.canopy.solver.SubstreamJoin;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;

/**
 * The join process of a BitTorrent-like tracker, shared by {@link RandomStrategy} and {@link
 * LocalStrategy}, which differ only in where a joining node looks first. Channels in {@link
 * JoinOrder} (live first); per channel, servers join first, then peers in a seeded random
 * order; for each of the channel's k+n substreams the joining node takes a random holder that
 * still has room (uplink, the child's downlink, every link on the route) and that the
 * lightweight rules and access lists allow. A node that gets fewer than k gives back what it
 * took and is listed unserved with the reason {@link Holdings#reason} gives.
 *
 * <p>Holders with room sit in {@link HolderPools}; after {@value #DRAWS} random draws the child
 * refuses, the search falls back to a scan of every region from a random offset (one route
 * check per region), so a node is never listed for capacity while some valid parent exists.
 *
 * <p>Operator policies: every hard one is obeyed through the {@link PolicyGate} (bars, edge
 * filters, caps, max-depth, redundancy); relaxable policies are not set aside (a tracker has no
 * such notion), so a node they block is listed unserved naming the policy; a node a policy on
 * its partners refuses waits until the others have joined ({@link DeferredJoins}); while a
 * dual-ingress domain lacks a copy, its members look for a parent that brings one first
 * ({@link PolicyGate#preferEntering}); soft costs are ignored.
 */
final class Tracker {
    /** Random draws a child may refuse at one level before the search moves on. */
    static final int DRAWS = 16;

    /** Where a joining node looks for a holder first. */
    enum Preference {
        /** Anyone, uniformly. */
        ANYWHERE,
        /** Its own leaf region (ISP), then its country, then anyone. */
        NEAREST_FIRST
    }

    private Tracker() {}

    static Plan plan(PlanningProblem problem, String name, Preference preference) {
        SnapshotIndex index = problem.index();
        Resources resources = new Resources(problem.routing());
        PolicyGate gate = PolicyGate.of(problem, resources);
        PlanAssembler plan = new PlanAssembler(index);
        SplittableRandom random = new SplittableRandom(problem.options().seed());
        NodeKeys keys = NodeKeys.of(index);
        for (int c : JoinOrder.channels(index)) {
            new Run(problem.routing(), gate, plan, random, keys, preference, c).run();
        }
        FinishingPasses.apply(gate, plan);
        plan.relaxed(gate.relaxations().entries());
        return plan.build(name, problem.options());
    }

    /** Joins the receivers of one channel. */
    private static final class Run extends ChannelJoins {
        private final boolean nearestFirst;
        private final HolderPools byRegion;
        /** The pools drawn from, in order, and the key each uses. */
        private final List<HolderPools> levels = new ArrayList<>();

        private final List<int[]> levelKeys = new ArrayList<>();
        private final IntPredicate open;

        Run(
                Routing routing,
                PolicyGate gate,
                PlanAssembler plan,
                SplittableRandom random,
                NodeKeys keys,
                Preference preference,
                int c) {
            super(routing, gate, plan, random, c);
            this.nearestFirst = preference == Preference.NEAREST_FIRST;
            this.byRegion = new HolderPools(total, keys.regions(), keys.region(), keys.lightweight());
            if (nearestFirst) {
                level(byRegion, keys.region());
                level(
                        new HolderPools(total, Math.max(1, keys.countries()), keys.country(), keys.lightweight()),
                        keys.country());
            }
            level(new HolderPools(total, 1, keys.everyone(), keys.lightweight()), keys.everyone());
            this.open = p -> resources.uplink(p) >= rate;
        }

        private void level(HolderPools pools, int[] key) {
            levels.add(pools);
            levelKeys.add(key);
        }

        void run() {
            for (int source : index.sources(channel)) {
                for (int s = 0; s < total; s++) {
                    holdings.add(s, source, 0);
                    offer(s, source);
                }
            }
            DeferredJoins deferred = new DeferredJoins(gate);
            for (int child : JoinOrder.serversThenShuffled(index, channel, random)) {
                join(child, deferred);
            }
            if (deferred.waiting() > 0) {
                deferred.retry(child -> join(child, deferred));
            }
        }

        /** Joins a node; whether it was served (false also when it was put off). */
        private boolean join(int child, DeferredJoins deferred) {
            Node c = index.node(child);
            Optional<int[]> taken = SubstreamJoin.join(
                    gate,
                    plan,
                    new SubstreamJoin.Request(channel, child, k, total, rate, false),
                    s -> gate.entryPending(child, channel, s)
                            ? gate.preferEntering(child, channel, s, () -> find(s, child, c))
                            : find(s, child, c),
                    this::offerHeld,
                    () -> holdings.reason(c),
                    deferred);
            if (taken.isEmpty()) {
                return false;
            }
            int[] parents = taken.get();
            for (int s = 0; s < total; s++) {
                if (parents[s] >= 0) {
                    plan.edge(channel, s, parents[s], child, Pairing.initiator(index.node(parents[s]), c));
                    holdings.add(s, child, holdings.depth(s, parents[s]) + 1);
                    offer(s, child);
                }
            }
            return true;
        }

        /** Lists a holder of a substream in every pool, if it may relay, has room and is not too deep. */
        @Override
        void offer(int substream, int node) {
            if (!index.node(node).canRelay()
                    || resources.uplink(node) < rate
                    || holdings.depth(substream, node) >= maxDepth) {
                return;
            }
            if (!nearestFirst) {
                byRegion.offer(substream, node);
            }
            for (HolderPools pools : levels) {
                pools.offer(substream, node);
            }
        }

        private int find(int substream, int child, Node c) {
            if (Holdings.restricted(c)) {
                return allowedParent(substream, child, c);
            }
            IntPredicate accept = p -> admitted(p, child, substream);
            boolean regularOnly = c.isLightweight();
            for (int level = 0; level < levels.size(); level++) {
                int key = levelKeys.get(level)[child];
                int p = levels.get(level).draw(substream, key, regularOnly, random, DRAWS, false, open, accept);
                if (p >= 0) {
                    return p;
                }
            }
            return scanRegions(substream, child, regularOnly, accept);
        }

        /** Whether the gate admits the edge, the child's max-depth bound holds and it fits. */
        private boolean admitted(int parent, int child, int substream) {
            return gate.admits(parent, child, channel)
                    && gate.depthAllows(holdings.depth(substream, parent), child, channel)
                    && gate.fits(parent, child, channel, substream, rate);
        }

        /**
         * The fallback: every region holding the channel from a random offset, skipping those
         * whose route to the child is full, and within a region the first acceptable holder.
         */
        private int scanRegions(int substream, int child, boolean regularOnly, IntPredicate accept) {
            int[] all = regions.all();
            int offset = random.nextInt(all.length);
            for (int i = 0; i < all.length; i++) {
                int region = all[(offset + i) % all.length];
                int any = byRegion.anyOpen(substream, region, regularOnly, open);
                if (any < 0 || !resources.pathHas(any, child, rate)) {
                    continue;
                }
                int p = byRegion.scan(substream, region, regularOnly, random, open, accept);
                if (p >= 0) {
                    return p;
                }
            }
            return -1;
        }

        /**
         * For a child whose access list keeps it from ordinary peers: a random one of the servers
         * and listed nodes that hold the substream, may send it and have room; when looking
         * nearest first, only among those with the lowest {@link Locality} cost to the child.
         */
        private int allowedParent(int substream, int child, Node c) {
            List<Integer> valid = new ArrayList<>();
            int best = Integer.MAX_VALUE;
            for (int p : holdings.accessCandidates(substream, c)) {
                if (valid.contains(p)
                        || !holdings.holds(substream, p)
                        || holdings.depth(substream, p) >= maxDepth
                        || !admitted(p, child, substream)) {
                    continue;
                }
                int cost = nearestFirst ? Locality.edgeCost(index, p, child) : 0;
                if (cost < best) {
                    best = cost;
                    valid.clear();
                }
                if (cost == best) {
                    valid.add(p);
                }
            }
            return valid.isEmpty() ? -1 : valid.get(random.nextInt(valid.size()));
        }
    }
}
