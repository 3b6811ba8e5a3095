package dev.canopy.policies.verify;

import dev.canopy.model.Channel;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.plan.Unserved;
import dev.canopy.model.plan.UnservedReason;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The accounting rule of one channel: every wanted (node, channel) is served or listed
 * unserved, and every unserved entry agrees with what the node receives (its count, and
 * {@code degraded} exactly when it receives 1..k-1 substreams).
 */
final class Accounting {
    private Accounting() {}

    /** Every wanted (node, channel) is served or listed unserved, consistently. */
    static void check(
            SnapshotIndex index, Plan plan, int channel, boolean[] served, int[] received, List<Violation> violations) {
        Channel spec = index.channel(channel);
        int nodes = index.nodeCount();
        Map<Integer, Unserved> listed = new HashMap<>();
        for (Unserved entry : plan.unserved()) {
            if (!entry.channel().equals(spec.id())) {
                continue;
            }
            OptionalInt node = index.nodeIndex(entry.node());
            if (node.isEmpty()) {
                violations.add(Violation.of(
                        Rule.UNKNOWN_NODE,
                        entry.node(),
                        spec.id(),
                        "unserved entry names unknown node \"" + entry.node() + "\""));
                continue;
            }
            int i = node.getAsInt();
            if (!index.wants(channel, i) || index.isSource(channel, i)) {
                violations.add(Violation.of(
                        Rule.UNSERVED_NOT_WANTED,
                        entry.node(),
                        spec.id(),
                        "\"" + entry.node() + "\" is listed unserved for \"" + spec.id() + "\" but "
                                + (index.isSource(channel, i) ? "is its source" : "does not want it")));
                continue;
            }
            listed.put(i, entry);
            if (served[i]) {
                violations.add(Violation.of(
                        Rule.UNSERVED_BUT_SERVED,
                        entry.node(),
                        spec.id(),
                        "\"" + entry.node() + "\" is listed unserved ("
                                + entry.reason().code() + ") for \"" + spec.id() + "\" but is served"));
                continue;
            }
            int got = received[i];
            boolean partial = got > 0 && got < spec.substreams();
            if (entry.receivedSubstreams() != got || partial != (entry.reason() == UnservedReason.DEGRADED)) {
                violations.add(Violation.of(
                        Rule.UNSERVED_MISMATCH,
                        entry.node(),
                        spec.id(),
                        "\"" + entry.node() + "\" is listed " + entry.reason().code() + " with "
                                + entry.receivedSubstreams()
                                + " substreams of \"" + spec.id() + "\" but receives " + got
                                + (partial ? " (partial reception is reported as degraded)" : "")));
            }
        }
        for (int i = 0; i < nodes; i++) {
            if (index.wants(channel, i) && !index.isSource(channel, i) && !served[i] && !listed.containsKey(i)) {
                violations.add(Violation.of(
                        Rule.NOT_ACCOUNTED,
                        index.node(i).id(),
                        spec.id(),
                        "\"" + index.node(i).id() + "\" wants \"" + spec.id() + "\" but is neither served (receives "
                                + received[i] + " of " + spec.substreams() + " substreams) nor listed unserved"));
            }
        }
    }
}
