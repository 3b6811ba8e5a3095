package dev.canopy.policies.compile;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.io.Mappers;
import dev.canopy.model.policy.PolicyDocument;
import dev.canopy.model.routing.Routing;
import java.io.UncheckedIOException;

/**
 * Policies compiled against a small snapshot in a test, looked up by id: {@code node("p1")},
 * {@code channel("live")}. Policies are written as the YAML list under {@code policies:}.
 */
final class Compiled {
    final Snapshot snapshot;
    final SnapshotIndex index;
    final Routing routing;
    final CompiledPolicies policies;

    private Compiled(Snapshot snapshot, PolicyDocument document) {
        this.snapshot = snapshot;
        this.index = SnapshotIndex.of(snapshot);
        this.routing = Routing.of(index);
        this.policies = CompiledPolicies.compile(document, routing);
    }

    /** Compiles the YAML policy list (the text under {@code policies:}) against the snapshot. */
    static Compiled of(Snapshot snapshot, String policiesYaml) {
        return new Compiled(snapshot, document(policiesYaml));
    }

    static Compiled of(Snapshot snapshot, PolicyDocument document) {
        return new Compiled(snapshot, document);
    }

    static PolicyDocument document(String policiesYaml) {
        String text = "format: canopy/policies@1\npolicies:\n" + policiesYaml.stripIndent();
        try {
            return Mappers.yaml().readValue(text, PolicyDocument.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    int node(String id) {
        return index.nodeIndex(id).orElseThrow();
    }

    int channel(String id) {
        return index.channelIndex(id).orElseThrow();
    }

    /** The id of the hard policy forbidding the edge, or "" when allowed. */
    String forbids(String parent, String child, String channel) {
        return policies.forbidsEdge(node(parent), node(child), channel(channel))
                .map(p -> p.id())
                .orElse("");
    }

    /** The id of the hard policy barring the node from the channel, or "". */
    String barred(String node, String channel) {
        return policies.barred(node(node), channel(channel)).map(p -> p.id()).orElse("");
    }

    double cost(String parent, String child, String channel) {
        return policies.softCost(node(parent), node(child), channel(channel));
    }

    /** A ledger with nothing lifted, and edges reserved through it by id. */
    Ledger ledger() {
        return new Ledger(policies.ledger(Relaxations.none()));
    }

    /** A ledger addressed by ids. */
    final class Ledger {
        final PolicyLedger ledger;

        Ledger(PolicyLedger ledger) {
            this.ledger = ledger;
        }

        /** The id of the cap the edge would break, or "". */
        String exceeds(String parent, String child, String channel, int substream, long kbps) {
            return ledger.exceeds(node(parent), node(child), channel(channel), substream, kbps)
                    .map(p -> p.id())
                    .orElse("");
        }

        Ledger reserve(String parent, String child, String channel, int substream, long kbps) {
            ledger.reserve(node(parent), node(child), channel(channel), substream, kbps);
            return this;
        }

        Ledger release(String parent, String child, String channel, int substream, long kbps) {
            ledger.release(node(parent), node(child), channel(channel), substream, kbps);
            return this;
        }

        double softCost(String parent, String child, String channel, int substream, long kbps) {
            return ledger.softCost(node(parent), node(child), channel(channel), substream, kbps);
        }
    }
}
