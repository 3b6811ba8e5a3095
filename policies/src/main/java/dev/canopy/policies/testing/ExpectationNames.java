package dev.canopy.policies.testing;

import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.policy.NodeSelector;
import dev.canopy.model.policy.PolicyDocument;
import dev.canopy.model.policytest.Expectation;
import dev.canopy.model.policytest.TestCase;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Checks that every name an expectation uses exists: nodes, channels, links and regions in the
 * case's snapshot, policies in the policy file, and the ids and regions of a {@code parents}
 * selector.
 */
final class ExpectationNames {
    /** A name that was not found, at {@code expect[index].key.field}. */
    record NameProblem(int index, String key, String field, String message) {}

    private final SnapshotIndex index;
    private final PolicyDocument policies;
    private final List<NameProblem> problems = new ArrayList<>();
    private int at;
    private String key;

    private ExpectationNames(SnapshotIndex index, PolicyDocument policies) {
        this.index = index;
        this.policies = policies;
    }

    static List<NameProblem> check(TestCase spec, SnapshotIndex index, PolicyDocument policies) {
        ExpectationNames names = new ExpectationNames(index, policies);
        for (int i = 0; i < spec.expect().size(); i++) {
            names.at = i;
            names.key = spec.expect().get(i).key();
            names.check(spec.expect().get(i));
        }
        return names.problems;
    }

    private void check(Expectation expectation) {
        if (expectation instanceof Expectation.Served e) {
            nodeAndChannel(e.node(), e.channel());
        } else if (expectation instanceof Expectation.NotServed e) {
            nodeAndChannel(e.node(), e.channel());
            e.policy().ifPresent(this::policy);
        } else if (expectation instanceof Expectation.EdgePresence e) {
            node("parent", e.parent());
            node("child", e.child());
            channel(e.channel());
            e.substream().ifPresent(substream -> index.channel(e.channel()).ifPresent(c -> {
                int count = c.substreams() + c.parity();
                if (substream >= count) {
                    problems.add(new NameProblem(
                            at, key, "substream", "channel \"" + c.id() + "\" has substreams 0 to " + (count - 1)));
                }
            }));
        } else if (expectation instanceof Expectation.LinkLoad e) {
            known("link", e.link(), index::linkIndex);
            e.channel().ifPresent(this::channel);
        } else if (expectation instanceof Expectation.RegionLoad e) {
            known("region", e.region(), index::regionIndex);
            e.channel().ifPresent(this::channel);
        } else if (expectation instanceof Expectation.Parents e) {
            nodeAndChannel(e.node(), e.channel());
            selector(e.match());
        } else if (expectation instanceof Expectation.Relaxed e) {
            node("node", e.node());
            policy(e.policy());
            e.channel().ifPresent(this::channel);
        }
    }

    private void nodeAndChannel(String node, String channel) {
        node("node", node);
        channel(channel);
    }

    private void node(String field, String id) {
        known(field, id, index::nodeIndex);
    }

    private void channel(String id) {
        known("channel", id, index::channelIndex);
    }

    private void selector(NodeSelector match) {
        match.ids().forEach(id -> known("match", id, index::nodeIndex));
        match.regions().forEach(id -> known("match", id, index::regionIndex));
    }

    private void policy(String id) {
        if (policies.policies().stream().noneMatch(p -> p.id().equals(id))) {
            problems.add(new NameProblem(at, key, "policy", "unknown policy \"" + id + "\" (not in the policy file)"));
        }
    }

    private void known(String field, String id, Function<String, OptionalInt> lookup) {
        if (lookup.apply(id).isEmpty()) {
            String what = "match".equals(field)
                    ? "node or region"
                    : field.equals("parent") || field.equals("child") ? "node" : field;
            problems.add(new NameProblem(
                    at,
                    key,
                    field,
                    "unknown " + what + " \"" + id + "\" in snapshot "
                            + index.snapshot().id()));
        }
    }
}
