package dev.canopy.policies.testing;

import dev.canopy.model.Snapshot;
import dev.canopy.model.policy.PolicyDocument;
import dev.canopy.model.policytest.TestCase;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One case of a policy test file, loaded and checked: its snapshot (with {@code at} applied as
 * its {@code takenAt}) and its policies read, and every name in its expectations found in the
 * snapshot.
 *
 * @param id {@code folder/case}: the test file's folder relative to the searched directory (its
 *     own name when the directory is that folder), then the case name; unique within one load
 * @param file the test file
 */
public record PolicyTestCase(String id, Path file, TestCase spec, Snapshot snapshot, PolicyDocument policies) {
    public PolicyTestCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(policies, "policies");
    }

    /** The folder part of the id. */
    public String folder() {
        int slash = id.lastIndexOf('/');
        return slash < 0 ? "" : id.substring(0, slash);
    }
}
