package dev.canopy.model.diff;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.canopy.model.Lists;
import dev.canopy.model.plan.Club;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.plan.Relaxed;
import dev.canopy.model.plan.Unserved;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What changes between two versions of a plan ({@code canopy/diff@1}), as the agent pushes it:
 * the changed tree assignments, the changed mesh edges, and per-node instructions. Nodes absent
 * from {@code instructions} keep what they have.
 *
 * <p>The fields after {@code instructions} are additions to the format, all optional and absent
 * when nothing of theirs changed: they carry what peers are not told but what makes {@link
 * #applyTo} exact (the new plan's stamp and strategy, the rates of tree overlays that appear,
 * unserved entries that appear or go, and the relaxed, club and metric lists replaced whole).
 *
 * @param from the plan version the diff applies to
 * @param to the plan version it produces
 * @param createdAt the new plan's creation instant, when it differs
 * @param strategy the new plan's strategy name, when it differs
 * @param treeRates rates of the tree overlays that appear or change rate
 * @param unservedAdded unserved entries the new plan adds (an entry that changes is dropped and added)
 * @param unservedDropped unserved entries the new plan no longer has
 * @param relaxed the new plan's relaxed list, when it differs
 * @param clubs the new plan's clubs, when they differ
 * @param metrics the new plan's metrics, when they differ
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record Diff(
        String format,
        String snapshot,
        long from,
        long to,
        List<Change> changes,
        List<MeshChange> meshChanges,
        List<Instruction> instructions,
        Optional<Instant> createdAt,
        Optional<String> strategy,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<TreeRate> treeRates,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Unserved> unservedAdded,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<UnservedRef> unservedDropped,
        @JsonInclude(value = JsonInclude.Include.NON_ABSENT, content = JsonInclude.Include.ALWAYS)
                Optional<List<Relaxed>> relaxed,
        @JsonInclude(value = JsonInclude.Include.NON_ABSENT, content = JsonInclude.Include.ALWAYS)
                Optional<List<Club>> clubs,
        @JsonInclude(value = JsonInclude.Include.NON_ABSENT, content = JsonInclude.Include.ALWAYS)
                Optional<Map<String, Object>> metrics) {

    /** The format tag of this version. */
    public static final String FORMAT = "canopy/diff@1";

    public Diff {
        format = format == null ? FORMAT : format;
        Objects.requireNonNull(snapshot, "snapshot");
        changes = Lists.of(changes);
        meshChanges = Lists.of(meshChanges);
        instructions = Lists.of(instructions);
        createdAt = Lists.opt(createdAt);
        strategy = Lists.opt(strategy);
        treeRates = Lists.of(treeRates);
        unservedAdded = Lists.of(unservedAdded);
        unservedDropped = Lists.of(unservedDropped);
        relaxed = Lists.opt(relaxed).map(List::copyOf);
        clubs = Lists.opt(clubs).map(List::copyOf);
        metrics = Lists.opt(metrics).map(m -> Collections.unmodifiableMap(new LinkedHashMap<>(m)));
    }

    /** A diff of tree and mesh changes only, in the fields of the format's first version. */
    public static Diff of(
            String snapshot,
            long from,
            long to,
            List<Change> changes,
            List<MeshChange> meshChanges,
            List<Instruction> instructions) {
        return new Diff(
                FORMAT,
                snapshot,
                from,
                to,
                changes,
                meshChanges,
                instructions,
                Optional.empty(),
                Optional.empty(),
                List.of(),
                List.of(),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /**
     * Whether nothing but the version changes: no edge, instruction, unserved entry or other list.
     */
    @JsonIgnore
    public boolean isEmpty() {
        return changes.isEmpty()
                && meshChanges.isEmpty()
                && instructions.isEmpty()
                && createdAt.isEmpty()
                && strategy.isEmpty()
                && treeRates.isEmpty()
                && unservedAdded.isEmpty()
                && unservedDropped.isEmpty()
                && relaxed.isEmpty()
                && clubs.isEmpty()
                && metrics.isEmpty();
    }

    /**
     * The plan this diff produces from {@code plan}, in {@link PlanDiff#canonical canonical} order.
     *
     * @throws IllegalArgumentException when {@code plan} is not version {@code from} of the same
     *     snapshot, or the diff does not fit it (it drops an edge the plan does not have)
     */
    public Plan applyTo(Plan plan) {
        return DiffApplier.apply(this, plan);
    }
}
