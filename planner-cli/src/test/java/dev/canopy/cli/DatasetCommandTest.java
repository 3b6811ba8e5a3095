package dev.canopy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.canopy.model.Snapshot;
import dev.canopy.model.io.Documents;
import dev.canopy.model.real.DataDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCommandTest {
    @TempDir
    Path dir;

    @Test
    void overlayWritesAValidSnapshotAndTheDeployedSessions() throws Exception {
        Path data = data();
        Path out = dir.resolve("overlay.json");
        Path csv = dir.resolve("deployed.csv");

        CommandRun run = CommandRun.of(
                "dataset",
                "overlay",
                "--data",
                data.toString(),
                "--out",
                out.toString(),
                "--deployed-out",
                csv.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("p2p-live-2020-07-03", "19189 deployed sessions");
        assertThat(CommandRun.of("validate", out.toString()).exitCode()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(19_190);
        assertThat(lines.get(0)).isEqualTo("sender,receiver,bytes,throughput_kbps");
        assertThat(lines.get(1)).matches("p-[0-9a-f]{12},p-[0-9a-f]{12},\\d+,\\d+\\.\\d{3}");
    }

    @Test
    void asGraphWritesASnapshotThatPlansCleanly() {
        Path data = data();
        Path out = dir.resolve("as.json");

        CommandRun run = CommandRun.of(
                "dataset",
                "as-graph",
                "--data",
                data.toString(),
                "--peers",
                "200",
                "--ases",
                "20",
                "-k",
                "4",
                "--seed",
                "3",
                "--out",
                out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        Snapshot snapshot = Documents.readSnapshot(out);
        assertThat(snapshot.nodes()).hasSize(200 + 5);
        assertThat(snapshot.channels().get(0).substreams()).isEqualTo(4);
        CommandRun plan = CommandRun.of(
                "plan",
                "--snapshot",
                out.toString(),
                "--out",
                dir.resolve("p.json").toString());
        assertThat(plan.exitCode()).as(plan.out()).isZero();
    }

    @Test
    void churnWritesValidEventsForASnapshotsPeers() {
        Path data = data();
        Path snapshot = dir.resolve("gen.json");
        Path out = dir.resolve("churn.jsonl");
        assertThat(CommandRun.of("generate", "--peers", "200", "--out", snapshot.toString())
                        .exitCode())
                .isZero();

        CommandRun run = CommandRun.of(
                "dataset",
                "churn",
                "--data",
                data.toString(),
                "--snapshot",
                snapshot.toString(),
                "--events",
                "300",
                "--out",
                out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("300 events", "4,334 user-weeks");
        assertThat(Documents.readEvents(out)).hasSize(300);
    }

    @Test
    void aMissingDataFolderIsBadInputInOneLine() {
        CommandRun run = CommandRun.of(
                "dataset",
                "overlay",
                "--data",
                dir.resolve("nowhere").toString(),
                "--out",
                dir.resolve("x.json").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err().strip()).doesNotContain("\n").contains("nowhere", "not a directory");
    }

    @Test
    void aDataFolderWithoutTheFilesNamesTheMissingFile() {
        CommandRun run = CommandRun.of(
                "dataset",
                "as-graph",
                "--data",
                dir.toString(),
                "--out",
                dir.resolve("x.json").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err().strip())
                .doesNotContain("\n")
                .startsWith(dir.resolve("caida-asrel").toString())
                .contains("no such file");
    }

    @Test
    void optionsOfAnotherKindAndUnknownKindsAreUsageErrors() {
        String out = dir.resolve("x.json").toString();
        assertThat(CommandRun.of("dataset", "overlay", "--peers", "5", "--out", out)
                        .exitCode())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(CommandRun.of("dataset", "churn", "--data", dir.toString(), "--out", out)
                        .err())
                .contains("churn needs --snapshot");
        CommandRun unknown = CommandRun.of("dataset", "planets", "--out", out);
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("unknown dataset kind 'planets'");
    }

    private static Path data() {
        assumeTrue(DataDirectory.locate().isPresent(), DataDirectory.missingMessage());
        return DataDirectory.locate().orElseThrow();
    }
}
