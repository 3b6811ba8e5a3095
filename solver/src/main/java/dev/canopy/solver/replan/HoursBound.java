package dev.canopy.solver.replan;

import dev.canopy.model.policy.Policy;
import dev.canopy.model.policy.PolicyDocument;
import dev.canopy.model.policy.PolicyParams;

/** Whether a policy document has policies that hold only within hours (affinity, serve-window). */
final class HoursBound {
    private HoursBound() {}

    static boolean any(PolicyDocument document) {
        for (Policy policy : document.policies()) {
            if (policy.params() instanceof PolicyParams.Affinity affinity
                    && affinity.hours().isPresent()) {
                return true;
            }
            if (policy.params() instanceof PolicyParams.ServeWindow window
                    && window.hours().isPresent()) {
                return true;
            }
        }
        return false;
    }
}
