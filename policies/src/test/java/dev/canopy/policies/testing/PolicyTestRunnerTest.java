package dev.canopy.policies.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.fixtures.Fixtures;
import dev.canopy.model.io.InputException;
import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Initiator;
import dev.canopy.model.plan.Overlay;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.plan.Relaxed;
import dev.canopy.model.plan.Unserved;
import dev.canopy.model.plan.UnservedReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner on the geo-ban fixture network with a planner that returns one hand-made plan: p1
 * fed by o1 over the US, p2 and p3 (DE) listed unserved for live with geo-ban, p3 fed news by o1,
 * and a relaxed entry; each expectation type once where it holds and once where it does not.
 */
class PolicyTestRunnerTest {
    private static final Plan PLAN = new Plan(
            null,
            "policy-test-geo-ban",
            1,
            Optional.empty(),
            "fake",
            List.of(
                    Overlay.tree("live", 0, 1000, List.of(Edge.of("o1", "p1", Initiator.CHILD))),
                    Overlay.tree("news", 0, 500, List.of(Edge.of("o1", "p3", Initiator.CHILD)))),
            List.of(),
            List.of(
                    new Unserved("p2", "live", UnservedReason.GEO_BAN, Optional.of("no-live-de"), 0),
                    new Unserved("p3", "live", UnservedReason.GEO_BAN, Optional.of("no-live-de"), 0)),
            List.of(new Relaxed("p1", "no-live-de", Optional.of("live"))),
            Map.of());

    @TempDir
    Path dir;

    private final PolicyTestRunner runner = new PolicyTestRunner((snapshot, policies, strategy) -> PLAN);

