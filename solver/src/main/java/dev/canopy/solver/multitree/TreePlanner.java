package dev.canopy.solver.multitree;

import dev.canopy.model.ChannelKind;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Plan;
import dev.canopy.solver.PlanAssembler;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.PolicyGate;
import dev.canopy.solver.Preemption;
import dev.canopy.solver.Resources;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The planning shared by {@link MultiTreeStrategy} and {@link CodedStrategy}: channels in
 * order, live before files, each planned by {@link ChannelRun} on the uplink the earlier ones
 * left. Reports in the plan's metrics {@value #RELAXATIONS} (peers interior in more than one
 * tree, summed over channels; SplitStream's rule relaxed because it was the only way to serve
 * everyone) and {@value #EJECTED} (receivers ejected to make a channel feasible).
 */
final class TreePlanner {
    /** Metric: peers with children in more than one tree of a channel, summed over channels. */
    static final String RELAXATIONS = "interiorRelaxations";

    /** Metric: (node, channel) pairs ejected for feasibility. */
    static final String EJECTED = "ejected";

    private TreePlanner() {}

    static Plan plan(PlanningProblem problem, String strategy, boolean coded) {
        SnapshotIndex index = problem.index();
        Resources resources = new Resources(problem.routing());
        PolicyGate gate = PolicyGate.of(problem, resources);
        PlanAssembler plan = new PlanAssembler(index);
        long[] pending = new long[index.nodeCount()];
        int[][] members = new int[index.channelCount()][];
        for (int c = 0; c < index.channelCount(); c++) {
            int[] sources = index.sources(c);
            int[] receivers = ChannelMembers.receivers(index, c);
            members[c] = IntStream.concat(IntStream.of(sources), IntStream.of(receivers))
                    .toArray();
            for (int i : members[c]) {
                pending[i] += index.channel(c).rateKbps();
            }
        }
        int ejected = 0;
        int relaxed = 0;
        for (int c : order(index)) {
            ChannelRun.Outcome outcome = ChannelRun.plan(problem, gate, plan, c, coded, pending);
            ejected += outcome.ejected();
            relaxed += outcome.relaxedPeers();
            for (int i : members[c]) {
                pending[i] -= index.channel(c).rateKbps();
            }
        }
        Preemption.apply(gate, plan);
        plan.metric(RELAXATIONS, relaxed);
        plan.metric(EJECTED, ejected);
        plan.relaxed(gate.relaxations().entries());
        return plan.build(strategy, problem.options());
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
