package dev.canopy.model.diff;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.canopy.model.Lists;
import java.util.List;
import java.util.Objects;

/**
 * What changes between two versions of a plan ({@code canopy/diff@1}), as the agent pushes it:
 * the changed tree assignments, the changed mesh edges, and per-node instructions. Nodes absent
 * from {@code instructions} keep what they have.
 *
 * @param from the plan version the diff applies to
 * @param to the plan version it produces
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record Diff(
        String format,
        String snapshot,
        long from,
        long to,
        List<Change> changes,
        List<MeshChange> meshChanges,
        List<Instruction> instructions) {

    /** The format tag of this version. */
    public static final String FORMAT = "canopy/diff@1";

    public Diff {
        format = format == null ? FORMAT : format;
        Objects.requireNonNull(snapshot, "snapshot");
        changes = Lists.of(changes);
        meshChanges = Lists.of(meshChanges);
        instructions = Lists.of(instructions);
    }
}
