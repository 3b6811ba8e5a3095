package dev.canopy.cli;

import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.io.Documents;
import dev.canopy.model.io.Parsed;
import dev.canopy.model.policy.PolicyDocument;
import dev.canopy.policies.compile.PolicyReferences;
import java.nio.file.Path;

/**
 * Reads a {@code --policies} file for a command and checks it against the snapshot, so that a
 * policy naming a link, region, node or channel the snapshot lacks is reported as
 * {@code file:line:col: path: message} (exit code 3), never as a stack trace. Stateless.
 */
final class Policies {
    private Policies() {}

    /** The document in the file (empty when no file is given), its references checked against the snapshot. */
    static PolicyDocument read(Path file, Snapshot snapshot) {
        if (file == null) {
            return PolicyDocument.EMPTY;
        }
        Parsed<PolicyDocument> parsed = Documents.readPolicies(file);
        PolicyReferences.require(parsed, SnapshotIndex.of(snapshot));
        return parsed.value();
    }
}
