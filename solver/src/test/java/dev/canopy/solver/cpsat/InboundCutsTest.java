package dev.canopy.solver.cpsat;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.ortools.sat.ConstraintProto;
import com.google.ortools.sat.CpModelProto;
import dev.canopy.model.plan.Plan;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.greedy.GreedyStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The inbound cuts: every verified plan meets each of them (they are sound), and on the
 * critical family they lower the served weight's LP bound to the weight that exact's start plan
 * serves, where the bound without them lay 13 free receivers above it. (That the class model
 * with them still bounds the proved per-node optimum on tiny networks is checked by {@link
 * ExactCrossCheckTest}, whose capacity-short seeds get them.)
 */
class InboundCutsTest {
    @Test
    void everyVerifiedPlanMeetsEveryInboundCut() {
        for (int parity : new int[] {0, 2}) {
            PlanningProblem problem = CriticalImages.network(parity);
            ClassModel model = new ClassModel(PeerClasses.of(problem), true, true);
            assertThat(model.inbound.to()).isGreaterThan(model.inbound.from());
            for (CriticalImages.Image image : CriticalImages.of(problem, model)) {
                assertThat(violated(model, image.values()))
                        .as(image.strategy() + ", parity " + parity)
                        .isEmpty();
            }
        }
    }

    @Test
    void theCutsLowerTheServedBoundToTheWeightTheStartPlanServes() {
        PlanningProblem problem = CriticalImages.network(0);
        Budget budget = new Budget(100, Optional.empty());
        ClassModel plain = new ClassModel(PeerClasses.of(problem), true, false);
        ClassModel cut = new ClassModel(PeerClasses.of(problem), true, true);
        OptionalLong without = plain.servedBound(plain.solve.model(), budget);
        OptionalLong with = cut.servedBound(cut.solve.model(), budget);
        Plan greedy = new GreedyStrategy().plan(problem);
        Plan start = StartPlan.best(problem, greedy, budget).plan();
        assertThat(PlanVerifier.verify(problem.routing(), start).violations()).isEmpty();
        long served = Comparison.servedWeight(problem.index(), start);

        assertThat(with).isPresent();
        assertThat(without).isPresent();
        assertThat(with.getAsLong()).isLessThan(without.getAsLong()).isEqualTo(served);
        System.out.printf(
                "served bound, critical 300, k = 4: %d without the inbound cuts, %d with; start plan %d%n",
                without.getAsLong(), with.getAsLong(), served);
    }

    /** The model's inbound rows that {@code values} do not meet, by constraint number. */
    private static List<Integer> violated(ClassModel model, long[] values) {
        CpModelProto proto = model.solve.model().model();
        List<Integer> violated = new ArrayList<>();
        for (int i = model.inbound.from(); i < model.inbound.to(); i++) {
            ConstraintProto row = proto.getConstraints(i);
            long sum = 0;
            for (int t = 0; t < row.getLinear().getVarsCount(); t++) {
                sum += row.getLinear().getCoeffs(t) * values[row.getLinear().getVars(t)];
            }
            if (sum < row.getLinear().getDomain(0)) {
                violated.add(i);
            }
        }
        return violated;
    }
}
