package dev.canopy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.fixtures.Fixtures;
import dev.canopy.model.io.Documents;
import dev.canopy.model.plan.Plan;
import dev.canopy.policies.verify.PlanVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {
    @TempDir
    Path dir;

    @Test
    void plansTheSeedNetworkWritesAVerifiedPlanAndPrintsASummary() {
        Path snapshot = Fixtures.path("snapshots/seed-network.json");
        Path out = dir.resolve("plan.json");
        CommandRun run = CommandRun.of("plan", "--snapshot", snapshot.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains(
                        "canopy plan: greedy on",
                        "served",
                        "offload",
                        "locality",
                        "depth",
                        "verifier   ok",
                        "written to " + out);
        Plan plan = Documents.readPlan(out);
        assertThat(plan.strategy()).isEqualTo("greedy");
        assertThat(PlanVerifier.verify(Documents.readSnapshot(snapshot), plan).ok())
                .isTrue();
    }

    @Test
    void polishRunsAfterTheStrategyAndSaysWhatItDid() {
        Path snapshot = Fixtures.path("snapshots/seed-network.json");
        Path out = dir.resolve("plan.json");
        CommandRun run = CommandRun.of(
                "plan",
                "--snapshot",
                snapshot.toString(),
                "--strategy",
                "multi-tree",
                "--polish",
                "--out",
                out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Plan plan = Documents.readPlan(out);
        assertThat(plan.strategy()).isEqualTo("multi-tree");
        assertThat(plan.metrics()).containsKey("polish");
        assertThat(run.out()).contains("polish     " + plan.metrics().get("polish"), "verifier   ok");
        assertThat(PlanVerifier.verify(Documents.readSnapshot(snapshot), plan).ok())
                .isTrue();
    }

    @Test
    void anInvalidSnapshotExitsThreeAndWritesNoPlan() throws IOException {
        Path snapshot = dir.resolve("bad.json");
        Files.writeString(snapshot, "{\"format\":\"canopy/snapshot@1\",\"id\":\"s\",\"nodes\":[{\"id\":\"p\"}]}");
        Path out = dir.resolve("plan.json");
        CommandRun run = CommandRun.of("plan", "--snapshot", snapshot.toString(), "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("bad.json:1:").contains("missing required field \"region\"");
        assertThat(out).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("bad.json");
        }
    }

    @Test
    void anOutputInAMissingDirectoryIsOneLineOfBadInput() {
        Path snapshot = Fixtures.path("snapshots/geo-regions.json");
        CommandRun run = CommandRun.of(
                "plan",
                "--snapshot",
                snapshot.toString(),
                "--out",
                dir.resolve("no/such/dir/plan.json").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains("cannot write").doesNotContain("Exception");
    }

    @Test
    void anUnknownStrategyIsAUsageError() {
        Path snapshot = Fixtures.path("snapshots/geo-regions.json");
        CommandRun run = CommandRun.of(
                "plan",
                "--snapshot",
                snapshot.toString(),
                "--strategy",
                "magic",
                "--out",
                dir.resolve("p.json").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("unknown strategy 'magic'", "greedy");
    }
}
