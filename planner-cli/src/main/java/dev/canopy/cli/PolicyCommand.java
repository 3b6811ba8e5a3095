package dev.canopy.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Groups the commands that work on policy files. */
@Command(
        name = "policy",
        mixinStandardHelpOptions = true,
        description = "Works with operator policy files.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {PolicyTestCommand.class})
final class PolicyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a policy command is required (test)");
    }
}
