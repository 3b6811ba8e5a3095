package dev.canopy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class CanopyTest {
    @Test
    void helpListsEveryCommandAndExitsZero() {
        CommandRun run = CommandRun.of("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("validate", "plan", "verify", "generate", "bench", "Exit codes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"validate", "plan", "verify", "generate", "bench"})
    void everyCommandHasHelp(String command) {
        CommandRun run = CommandRun.of(command, "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: canopy " + command);
    }

    /** picocli wraps at the help width, so a longer hand-wrapped line would break mid-sentence. */
    @Test
    void everyHandWrappedHelpLineFitsTheHelpWidth() {
        CommandLine root = Canopy.commandLine();
        assertThat(root.getSubcommands()).isNotEmpty();
        for (CommandLine command : root.getSubcommands().values()) {
            assertThat(command.getUsageHelpWidth()).isEqualTo(Canopy.HELP_WIDTH);
            for (String line : command.getCommandSpec().usageMessage().description()) {
                assertThat(line.length())
                        .as("%s: %s", command.getCommandName(), line)
                        .isLessThanOrEqualTo(Canopy.HELP_WIDTH - 2);
            }
        }
    }

    @Test
    void noCommandIsAUsageError() {
        CommandRun run = CommandRun.of();
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("a command is required");
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithOneLine() {
        CommandRun run = CommandRun.of("plan", "--snapshot", "x.json", "--out", "y.json", "--colour", "red");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("canopy: Unknown option").contains("'--colour'", "canopy plan --help");
        assertThat(run.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void versionNamesTheFormats() {
        CommandRun run = CommandRun.of("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("canopy/snapshot@1", "canopy/plan@1");
    }
}
