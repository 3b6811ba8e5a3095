package dev.canopy.solver.bench;

import dev.canopy.model.Limit;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Initiator;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.plan.UnservedReason;
import dev.canopy.solver.PlanAssembler;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.Strategy;
import java.util.Optional;

/**
 * A fake strategy with a known threshold: up to {@code thresholdKbps} the first source sends
 * every substream straight to every receiver (access-list receivers are listed unserved,
 * access-list); above it, every receiver is listed unserved for {@code above}.
 */
public record ThresholdStrategy(String name, long thresholdKbps, UnservedReason above, int maxReceivers)
        implements Strategy {

    public ThresholdStrategy(long thresholdKbps, UnservedReason above) {
        this("threshold", thresholdKbps, above, Integer.MAX_VALUE);
    }

    @Override
    public String description() {
        return "serves everyone by a star up to a threshold rate, no one above it";
    }

    @Override
    public Plan plan(PlanningProblem problem) {
        SnapshotIndex index = problem.index();
        PlanAssembler plan = new PlanAssembler(index);
        for (int c = 0; c < index.channelCount(); c++) {
            int source = index.sources(c)[0];
            boolean serve = index.channel(c).rateKbps() <= thresholdKbps;
            for (int v : index.receivers(c)) {
                if (index.node(v).has(Limit.ACCESS_LIST)) {
                    plan.unserved(v, c, UnservedReason.ACCESS_LIST, Optional.empty(), 0);
                } else if (!serve) {
                    plan.unserved(v, c, above, Optional.empty(), 0);
                } else {
                    for (int s = 0; s < index.channel(c).totalSubstreams(); s++) {
                        plan.edge(c, s, source, v, Initiator.BOTH);
                    }
                }
            }
        }
        return plan.build(name, problem.options());
    }
}
