package dev.canopy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canopy.fixtures.Fixtures;
import dev.canopy.model.io.Documents;
import dev.canopy.model.io.Mappers;
import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Initiator;
import dev.canopy.model.plan.Overlay;
import dev.canopy.model.plan.Plan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {
    @TempDir
    Path dir;

    Path snapshot;
    Path plan;

    @BeforeEach
    void plan() {
        snapshot = Fixtures.path("snapshots/seed-network.json");
        plan = dir.resolve("plan.json");
        assertThat(CommandRun.of("plan", "--snapshot", snapshot.toString(), "--out", plan.toString())
                        .exitCode())
                .isZero();
    }

    @Test
    void aGoodPlanVerifies() {
        CommandRun run = CommandRun.of("verify", "--snapshot", snapshot.toString(), "--plan", plan.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("verifier   ok");
    }

    @Test
    void aBrokenPlanExitsOneAndNamesTheRule() throws Exception {
        Plan good = Documents.readPlan(plan);
        List<Overlay> overlays = new ArrayList<>(good.overlays());
        Overlay first = overlays.get(0);
        List<Edge> edges = new ArrayList<>(first.edges());
        Edge e = edges.get(edges.size() - 1);
        edges.add(Edge.of(e.child(), e.parent(), Initiator.BOTH));
        overlays.set(0, Overlay.tree(first.channel(), first.substream().orElseThrow(), first.rateKbps(), edges));
        Path broken = dir.resolve("broken.json");
        Documents.write(
                broken,
                new Plan(
                        good.format(),
                        good.snapshot(),
                        good.version(),
                        good.createdAt(),
                        good.strategy(),
                        overlays,
                        good.clubs(),
                        good.unserved(),
                        good.relaxed(),
                        good.metrics()));

        CommandRun run = CommandRun.of("verify", "--snapshot", snapshot.toString(), "--plan", broken.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.VIOLATIONS);
        assertThat(run.out()).contains("violation(s)");

        CommandRun json =
                CommandRun.of("verify", "--snapshot", snapshot.toString(), "--plan", broken.toString(), "--json");
        assertThat(json.exitCode()).isEqualTo(ExitCodes.VIOLATIONS);
        JsonNode report = Mappers.json().readTree(json.out());
        assertThat(report.get("ok").asBoolean()).isFalse();
        assertThat(report.get("violations").size()).isPositive();
        assertThat(report.path("metrics").path("channels").has("soccer")).isTrue();
    }
}
