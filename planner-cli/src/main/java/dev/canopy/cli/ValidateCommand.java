package dev.canopy.cli;

import dev.canopy.model.io.Documents;
import dev.canopy.model.io.FileFormat;
import dev.canopy.model.io.InputError;
import dev.canopy.model.io.InputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Checks files of any Canopy format, telling the format by its {@code format} tag. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Checks files of any Canopy format.",
            "",
            "Tells snapshot, policies, plan, events (.jsonl) and diff files apart by their format",
            "tag, checks each against its format and prints one line per valid file and one line",
            "per error (file:line:column: field: what is wrong). Exits 3 if any file is invalid."
        })
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to check (JSON, YAML or JSON Lines).")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int bad = 0;
        for (Path file : files) {
            try {
                FileFormat format = Documents.validate(file);
                out.println(file + ": ok (" + format.tag() + ")");
            } catch (InputException e) {
                bad++;
                for (InputError error : e.errors()) {
                    err.println(error);
                }
            }
        }
        out.flush();
        err.flush();
        return bad == 0 ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }
}
