package dev.canopy.solver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Snapshot;
import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Overlay;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.plan.Unserved;
import dev.canopy.model.policy.PolicyDocument;
import dev.canopy.policies.verify.PlanVerifier;
import java.util.List;
import java.util.Optional;

/**
 * Plans a small snapshot under policies given as YAML list items with a named strategy, checks
 * the plan with the verifier (no violation allowed), and reads it back: a node's parents, its
 * unserved entry. For the per-rule tests of the enforcement units.
 */
final class PolicyPlans {
    private PolicyPlans() {}

    /** The verified plan of the strategy on the snapshot under the policies (YAML list items). */
    static Plan plan(String strategy, Snapshot snapshot, String policies) {
        PolicyDocument document = PolicyCases.document(policies);
        Plan plan = Strategies.byName(strategy)
                .orElseThrow()
                .plan(PlanningProblem.of(snapshot, document, PlanOptions.defaults()));
        assertThat(PlanVerifier.verify(snapshot, plan, document).violations())
                .as("%s under %s", strategy, policies)
                .isEmpty();
        return plan;
    }

    /** The verified plan of the strategy on the snapshot without policies. */
    static Plan plan(String strategy, Snapshot snapshot) {
        Plan plan = Strategies.byName(strategy).orElseThrow().plan(PlanningProblem.of(snapshot));
        assertThat(PlanVerifier.verify(snapshot, plan).violations()).isEmpty();
        return plan;
    }

    /** The node's parents for the channel, one per substream it receives, in substream order. */
    static List<String> parents(Plan plan, String node, String channel) {
        return plan.overlays().stream()
                .filter(o -> o.channel().equals(channel))
                .sorted((a, b) -> Integer.compare(substream(a), substream(b)))
                .flatMap(o -> o.edges().stream())
                .filter(e -> e.child().equals(node))
                .map(Edge::parent)
                .toList();
    }

    /** The node's unserved entry for the channel, if listed. */
    static Optional<Unserved> unserved(Plan plan, String node, String channel) {
        return plan.unserved().stream()
                .filter(u -> u.node().equals(node) && u.channel().equals(channel))
                .findFirst();
    }

    private static int substream(Overlay overlay) {
        return overlay.substream().orElse(-1);
    }
}
