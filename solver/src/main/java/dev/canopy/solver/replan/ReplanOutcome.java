package dev.canopy.solver.replan;

import dev.canopy.model.diff.Diff;
import java.util.Objects;

/**
 * What one applied batch did.
 *
 * @param version the plan version the batch produced (one more than before)
 * @param diff the changes from the previous version, ready to push to the peers
 * @param recomputed whether the batch ended with a full re-plan, and whether it was adopted
 * @param edgesChanged tree assignments changed (the diff's {@code changes})
 */
public record ReplanOutcome(long version, Diff diff, Recompute recomputed, int edgesChanged) {

    /** Whether a batch re-planned in full. */
    public enum Recompute {
        /** Local repair only. */
        NONE,
        /** A full re-plan ran and its plan was adopted. */
        ADOPTED,
        /** A full re-plan ran but did not gain enough for the edges it would change; kept the repaired plan. */
        KEPT
    }

    public ReplanOutcome {
        Objects.requireNonNull(diff, "diff");
        Objects.requireNonNull(recomputed, "recomputed");
    }
}
