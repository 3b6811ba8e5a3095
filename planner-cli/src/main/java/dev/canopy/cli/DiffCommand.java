package dev.canopy.cli;

import dev.canopy.model.diff.Diff;
import dev.canopy.model.diff.PlanDiff;
import dev.canopy.model.io.Documents;
import dev.canopy.model.io.InputException;
import dev.canopy.model.plan.Plan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Writes the diff between two plans of one snapshot. */
@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        description = {
            "Writes the diff (canopy/diff@1) that turns plan A into plan B.",
            "",
            "Both plans must be for the same snapshot, and B a later version than A unless",
            "nothing changes. Applying the diff to A gives B in canonical order."
        })
final class DiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "The plan before.")
    Path from;

    @Parameters(index = "1", paramLabel = "B", description = "The plan after.")
    Path to;

    @Option(names = "--out", required = true, paramLabel = "D", description = "Where to write the diff (JSON).")
    Path out;

    @Override
    public Integer call() {
        Plan a = Documents.readPlan(from);
        Plan b = Documents.readPlan(to);
        if (!a.snapshot().equals(b.snapshot())) {
            throw InputException.ofFile(
                    to.toString(),
                    "plan is for snapshot \"" + b.snapshot() + "\", but " + from + " is for \"" + a.snapshot() + "\"");
        }
        Diff diff = PlanDiff.between(a, b);
        if (!diff.isEmpty() && b.version() <= a.version()) {
            throw InputException.ofFile(
                    to.toString(),
                    "plan version " + b.version() + " is not after " + from + "'s version " + a.version()
                            + "; a diff goes forward");
        }
        Documents.write(out, diff);
        PrintWriter w = spec.commandLine().getOut();
        w.printf(
                "canopy diff: %s v%d -> v%d: %d tree changes, %d mesh changes, %d nodes instructed, %d unserved added, %d dropped%n",
                b.snapshot(),
                a.version(),
                b.version(),
                diff.changes().size(),
                diff.meshChanges().size(),
                diff.instructions().size(),
                diff.unservedAdded().size(),
                diff.unservedDropped().size());
        w.println("diff       written to " + out);
        w.flush();
        return ExitCodes.OK;
    }
}
