package dev.canopy.solver.replan;

import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Overlay;
import dev.canopy.model.plan.OverlayKind;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.plan.Unserved;
import dev.canopy.model.plan.UnservedReason;
import dev.canopy.model.routing.Routing;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.policies.verify.Verification;

/**
 * Turns a plan into a session's state: every tree edge attached at its substream's rate, every
 * unserved entry's reason kept (so that pairs unserved for a policy reason keep it until a full
 * re-plan). Sessions take plans of tree overlays only.
 */
final class PlanLoader {
    private PlanLoader() {}

    /** Throws unless the plan is a tree plan of the routing's snapshot that passes the verifier. */
    static void check(Routing routing, Plan plan) {
        if (!plan.clubs().isEmpty() || plan.overlays().stream().anyMatch(o -> o.kind() != OverlayKind.TREE)) {
            throw new IllegalArgumentException(
                    "re-planning takes plans of tree overlays only; this one has mesh or club overlays");
        }
        Verification verification = PlanVerifier.verify(routing, plan);
        if (!verification.violations().isEmpty()) {
            throw new IllegalArgumentException("the plan does not verify against the snapshot ("
                    + verification.violations().size() + " violations), first: "
                    + verification.violations().get(0).message());
        }
    }

    static State load(Routing routing, Plan plan) {
        SnapshotIndex index = routing.index();
        State state = new State(routing);
        for (Overlay overlay : plan.overlays()) {
            int c = index.channelIndex(overlay.channel()).orElseThrow();
            int tree = state.forest.first(c) + overlay.substream().orElse(0);
            for (Edge edge : overlay.edges()) {
                int parent = index.nodeIndex(edge.parent()).orElseThrow();
                int child = index.nodeIndex(edge.child()).orElseThrow();
                state.attach(tree, child, parent, edge.initiator());
            }
        }
        for (Unserved entry : plan.unserved()) {
            if (entry.reason() != UnservedReason.DEGRADED) {
                state.setReason(
                        index.channelIndex(entry.channel()).orElseThrow(),
                        index.nodeIndex(entry.node()).orElseThrow(),
                        entry.reason());
            }
        }
        state.journal.clear();
        return state;
    }
}
