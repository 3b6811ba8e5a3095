package dev.canopy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Snapshot;
import dev.canopy.model.io.Documents;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
    @TempDir
    Path dir;

    @Test
    void generatesAValidSnapshotThatPlansCleanly() {
        Path out = dir.resolve("gen.json");
        CommandRun run = CommandRun.of(
                "generate",
                "--peers",
                "500",
                "--seed",
                "3",
                "--mix",
                "log-normal",
                "--substreams",
                "8",
                "--out",
                out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Snapshot snapshot = Documents.readSnapshot(out);
        assertThat(snapshot.nodes().stream()
                        .filter(n -> n.role().code().equals("peer"))
                        .count())
                .isEqualTo(500);
        assertThat(snapshot.channels().get(0).substreams()).isEqualTo(8);

        CommandRun plan = CommandRun.of(
                "plan",
                "--snapshot",
                out.toString(),
                "--out",
                dir.resolve("p.json").toString());
        assertThat(plan.exitCode()).as(plan.out()).isZero();
    }

    @Test
    void theSameSeedWritesTheSameFile() throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        CommandRun.of("generate", "--peers", "200", "--seed", "9", "--out", a.toString());
        CommandRun.of("generate", "--peers", "200", "--seed", "9", "--out", b.toString());
        assertThat(a).hasSameBinaryContentAs(b);
    }

    @Test
    void aBadMixIsAUsageError() {
        CommandRun run = CommandRun.of(
                "generate",
                "--peers",
                "10",
                "--mix",
                "lumpy",
                "--out",
                dir.resolve("x.json").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("unknown capacity mix \"lumpy\"");
    }
}
