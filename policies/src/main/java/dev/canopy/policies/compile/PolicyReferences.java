package dev.canopy.policies.compile;

import dev.canopy.model.LinkKind;
import dev.canopy.model.Node;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.io.FieldPath;
import dev.canopy.model.io.InputError;
import dev.canopy.model.io.InputException;
import dev.canopy.model.io.Parsed;
import dev.canopy.model.io.Problem;
import dev.canopy.model.policy.ChannelSelector;
import dev.canopy.model.policy.NodeSelector;
import dev.canopy.model.policy.Policy;
import dev.canopy.model.policy.PolicyDocument;
import dev.canopy.model.policy.PolicyParams;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks of a policy document that need the snapshot it will be compiled against: every
 * link, region, channel and node id, group, and enterprise it names exists there, and a
 * link-preference names link ids or link kinds. The file-level checks (unknown kind, bad hours
 * or time zone, duplicate ids) are the model's, made when the file is read. Stateless.
 */
public final class PolicyReferences {
    private PolicyReferences() {}

    /** Every reference the snapshot cannot resolve, in document order. */
    public static List<Problem> check(PolicyDocument document, SnapshotIndex index) {
        Names names = new Names(index);
        List<Problem> problems = new ArrayList<>();
        List<Policy> policies = document.policies();
        for (int i = 0; i < policies.size(); i++) {
            FieldPath at = FieldPath.ROOT.field("policies").index(i);
            names.params(policies.get(i).params(), at, problems);
        }
        return problems;
    }

    /**
     * Checks a document read from a file against a snapshot.
     *
     * @throws InputException with one line per problem, {@code file:line:col: path: message}
     */
    public static void require(Parsed<PolicyDocument> document, SnapshotIndex index) {
        List<Problem> problems = check(document.value(), index);
        if (!problems.isEmpty()) {
            List<InputError> errors = problems.stream()
                    .map(p -> document.error(p.path(), p.message()))
                    .toList();
            throw new InputException(errors);
        }
    }

    /** The names a snapshot has, and the checks of each kind's parameters against them. */
    private static final class Names {
        private final SnapshotIndex index;
        private final Set<String> groups = new HashSet<>();
        private final Set<String> enterprises = new HashSet<>();
        private final String snapshot;

        Names(SnapshotIndex index) {
            this.index = index;
            this.snapshot = " in snapshot \"" + index.snapshot().id() + "\"";
            for (Node node : index.snapshot().nodes()) {
                groups.addAll(node.groups());
                node.enterprise().ifPresent(enterprises::add);
            }
        }

        void params(PolicyParams params, FieldPath at, List<Problem> out) {
            if (params instanceof PolicyParams.LinkCap p) {
                link(p.link(), at.field("link"), out);
                channels(p.channels(), at.field("channels"), out);
            } else if (params instanceof PolicyParams.RegionCap p) {
                region(p.region(), at.field("region"), out);
                channels(p.channels(), at.field("channels"), out);
            } else if (params instanceof PolicyParams.GeoBan p) {
                channels(p.channels(), at.field("channels"), out);
                p.nodes().ifPresent(n -> nodes(n, at.field("nodes"), out));
            } else if (params instanceof PolicyParams.Deny p) {
                channels(p.channels(), at.field("channels"), out);
                nodes(p.nodes(), at.field("nodes"), out);
            } else if (params instanceof PolicyParams.Affinity p) {
                group(p.group(), at.field("group"), out);
            } else if (params instanceof PolicyParams.ServeWindow p) {
                nodes(p.nodes(), at.field("nodes"), out);
            } else if (params instanceof PolicyParams.Pairing p) {
                nodes(p.nodes(), at.field("nodes"), out);
                p.only().partners().ifPresent(n -> nodes(n, at.field("only"), out));
            } else if (params instanceof PolicyParams.SourcePreference p) {
                p.quota().ifPresent(q -> link(q.link(), at.field("quota").field("link"), out));
            } else if (params instanceof PolicyParams.LinkPreference p) {
                linksOrKinds(p.prefer(), at.field("prefer"), out);
                linksOrKinds(p.over(), at.field("over"), out);
            } else if (params instanceof PolicyParams.SingleIngress p) {
                p.enterprise().ifPresent(e -> enterprise(e, at.field("enterprise"), out));
                p.nodes().ifPresent(n -> nodes(n, at.field("nodes"), out));
                channels(p.channels(), at.field("channels"), out);
            } else if (params instanceof PolicyParams.DualIngress p) {
                enterprise(p.enterprise(), at.field("enterprise"), out);
                channels(p.channels(), at.field("channels"), out);
            } else if (params instanceof PolicyParams.DelayedFeed p) {
                channels(p.channels(), at.field("channels"), out);
            } else if (params instanceof PolicyParams.MaxDepth p) {
                channels(p.channels(), at.field("channels"), out);
                nodes(p.nodes(), at.field("nodes"), out);
            } else if (params instanceof PolicyParams.Redundancy p) {
                for (int j = 0; j < p.regions().size(); j++) {
                    region(p.regions().get(j), at.field("regions").index(j), out);
                }
                channels(p.channels(), at.field("channels"), out);
            }
        }

