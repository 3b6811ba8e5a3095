package dev.canopy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.fixtures.Fixtures;
import dev.canopy.model.diff.Diff;
import dev.canopy.model.io.Documents;
import dev.canopy.model.plan.Plan;
import dev.canopy.policies.verify.PlanVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplanCommandTest {
    private static final String SNAPSHOT =
            Fixtures.path("snapshots/seed-network.json").toString();
    private static final String EVENTS =
            Fixtures.path("events/seed-network-churn.jsonl").toString();

    @TempDir
    Path dir;

    private Path startPlan() {
        Path plan = dir.resolve("plan.json");
        CommandRun run =
                CommandRun.of("plan", "--snapshot", SNAPSHOT, "--strategy", "multi-tree", "--out", plan.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return plan;
    }

    @Test
    void replaysTheShippedChurnAndWritesAVerifiedPlanAndAnExactDiff() {
        Path start = startPlan();
        Path out = dir.resolve("plan2.json");
        Path diff = dir.resolve("diff.json");
        Path network = dir.resolve("after.json");

        CommandRun run = CommandRun.of(
                "replan",
                "--snapshot",
                SNAPSHOT,
                "--plan",
                start.toString(),
                "--events",
                EVENTS,
                "--out",
                out.toString(),
                "--diff",
                diff.toString(),
                "--snapshot-out",
                network.toString(),
                "--stats");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("12 events, plan v1 -> v13", "verifier   ok", "stats      all", "p99 ms");
        Plan result = Documents.readPlan(out);
        assertThat(PlanVerifier.verify(Documents.readSnapshot(network), result).violations())
                .isEmpty();
        Diff written = Documents.readDiff(diff);
        assertThat(written.applyTo(Documents.readPlan(start))).isEqualTo(result);
        assertThat(Documents.readSnapshot(network).nodes())
                .extracting(n -> n.id())
                .contains("c300", "c301")
                .doesNotContain("c201", "acme-02");
    }

    @Test
    void withoutAPlanItStartsFromAFreshOne() {
        CommandRun run = CommandRun.of(
                "replan",
                "--snapshot",
                SNAPSHOT,
                "--events",
                EVENTS,
                "--out",
                dir.resolve("p.json").toString(),
                "--diff",
                dir.resolve("d.json").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("verifier   ok");
    }

    @Test
    void anEventForAnUnknownNodeIsOneLineNamingTheFileAndLine() throws IOException {
        Path events = dir.resolve("bad.jsonl");
        Files.writeString(
                events,
                "{\"type\":\"tick\",\"at\":\"2026-11-21T20:00:05Z\"}\n\n"
                        + "{\"type\":\"leave\",\"at\":\"2026-11-21T20:00:06Z\",\"node\":\"ghost\"}\n");
        Path out = dir.resolve("p.json");

        CommandRun run = CommandRun.of(
                "replan",
                "--snapshot",
                SNAPSHOT,
                "--events",
                events.toString(),
                "--out",
                out.toString(),
                "--diff",
                dir.resolve("d.json").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err().strip()).startsWith(events + ":3: ").contains("unknown node \"ghost\"");
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(out).doesNotExist();
    }
}
