package dev.canopy.policies.verify;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** What the verifier found: every violation (empty for a valid plan) and the plan's metrics. */
public record Verification(List<Violation> violations, PlanMetrics metrics) {
    public Verification {
        violations = List.copyOf(violations);
    }

    /** Whether the plan breaks no hard rule. */
    @JsonProperty("ok")
    public boolean ok() {
        return violations.isEmpty();
    }
}
