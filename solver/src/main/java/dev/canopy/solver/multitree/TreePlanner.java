package dev.canopy.solver.multitree;

import dev.canopy.model.ChannelKind;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Plan;
import dev.canopy.solver.FinishingPasses;
import dev.canopy.solver.PlanAssembler;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.PolicyGate;
import dev.canopy.solver.Resources;
import dev.canopy.solver.flow.UplinkShares;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The planning shared by {@link MultiTreeStrategy} and {@link CodedStrategy}: channels in
 * order, live before files, each planned by {@link ChannelRun} on the uplink the earlier ones
 * left, less what {@link UplinkShares} keeps for the channels after it (with several channels:
 * each node's uplink split between the channels it relays so that as many receivers as the
 * uplinks can carry are served, live channels first). Reports in the plan's metrics {@value
 * #RELAXATIONS} (peers interior in more than one tree, summed over channels; SplitStream's rule relaxed because it was the only way to serve
 * everyone, or for access-list receivers that name them), {@value #FRIEND_RELAYS} (those of them
 * that relay outside their interior tree for access-list receivers) and {@value #EJECTED}
 * (receivers ejected to make a channel feasible), all three counted by {@link RelayCounts} from
 * the finished plan, so that they describe the edges returned (after short leaves were dropped
 * and the finishing passes ran), not the attempts that built them.
 */
final class TreePlanner {
    /** Metric: peers with children in more than one tree of a channel, summed over channels. */
    static final String RELAXATIONS = "interiorRelaxations";

    /**
     * Metric: peers that feed an access-list receiver naming them outside their interior tree
     * (see {@link FriendFeeds}), summed over channels; also counted in {@value #RELAXATIONS}. In
     * the plan's edges: peers with children in a tree of a channel only through access-list
     * receivers that name them, besides children in another tree.
     */
    static final String FRIEND_RELAYS = "friendRelays";

    /** Metric: (node, channel) pairs ejected for feasibility, as the plan's unserved entries list them. */
    static final String EJECTED = "ejected";

    private TreePlanner() {}

    /** Plans with the configured {@link Parallelism}. */
    static Plan plan(PlanningProblem problem, String strategy, boolean coded) {
        return plan(problem, strategy, coded, Parallelism.configured());
    }

    /** Plans building each channel's trees with the given parallelism; the plan does not depend on it. */
    static Plan plan(PlanningProblem problem, String strategy, boolean coded, Parallelism parallelism) {
        SnapshotIndex index = problem.index();
        Resources resources = new Resources(problem.routing());
        PolicyGate gate = PolicyGate.of(problem, resources);
        PlanAssembler plan = new PlanAssembler(index);
        int[] order = order(index);
        long[][] shares = index.channelCount() > 1
                ? UplinkShares.split(index, coded, order)
                : new long[index.channelCount()][index.nodeCount()];
        long[] reservedLater = new long[index.nodeCount()];
        for (long[] channelShares : shares) {
            for (int i = 0; i < reservedLater.length; i++) {
                reservedLater[i] += channelShares[i];
            }
        }
        RelayCounts.Tally relays = new RelayCounts.Tally(index);
        for (int c : order) {
            for (int i = 0; i < reservedLater.length; i++) {
                reservedLater[i] -= shares[c][i];
            }
            ChannelRun.plan(problem, gate, plan, c, coded, reservedLater, relays, parallelism);
        }
        FinishingPasses.apply(gate, plan);
        plan.relaxed(gate.relaxations().entries());
        Plan built = plan.build(strategy, problem.options());
        // the finishing passes run only under policies, and may move edges: then the plan's are
        // counted (looking up every edge's ids), else the channels' as they were emitted
        RelayCounts counts = gate.active() ? RelayCounts.of(index, built) : relays.counts(built.unserved());
        return counts.into(built);
    }

    /** Live channels before files, then snapshot order. */
    private static int[] order(SnapshotIndex index) {
        return IntStream.range(0, index.channelCount())
                .boxed()
                .sorted(Comparator.comparing((Integer c) -> index.channel(c).kind() == ChannelKind.LIVE ? 0 : 1)
                        .thenComparing(c -> c))
                .mapToInt(Integer::intValue)
                .toArray();
    }
}
