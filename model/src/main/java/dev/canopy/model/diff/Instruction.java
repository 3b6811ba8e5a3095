package dev.canopy.model.diff;

import dev.canopy.model.Lists;
import java.util.List;
import java.util.Objects;

/** What one node must do to move from one plan version to the next. */
public record Instruction(
        String node, List<ParentRef> setParents, List<ChildRef> addChildren, List<ChildRef> dropChildren) {
    public Instruction {
        Objects.requireNonNull(node, "node");
        setParents = Lists.of(setParents);
        addChildren = Lists.of(addChildren);
        dropChildren = Lists.of(dropChildren);
    }
}
