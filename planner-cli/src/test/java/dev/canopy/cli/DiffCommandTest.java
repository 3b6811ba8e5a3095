package dev.canopy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.fixtures.Fixtures;
import dev.canopy.model.diff.Diff;
import dev.canopy.model.io.Documents;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {
    @TempDir
    Path dir;

    private Path plan(String snapshot, String strategy, String name) {
        Path out = dir.resolve(name);
        CommandRun run = CommandRun.of(
                "plan",
                "--snapshot",
                Fixtures.path("snapshots/" + snapshot).toString(),
                "--strategy",
                strategy,
                "--out",
                out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return out;
    }

    @Test
    void aPlanAgainstItselfIsAnEmptyDiff() {
        Path a = plan("seed-network.json", "multi-tree", "a.json");
        Path out = dir.resolve("d.json");

        CommandRun run = CommandRun.of("diff", a.toString(), a.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("0 tree changes");
        Diff diff = Documents.readDiff(out);
        assertThat(diff.isEmpty()).isTrue();
    }

    @Test
    void plansOfTwoSnapshotsAreBadInput() {
        Path a = plan("seed-network.json", "greedy", "a.json");
        Path b = plan("geo-regions.json", "greedy", "b.json");

        CommandRun run = CommandRun.of(
                "diff",
                a.toString(),
                b.toString(),
                "--out",
                dir.resolve("d.json").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("b.json: plan is for snapshot \"geo-regions\"");
    }

    @Test
    void twoPlansOfOneVersionThatDifferAreRefused() {
        Path a = plan("seed-network.json", "greedy", "a.json");
        Path b = plan("seed-network.json", "multi-tree", "b.json");

        CommandRun run = CommandRun.of(
                "diff",
                a.toString(),
                b.toString(),
                "--out",
                dir.resolve("d.json").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("is not after");
    }
}
