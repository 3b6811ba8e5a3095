package dev.canopy.cli;

import dev.canopy.model.io.InputError;
import dev.canopy.model.io.InputException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code canopy} command: plans content distribution over peer-assisted networks. Each
 * subcommand is its own class and returns an exit code ({@link ExitCodes}); user errors are
 * printed as one line per error through one handler, never as a stack trace.
 */
@Command(
        name = "canopy",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Plans how content flows through a peer-assisted distribution network.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {
            ValidateCommand.class,
            PlanCommand.class,
            VerifyCommand.class,
            ReplanCommand.class,
            DiffCommand.class,
            PolicyCommand.class,
            ExplainCommand.class,
            GenerateCommand.class,
            DatasetCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {"", "Exit codes: 0 ok, 1 violations found, 2 usage error, 3 bad input, 4 internal error."})
public final class Canopy implements Runnable {
    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * Width of the help text: the commands' descriptions are wrapped by hand to at most this many
     * characters a line (picocli's default of 80 broke some mid-sentence).
     */
    static final int HELP_WIDTH = 100;

    /** The command line with Canopy's error handling, for main and for tests. */
    public static CommandLine commandLine() {
        CommandLine line = new CommandLine(new Canopy());
        line.setUsageHelpWidth(HELP_WIDTH);
        line.setExecutionExceptionHandler(Canopy::handle);
        line.setParameterExceptionHandler(Canopy::usage);
        return line;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    private static int handle(Exception e, CommandLine line, CommandLine.ParseResult parsed) {
        PrintWriter err = line.getErr();
        if (e instanceof InputException input) {
            for (InputError error : input.errors()) {
                err.println(error);
            }
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        err.println("canopy: internal error: " + e);
        e.printStackTrace(err);
        err.flush();
        return ExitCodes.INTERNAL;
    }

    private static int usage(CommandLine.ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        PrintWriter err = line.getErr();
        err.println("canopy: " + e.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
            err.println("Try '" + line.getCommandSpec().qualifiedName() + " --help' for more.");
        }
        err.flush();
        return ExitCodes.USAGE;
    }
}
