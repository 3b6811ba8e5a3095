package dev.canopy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.fixtures.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainCommandTest {
    @TempDir
    Path dir;

    Path snapshot;
    Path policies;
    Path plan;

    @BeforeEach
    void plan() {
        snapshot = Fixtures.path("policies/link-cap/snapshot.json");
        policies = Fixtures.path("policies/link-cap/policy.yaml");
        plan = dir.resolve("plan.json");
        CommandRun run = CommandRun.of(
                "plan", "--snapshot", snapshot.toString(), "--policies", policies.toString(), "--out", plan.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    }

    @Test
    void explainsANodeInTextAndJson() {
        CommandRun text = CommandRun.of(
                "explain",
                "--snapshot",
                snapshot.toString(),
                "--plan",
                plan.toString(),
                "--policies",
                policies.toString(),
                "--node",
                "p1");
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).startsWith("p1 is served live").contains("parent     substream 0: o1 (10 ms over a-b");
        CommandRun json = CommandRun.of(
                "explain",
                "--snapshot",
                snapshot.toString(),
                "--plan",
                plan.toString(),
                "--node",
                "p1",
                "--channel",
                "live",
                "--format",
                "json");
        assertThat(json.exitCode()).isZero();
        assertThat(json.out()).contains("\"served\" : true").contains("\"verdict\" : \"PARENT\"");
    }

    @Test
    void unknownNodeChannelOrPolicyIsAOneLineUsageError() {
        String[] base = {
            "explain", "--snapshot", snapshot.toString(), "--plan", plan.toString(), "--policies", policies.toString()
        };
        CommandRun node = CommandRun.of(concat(base, "--node", "p9"));
        assertThat(node.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(node.err()).startsWith("canopy: unknown node \"p9\"");
        CommandRun channel = CommandRun.of(concat(base, "--node", "p1", "--channel", "radio"));
        assertThat(channel.err()).startsWith("canopy: unknown channel \"radio\"");
        CommandRun policy = CommandRun.of(concat(base, "--node", "p1", "--lift", "ghost"));
        assertThat(policy.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(policy.err()).startsWith("canopy: unknown policy \"ghost\"");
    }

    private static String[] concat(String[] base, String... more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
