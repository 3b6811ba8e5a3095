package dev.canopy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.fixtures.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    @TempDir
    Path dir;

    @Test
    void aValidSnapshotIsReportedWithItsFormat() {
        Path file = Fixtures.path("snapshots/seed-network.json");
        CommandRun run = CommandRun.of("validate", file.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(file + ": ok (canopy/snapshot@1)");
    }

    @Test
    void everyFormatIsToldByItsTag() throws IOException {
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, "{\"format\":\"canopy/plan@1\",\"snapshot\":\"s\",\"version\":1}");
        Path policies = dir.resolve("rules.yaml");
        Files.writeString(policies, "format: canopy/policies@1\npolicies: []\n");
        Path events = dir.resolve("events.jsonl");
        Files.writeString(events, "{\"type\":\"tick\",\"at\":\"2026-11-21T20:00:00Z\"}\n");
        Path diff = dir.resolve("d.json");
        Files.writeString(diff, "{\"format\":\"canopy/diff@1\",\"snapshot\":\"s\",\"from\":1,\"to\":2}");
        CommandRun run =
                CommandRun.of("validate", plan.toString(), policies.toString(), events.toString(), diff.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("canopy/plan@1", "canopy/policies@1", "canopy/event@1", "canopy/diff@1");
    }

    @Test
    void badInputGetsOneLinePerErrorWithFileLineAndFieldAndExitThree() throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "{",
                        "  \"format\": \"canopy/snapshot@1\",",
                        "  \"id\": \"s\",",
                        "  \"regions\": [ { \"id\": \"eu\" } ],",
                        "  \"nodes\": [ { \"id\": \"p1\", \"region\": \"mars\", \"uplinkKbps\": -1 } ]",
                        "}"));
        CommandRun run = CommandRun.of("validate", file.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err().lines())
                .containsExactly(
                        file + ":5:38: nodes[0].region: unknown region \"mars\" (node \"p1\")",
                        file + ":5:60: nodes[0].uplinkKbps: must be at least 0, found -1");
    }

    @Test
    void aMissingFileIsBadInputNotAStackTrace() {
        CommandRun run = CommandRun.of("validate", dir.resolve("nope.json").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("nope.json: no such file").doesNotContain("Exception");
    }
}
