package dev.canopy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.fixtures.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code canopy policy test} on a copy of the deny fixture with cases whose outcome does not
 * depend on how strategies enforce policies (p1 is fed by the origin either way).
 */
class PolicyTestCommandTest {
    @TempDir
    Path dir;

    Path folder;

    @BeforeEach
    void copy() throws IOException {
        folder = Files.createDirectories(dir.resolve("deny"));
        Files.copy(Fixtures.path("policies/deny/snapshot.json"), folder.resolve("snapshot.json"));
        Files.copy(Fixtures.path("policies/deny/policy.yaml"), folder.resolve("policy.yaml"));
    }

    private void tests(String cases) throws IOException {
        Files.writeString(folder.resolve("policy.test.yaml"), "format: canopy/policy-test@1\ncases:\n" + cases);
    }

    private static final String GOOD = "  - name: p1-served\n    snapshot: snapshot.json\n    expect:\n"
            + "      - served: { node: p1, channel: live }\n      - edge: { parent: o1, child: p1, channel: live }\n";
    private static final String BAD = "  - name: p1-orphan\n    snapshot: snapshot.json\n    expect:\n"
            + "      - edge: { parent: o1, child: p1, channel: live, present: false }\n";

    @Test
    void allPassingExitsZeroWithTheCountLast() throws IOException {
        tests(GOOD);
        CommandRun run = CommandRun.of("policy", "test", dir.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("ok    deny/p1-served\n1 passed, 0 failed\n");
    }

    @Test
    void aFailingCaseExitsOneAndSaysWhatDiffered() throws IOException {
        tests(GOOD + BAD);
        CommandRun run = CommandRun.of("policy", "test", dir.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.VIOLATIONS);
        assertThat(run.out())
                .contains("fail: deny/p1-orphan: expected no edge o1 -> p1 for live, got one\n")
                .endsWith("1 passed, 1 failed\n");
        CommandRun only = CommandRun.of("policy", "test", folder.toString(), "--run", "served$");
        assertThat(only.exitCode()).isZero();
        assertThat(only.out()).isEqualTo("ok    deny/p1-served\n1 passed, 0 failed\n");
    }

    @Test
    void anInvalidFileExitsThreeWithItsPlace() throws IOException {
        tests("  - name: x\n    snapshot: snapshot.json\n    expect:\n      - edge: { parent: o1, channel: live }\n");
        CommandRun run = CommandRun.of("policy", "test", dir.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err())
                .startsWith(folder.resolve("policy.test.yaml") + ":6:")
                .contains("\"child\"");
    }

    @Test
    void anUnknownStrategyInACaseIsAnError() throws IOException {
        tests("  - name: x\n    snapshot: snapshot.json\n    strategy: nope\n    expect:\n      - verifies: true\n");
        CommandRun run = CommandRun.of("policy", "test", dir.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.VIOLATIONS);
        assertThat(run.out()).startsWith("error: deny/x: unknown strategy \"nope\"");
    }

    @Test
    void failOnEmptyTurnsNoMatchIntoAFailure() throws IOException {
        tests(GOOD);
        CommandRun none = CommandRun.of("policy", "test", dir.toString(), "--run", "nothing-like-this");
        assertThat(none.exitCode()).isZero();
        assertThat(none.out()).isEqualTo("0 passed, 0 failed\n");
        CommandRun strict = CommandRun.of("policy", "test", dir.toString(), "--run", "nothing", "--fail-on-empty");
        assertThat(strict.exitCode()).isEqualTo(ExitCodes.VIOLATIONS);
        assertThat(strict.err()).contains("no case found");
    }

    @Test
    void jsonAndJunitFormats() throws IOException {
        tests(GOOD + BAD);
        CommandRun json = CommandRun.of("policy", "test", dir.toString(), "--format", "json");
        assertThat(json.exitCode()).isEqualTo(ExitCodes.VIOLATIONS);
        assertThat(json.out()).contains("\"id\" : \"deny/p1-orphan\"").contains("\"failed\" : 1");
        CommandRun junit = CommandRun.of("policy", "test", dir.toString(), "--format", "junit");
        assertThat(junit.out())
                .startsWith("<?xml")
                .contains("<testsuite name=\"deny\" tests=\"2\" failures=\"1\" errors=\"0\"")
                .contains("<failure message=\"expected no edge o1 -&gt; p1 for live, got one\">");
        CommandRun bad = CommandRun.of("policy", "test", dir.toString(), "--format", "xml");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
    }
}