        private void link(String id, FieldPath at, List<Problem> out) {
            if (index.linkIndex(id).isEmpty()) {
                out.add(new Problem(at, "unknown link \"" + id + "\"" + snapshot));
            }
        }

        private void region(String id, FieldPath at, List<Problem> out) {
            if (index.regionIndex(id).isEmpty()) {
                out.add(new Problem(at, "unknown region \"" + id + "\"" + snapshot));
            }
        }

        private void group(String id, FieldPath at, List<Problem> out) {
            if (!groups.contains(id)) {
                out.add(new Problem(at, "unknown group \"" + id + "\": no node" + snapshot + " belongs to it"));
            }
        }

        private void enterprise(String id, FieldPath at, List<Problem> out) {
            if (!enterprises.contains(id)) {
                out.add(new Problem(at, "unknown enterprise \"" + id + "\": no node" + snapshot + " is behind it"));
            }
        }

        private void linksOrKinds(List<String> names, FieldPath at, List<Problem> out) {
            for (int j = 0; j < names.size(); j++) {
                String name = names.get(j);
                boolean kind =
                        Arrays.stream(LinkKind.values()).anyMatch(k -> k.code().equals(name));
                if (!kind && index.linkIndex(name).isEmpty()) {
                    out.add(new Problem(
                            at.index(j),
                            "unknown link \"" + name + "\"" + snapshot
                                    + " (expected a link id or a kind: peering, transit, internal)"));
                }
            }
        }

        private void channels(ChannelSelector selector, FieldPath at, List<Problem> out) {
            for (int j = 0; j < selector.ids().size(); j++) {
                String id = selector.ids().get(j);
                if (index.channelIndex(id).isEmpty()) {
                    out.add(new Problem(at.field("ids").index(j), "unknown channel \"" + id + "\"" + snapshot));
                }
            }
        }

        private void nodes(NodeSelector selector, FieldPath at, List<Problem> out) {
            for (int j = 0; j < selector.ids().size(); j++) {
                String id = selector.ids().get(j);
                if (index.nodeIndex(id).isEmpty()) {
                    out.add(new Problem(at.field("ids").index(j), "unknown node \"" + id + "\"" + snapshot));
                }
            }
            for (int j = 0; j < selector.regions().size(); j++) {
                region(selector.regions().get(j), at.field("regions").index(j), out);
            }
            for (int j = 0; j < selector.groups().size(); j++) {
                group(selector.groups().get(j), at.field("groups").index(j), out);
            }
            for (int j = 0; j < selector.enterprises().size(); j++) {
                enterprise(
                        selector.enterprises().get(j), at.field("enterprises").index(j), out);
            }
        }
    }
}
