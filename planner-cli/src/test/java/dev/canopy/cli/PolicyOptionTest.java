package dev.canopy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.fixtures.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --policies} of {@code canopy plan} and {@code canopy verify}: applied, checked, and bad references reported. */
class PolicyOptionTest {
    private static final String GEO_BAN =
            """
            format: canopy/policies@1
            policies:
              - id: no-rh-de
                kind: geo-ban
                channels: { ids: [robin-hood] }
                countries: [DE]
            """;

    @TempDir
    Path dir;

    private final String snapshot = Fixtures.path("snapshots/seed-network.json").toString();

    @Test
    void planAppliesThePoliciesAndVerifyChecksThem() throws Exception {
        Path policies = Files.writeString(dir.resolve("p.yaml"), GEO_BAN);
        Path plan = dir.resolve("plan.json");
        CommandRun planned = CommandRun.of(
                "plan", "--snapshot", snapshot, "--policies", policies.toString(), "--out", plan.toString());
        assertThat(planned.exitCode()).as(planned.out() + planned.err()).isZero();
        assertThat(planned.out()).contains("policies   1 applied");
        CommandRun verified = CommandRun.of(
                "verify", "--snapshot", snapshot, "--plan", plan.toString(), "--policies", policies.toString());
        assertThat(verified.exitCode()).as(verified.out()).isZero();
        assertThat(verified.out()).contains("policies   1 checked");
    }

    @Test
    void verifyReportsAPlanThatBreaksAHardPolicy() throws Exception {
        Path policies = Files.writeString(dir.resolve("p.yaml"), GEO_BAN);
        Path plan = dir.resolve("plan.json");
        assertThat(CommandRun.of("plan", "--snapshot", snapshot, "--out", plan.toString())
                        .exitCode())
                .isZero();
        CommandRun verified = CommandRun.of(
                "verify", "--snapshot", snapshot, "--plan", plan.toString(), "--policies", policies.toString());
        assertThat(verified.exitCode()).isEqualTo(ExitCodes.VIOLATIONS);
        assertThat(verified.out()).contains("no-rh-de");
    }

    @Test
    void anUnknownReferenceIsOneLineWithItsPlace() throws Exception {
        Path policies = Files.writeString(dir.resolve("bad.yaml"), GEO_BAN.replace("robin-hood", "no-such-channel"));
        CommandRun run = CommandRun.of(
                "plan",
                "--snapshot",
                snapshot,
                "--policies",
                policies.toString(),
                "--out",
                dir.resolve("x.json").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err().strip()).doesNotContain("\n").contains("bad.yaml:").contains("no-such-channel");
        CommandRun verify = CommandRun.of(
                "verify", "--snapshot", snapshot, "--plan", policies.toString(), "--policies", policies.toString());
        assertThat(verify.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    }
}
