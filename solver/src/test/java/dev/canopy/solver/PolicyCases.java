package dev.canopy.solver;

import dev.canopy.fixtures.Fixtures;
import dev.canopy.model.Snapshot;
import dev.canopy.model.io.Documents;
import dev.canopy.model.policy.Policy;
import dev.canopy.model.policy.PolicyDocument;
import dev.canopy.model.policy.PolicyKind;
import dev.canopy.policies.compile.CompiledPolicies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The policy cases of the strategy contract: the seeds' examples on their network (the hard
 * ones but priority, whose order and preemption {@code PreemptionTest} checks), and one policy
 * per kind
 * on a generated network, each strong enough that a plan made without it breaks it.
 */
public final class PolicyCases {
    private PolicyCases() {}

    /** The seed network. */
    static Snapshot seedNetwork() {
        return Documents.readSnapshot(Fixtures.path("snapshots/seed-network.json"));
    }

    /** The hard policies of fixtures/policies/seed-examples.yaml, priority left out. */
    static PolicyDocument seedHardSubset() {
        PolicyDocument all = Documents.readPolicies(Fixtures.path("policies/seed-examples.yaml"))
                .value();
        List<Policy> hard = all.policies().stream()
                .filter(Policy::isHard)
                .filter(p -> !CompiledPolicies.isPreference(p))
                .filter(p -> p.kind() != PolicyKind.PRIORITY)
                .toList();
        return new PolicyDocument(PolicyDocument.FORMAT, hard);
    }

    /** The generated network the per-kind cases run on: 150 peers in 5 countries, origin in the first. */
    static Snapshot generated() {
        return TestInstances.random("policy-kinds", 2, 150, 4, 0);
    }

    /** One case per kind that matters for the strategies: a name and its policies (YAML list items). */
    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of(
                        "geo-ban",
                        """
                          - id: no-fr
                            kind: geo-ban
                            channels: { ids: [live] }
                            countries: [FR]
                        """),
                Arguments.of(
                        "link-cap",
                        """
                          - id: x1-cap
                            kind: link-cap
                            link: x1
                            maxKbps: 600
                        """),
                Arguments.of(
                        "pairing",
                        """
                          - id: c1-peers-only
                            kind: pairing
                            nodes: { regions: [c1] }
                            only: { roles: [peer] }
                        """),
                Arguments.of(
                        "max-depth",
                        """
                          - id: peers-shallow
                            kind: max-depth
                            channels: { ids: [live] }
                            nodes: { roles: [peer] }
                            depth: 2
                        """),
                Arguments.of(
                        "serve-window",
                        """
                          - id: peers-at-night
                            kind: serve-window
                            nodes: { roles: [peer] }
                            hours: 03:00-04:00
                            tz: UTC
                            maxUplinkShare: 1.0
                        """),
                Arguments.of(
                        "delayed-feed",
                        """
                          - id: premium-delayed
                            kind: delayed-feed
                            tiers: [premium]
                            channels: { ids: [live] }
                            delaySec: 30
                        """));
    }

    /** A relaxable cap no node beyond the first country's link can be served under. */
    static String relaxableCap() {
        return """
                  - id: x1-closed
                    kind: link-cap
                    link: x1
                    maxKbps: 0
                    relaxable: true
                    rank: 2
                """;
    }

    /** Parses YAML policy list items into a document (through a temporary file, as a user's would be read). */
    public static PolicyDocument document(String items) {
        try {
            Path file = Files.createTempFile("policies", ".yaml");
            try {
                Files.writeString(file, "format: canopy/policies@1\npolicies:\n" + items);
                return Documents.readPolicies(file).value();
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
