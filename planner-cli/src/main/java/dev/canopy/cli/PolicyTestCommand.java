package dev.canopy.cli;

import dev.canopy.policies.testing.PolicyTestCase;
import dev.canopy.policies.testing.PolicyTestReport;
import dev.canopy.policies.testing.PolicyTestRunner;
import dev.canopy.policies.testing.PolicyTests;
import dev.canopy.policies.testing.ReportFormat;
import dev.canopy.solver.Strategies;
import dev.canopy.solver.StrategyPlanner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Runs the policy test files ({@code *.test.yaml}) under a directory. */
@Command(
        name = "test",
        mixinStandardHelpOptions = true,
        description = {
            "Runs policy tests: plans each case's snapshot under its policies and checks the plan.",
            "",
            "Finds *.test.yaml files under DIR (next to the policy files they test; see",
            "docs/policy-tests.md), plans each case (strategy greedy unless the case names one)",
            "and checks its expectations. Prints one line per case (ok, fail:, error:), then",
            "'N passed, N failed'. Exits 0 when all pass, 1 on a failure, 3 on an invalid file."
        })
final class PolicyTestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "A directory to search, or one test file.")
    Path dir;

    @Option(names = "--run", paramLabel = "REGEX", description = "Only cases whose folder/name matches (find).")
    String run;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "pretty",
            description = "pretty, json or junit (XML on standard output) (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--fail-on-empty", description = "Exit 1 when no case is found or matched.")
    boolean failOnEmpty;

    @Option(
            names = "--strategy",
            paramLabel = "NAME",
            defaultValue = "greedy",
            completionCandidates = PlanCommand.StrategyNames.class,
            description = "Strategy for cases that name none (default: ${DEFAULT-VALUE}).")
    String strategy;

    @Override
    public Integer call() {
        ReportFormat chosen =
                switch (format) {
                    case "pretty" -> ReportFormat.PRETTY;
                    case "json" -> ReportFormat.JSON;
                    case "junit" -> ReportFormat.JUNIT;
                    default -> throw new CommandLine.ParameterException(
                            spec.commandLine(), "unknown format '" + format + "': expected pretty, json or junit");
                };
        if (Strategies.byName(strategy).isEmpty()) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "unknown strategy '" + strategy + "': expected one of " + Strategies.names());
        }
        Predicate<String> filter = id -> true;
        if (run != null) {
            try {
                filter = Pattern.compile(run).asPredicate();
            } catch (PatternSyntaxException e) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "bad --run pattern '" + run + "': " + e.getDescription());
            }
        }
        List<PolicyTestCase> cases = PolicyTests.load(dir);
        PolicyTestReport report = new PolicyTestRunner(new StrategyPlanner(strategy)).run(cases, filter);
        PrintWriter out = spec.commandLine().getOut();
        out.print(chosen.render(report));
        out.flush();
        if (report.cases().isEmpty() && failOnEmpty) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("canopy policy test: no case found under " + dir + (run == null ? "" : " matching " + run));
            err.flush();
            return ExitCodes.VIOLATIONS;
        }
        return report.allPassed() ? ExitCodes.OK : ExitCodes.VIOLATIONS;
    }
}
