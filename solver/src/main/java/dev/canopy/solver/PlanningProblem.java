package dev.canopy.solver;

import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.policy.PolicyDocument;
import dev.canopy.model.routing.Routing;
import dev.canopy.policies.compile.CompiledPolicies;
import java.util.Objects;

/**
 * What a strategy plans for: a validated snapshot with its index and routing (built once and
 * shared), the operator's policies (and the same compiled once against the routing, with
 * {@code hours} evaluated at the snapshot's {@code takenAt}), and the options. Immutable; the
 * index, routing and compiled policies are thread-safe, so one problem may be planned by several
 * strategies at once.
 *
 * <p>Building a problem compiles its policies: a document naming a link, region, node or
 * channel the snapshot lacks throws {@link IllegalArgumentException} (check it first with
 * {@code PolicyReferences.require} to report it against the file).
 */
public record PlanningProblem(
        Snapshot snapshot,
        SnapshotIndex index,
        Routing routing,
        PolicyDocument policies,
        PlanOptions options,
        CompiledPolicies compiled) {

    public PlanningProblem {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(routing, "routing");
        policies = policies == null ? PolicyDocument.EMPTY : policies;
        options = options == null ? PlanOptions.defaults() : options;
        compiled = compiled == null ? CompiledPolicies.compile(policies, routing) : compiled;
    }

    /** A problem whose policies are compiled here. */
    public PlanningProblem(
            Snapshot snapshot, SnapshotIndex index, Routing routing, PolicyDocument policies, PlanOptions options) {
        this(snapshot, index, routing, policies, options, null);
    }

    /** A problem with no policies and default options; builds the index and routing. */
    public static PlanningProblem of(Snapshot snapshot) {
        return of(snapshot, PolicyDocument.EMPTY, PlanOptions.defaults());
    }

    /** A problem; builds the index and routing. */
    public static PlanningProblem of(Snapshot snapshot, PolicyDocument policies, PlanOptions options) {
        SnapshotIndex index = SnapshotIndex.of(snapshot);
        return new PlanningProblem(snapshot, index, Routing.of(index), policies, options);
    }

    /** The same network with other options. */
    public PlanningProblem withOptions(PlanOptions replacement) {
        return new PlanningProblem(snapshot, index, routing, policies, replacement, compiled);
    }
}