    @BeforeEach
    void copyNetwork() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("geo"));
        Files.copy(Fixtures.path("policies/geo-ban/snapshot.json"), folder.resolve("snapshot.json"));
        Files.copy(Fixtures.path("policies/geo-ban/policy.yaml"), folder.resolve("policy.yaml"));
    }

    private Path write(String name, String cases) throws IOException {
        Path file = dir.resolve("geo").resolve(name);
        Files.writeString(file, "format: canopy/policy-test@1\ncases:\n" + cases);
        return file;
    }

    private CaseResult runOne(String expect) throws IOException {
        write("one.test.yaml", "  - name: one\n    snapshot: snapshot.json\n    expect:\n      - " + expect + "\n");
        List<PolicyTestCase> cases = PolicyTests.load(dir);
        assertThat(cases).hasSize(1);
        return runner.run(cases.get(0));
    }

    private void holds(String expect) throws IOException {
        CaseResult result = runOne(expect);
        assertThat(result.messages()).isEmpty();
        assertThat(result.outcome()).isEqualTo(CaseResult.Outcome.OK);
    }

    private void fails(String expect, String message) throws IOException {
        CaseResult result = runOne(expect);
        assertThat(result.outcome()).isEqualTo(CaseResult.Outcome.FAIL);
        assertThat(result.messages()).singleElement().isEqualTo(message);
    }

    @Test
    void servedHoldsForAFedNodeAndFailsForAListedOne() throws IOException {
        holds("served: { node: p1, channel: live }");
        holds("served: { node: p3, channel: news }");
        fails(
                "served: { node: p2, channel: live }",
                "expected p2 served live, got unserved (geo-ban, policy no-live-de)");
    }

    @Test
    void unservedComparesReasonAndPolicy() throws IOException {
        holds("unserved: { node: p2, channel: live, reason: geo-ban, policy: no-live-de }");
        holds("unserved: { node: p2, channel: live }");
        fails(
                "unserved: { node: p2, channel: live, reason: deny }",
                "expected p2 unserved live (reason deny), got unserved (geo-ban, policy no-live-de)");
        fails(
                "unserved: { node: p1, channel: live, reason: geo-ban }",
                "expected p1 unserved live (reason geo-ban), got served by o1");
    }

    @Test
    void edgePresenceAndAbsence() throws IOException {
        holds("edge: { parent: o1, child: p1, channel: live, substream: 0 }");
        holds("edge: { parent: o1, child: p2, channel: live, present: false }");
        fails(
                "edge: { parent: o1, child: p1, channel: live, present: false }",
                "expected no edge o1 -> p1 for live, got one");
        fails(
                "edge: { parent: p1, child: p2, channel: live }",
                "expected edge p1 -> p2 for live, got none (p2 has no parent)");
    }

    @Test
    void linkLoadCountsPlanTrafficPerDirection() throws IOException {
        holds("linkLoad: { link: us-de, direction: a-to-b, maxKbps: 500, minKbps: 500 }");
        holds("linkLoad: { link: us-de, direction: b-to-a, maxKbps: 0 }");
        fails("linkLoad: { link: us-de, maxKbps: 400 }", "expected link us-de us->de at most 400 kbps, got 500");
        fails(
                "linkLoad: { link: us-de, channel: live, minKbps: 1 }",
                "expected link us-de us->de at least 1 kbps, got 0; expected link us-de de->us at least 1 kbps, got 0");
    }

    @Test
    void regionLoadByFlow() throws IOException {
        holds("regionLoad: { region: de, flow: ingress, maxKbps: 500 }");
        holds("regionLoad: { region: us, flow: internal, minKbps: 1000, maxKbps: 1000 }");
        fails(
                "regionLoad: { region: us, flow: egress, maxKbps: 100 }",
                "expected region us egress at most 100 kbps, got 500");
    }

    @Test
    void parentsMustAllMatchTheSelector() throws IOException {
        holds("parents: { node: p1, channel: live, match: { roles: [origin] } }");
        fails(
                "parents: { node: p1, channel: live, match: { regions: [de] } }",
                "expected p1's parents for live to match {\"regions\":[\"de\"]}, got o1 which do not");
        fails(
                "parents: { node: p2, channel: live, match: { roles: [origin] } }",
                "expected p2's parents for live to match {\"roles\":[\"origin\"]}, got no parent (unserved (geo-ban,"
                        + " policy no-live-de))");
    }

    @Test
    void relaxedLooksUpThePlansRelaxedList() throws IOException {
        holds("relaxed: { node: p1, policy: no-live-de }");
        fails(
                "relaxed: { node: p2, policy: no-live-de }",
                "expected no-live-de relaxed for p2, got nothing relaxed for it");
    }

    @Test
    void verifiesRunsThePolicyAwareVerifier() throws IOException {
        // the relaxed entry names a policy that binds p1 nowhere, and p2/p3 are listed properly
        CaseResult result = runOne("verifies: true");
        assertThat(result.outcome() == CaseResult.Outcome.OK)
                .isEqualTo(result.violations().isEmpty());
        CaseResult opposite = runOne("verifies: false");
        assertThat(opposite.passed()).isNotEqualTo(result.passed());
    }

    @Test
    void plannerErrorsAreCaseErrors() throws IOException {
        write(
                "one.test.yaml",
                "  - name: one\n    snapshot: snapshot.json\n    strategy: nope\n    expect:\n"
                        + "      - verifies: true\n");
        PolicyTestRunner refusing = new PolicyTestRunner((snapshot, policies, strategy) -> {
            throw new IllegalArgumentException("unknown strategy \"" + strategy.orElseThrow() + "\"");
        });
        CaseResult result = refusing.run(PolicyTests.load(dir).get(0));
        assertThat(result.outcome()).isEqualTo(CaseResult.Outcome.ERROR);
        assertThat(result.messages()).containsExactly("unknown strategy \"nope\"");
        assertThat(result.id()).isEqualTo("geo/one");
    }

    @Test
    void unknownExpectationIsReportedWithLineAndColumn() throws IOException {
        Path file = write(
                "bad.test.yaml",
                "  - name: one\n    snapshot: snapshot.json\n    expect:\n"
                        + "      - servedd: { node: p1, channel: live }\n");
        assertThatThrownBy(() -> PolicyTests.load(dir))
                .isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).errors().get(0).toString())
                        .startsWith(file + ":6:18:")
                        .contains("unknown field \"servedd\""));
    }

    @Test
    void unknownNamesAndMissingFilesAreReportedAgainstTheTestFile() throws IOException {
        Path file = write(
                "bad.test.yaml",
                "  - name: one\n    snapshot: snapshot.json\n    expect:\n"
                        + "      - served: { node: p9, channel: live }\n"
                        + "  - name: two\n    snapshot: missing.json\n    expect:\n      - verifies: true\n");
        assertThatThrownBy(() -> PolicyTests.load(dir))
                .isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).errors())
                        .extracting(Object::toString)
                        .anySatisfy(
                                s -> assertThat(s).startsWith(file + ":6:25:").contains("unknown node \"p9\""))
                        .anySatisfy(s -> assertThat(s).startsWith(file + ":8:").contains("no snapshot file")));
    }

    @Test
    void duplicateCaseNamesAndUnknownPolicyFilesAreErrors() throws IOException {
        Path file = dir.resolve("geo").resolve("dup.test.yaml");
        Files.writeString(
                file,
                "format: canopy/policy-test@1\npolicies: nowhere.yaml\ncases:\n"
                        + "  - { name: a, snapshot: snapshot.json, expect: [ { verifies: true } ] }\n"
                        + "  - { name: a, snapshot: snapshot.json, expect: [ { verifies: true } ] }\n");
        assertThatThrownBy(() -> PolicyTests.load(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("duplicate case name \"a\"");
        Files.writeString(
                file,
                "format: canopy/policy-test@1\npolicies: nowhere.yaml\ncases:\n"
                        + "  - { name: a, snapshot: snapshot.json, expect: [ { verifies: true } ] }\n");
        assertThatThrownBy(() -> PolicyTests.load(file))
                .isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).errors().get(0).toString())
                        .startsWith(file + ":2:")
                        .contains("no policy file nowhere.yaml"));
    }

    @Test
    void reportFormatsEndWithTheCounts() throws IOException {
        write(
                "two.test.yaml",
                "  - name: good\n    snapshot: snapshot.json\n    expect:\n"
                        + "      - served: { node: p1, channel: live }\n"
                        + "  - name: bad\n    snapshot: snapshot.json\n    expect:\n"
                        + "      - served: { node: p2, channel: live }\n");
        PolicyTestReport report = runner.run(PolicyTests.load(dir), id -> true);
        assertThat(ReportFormat.PRETTY.render(report))
                .isEqualTo("ok    geo/good\nfail: geo/bad: expected p2 served live, got unserved (geo-ban, policy"
                        + " no-live-de)\n1 passed, 1 failed\n");
        assertThat(ReportFormat.JSON.render(report))
                .contains("\"outcome\" : \"fail\"")
                .contains("\"passed\" : 1");
        assertThat(ReportFormat.JUNIT.render(report))
                .contains("<testsuite name=\"geo\" tests=\"2\" failures=\"1\" errors=\"0\"")
                .contains("<testcase classname=\"geo\" name=\"good\"")
                .contains("<failure message=\"expected p2 served live");
        assertThat(runner.run(PolicyTests.load(dir), id -> id.endsWith("good")).allPassed())
                .isTrue();
    }
}
