package dev.canopy.cli;

import dev.canopy.cli.bench.Charts;
import dev.canopy.cli.bench.ProgressReporter;
import dev.canopy.model.io.InputException;
import dev.canopy.solver.bench.BenchInstance;
import dev.canopy.solver.bench.BenchOutcome;
import dev.canopy.solver.bench.BenchReport;
import dev.canopy.solver.bench.BenchRunner;
import dev.canopy.solver.bench.BenchWiring;
import dev.canopy.solver.bench.Entrant;
import dev.canopy.solver.bench.Machine;
import dev.canopy.solver.bench.ResultsCsv;
import dev.canopy.solver.bench.Suite;
import dev.canopy.solver.bench.SuiteStrategy;
import dev.canopy.solver.bench.Suites;
import dev.canopy.solver.bench.SummaryMarkdown;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Measures strategies against the physical limit, the baselines and each other on a suite of
 * instances, and writes {@code results.csv}, {@code summary.md} and charts into a directory.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Benchmarks strategies on a suite; writes results.csv, summary.md and charts.",
            "",
            "Plans every (instance, strategy, seed) in this JVM one after the other,",
            "verifies every plan, bisects the rate each strategy serves to everyone,",
            "fails peers for resilience, and reports medians over seeds. Exits 1 if a",
            "strategy's plan broke a rule or a strategy failed. Real instances (from",
            "../shared/data) are left out with a note when the data is absent.",
            "Definitions of every figure: docs/benchmarks.md."
        })
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--suite",
            paramLabel = "NAME",
            defaultValue = "quick",
            completionCandidates = SuiteNames.class,
            description = "Suite: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    String suiteName;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "bench-results",
            description = "Directory to write into, created if missing (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--seeds", paramLabel = "N", description = "Seeds per instance (default: the suite's).")
    Integer seeds;

    @Option(
            names = "--strategies",
            paramLabel = "NAMES",
            split = ",",
            description = "Strategies to run instead of the suite's, comma-separated.")
    List<String> strategies;

    @Option(
            names = "--instances",
            paramLabel = "REGEX",
            description = "Only the suite's instances whose name matches (e.g. 'p2p-overlay.*').")
    Pattern only;

    @Override
    public Integer call() {
        Suite suite = Suites.byName(suiteName)
                .orElseThrow(() -> new CommandLine.ParameterException(
                        spec.commandLine(), "unknown suite '" + suiteName + "': expected one of " + Suites.NAMES));
        if (seeds != null && seeds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--seeds must be at least 1");
        }
        int seedCount = seeds == null ? suite.defaultSeeds() : seeds;
        List<SuiteStrategy> wanted = wantedStrategies(suite);
        Entrant.Resolution resolution = Entrant.resolve(wanted);
        boolean references = strategies == null || strategies.contains("deployed");
        if (resolution.entrants().isEmpty()) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "no registered strategy among " + names(wanted));
        }
        createDirectory(out);
        List<BenchInstance> instances = suite.instances(seedCount).stream()
                .filter(i -> only == null || only.matcher(i.name()).matches())
                .toList();
        if (instances.isEmpty()) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "no instance of the " + suite.name() + " suite matches --instances " + only);
        }
        PrintWriter w = spec.commandLine().getOut();
        String command = command(suite.name(), seedCount);
        w.printf(
                Locale.ROOT,
                "canopy bench: %s suite, %d instances, strategies %s; writing to %s%n",
                suite.name(),
                instances.size(),
                resolution.entrants().stream().map(Entrant::name).toList(),
                out);
        for (String missing : resolution.unregistered()) {
            w.println("note: strategy '" + missing + "' is not registered, skipped");
        }
        w.flush();

        Path csv = out.resolve("results.csv");
        BenchOutcome outcome;
        try (ProgressReporter progress =
                new ProgressReporter(w, System.console() != null, rows -> ResultsCsv.write(csv, rows))) {
            outcome = new BenchRunner(BenchWiring.localityBound(), progress)
                    .run(instances, resolution.entrants(), suite.warmUp(), references);
        }
        ResultsCsv.write(csv, outcome.results());
        List<String> charts = Charts.write(out, outcome.results());
        Machine machine = Machine.current(Clock.systemUTC());
        SummaryMarkdown.write(
                out.resolve("summary.md"),
                new BenchReport(suite.name(), command, machine, outcome, resolution.unregistered(), charts));

        w.printf(
                Locale.ROOT,
                "%d runs in %.1f s: %d with violations, %d failed%n",
                outcome.results().size(),
                outcome.elapsed().toMillis() / 1000.0,
                outcome.withViolations().size(),
                outcome.failed().size());
        w.println("results    written to " + csv + ", " + out.resolve("summary.md") + " and " + charts.size()
                + " charts");
        w.flush();
        boolean clean = outcome.withViolations().isEmpty() && outcome.failed().isEmpty();
        return clean ? ExitCodes.OK : ExitCodes.VIOLATIONS;
    }

    private List<SuiteStrategy> wantedStrategies(Suite suite) {
        if (strategies == null) {
            return suite.strategies();
        }
        List<SuiteStrategy> out = new ArrayList<>();
        for (String name : strategies) {
            String trimmed = name.strip();
            if (trimmed.isEmpty() || trimmed.equals("deployed")) {
                continue;
            }
            // A strategy the suite lists keeps the suite's time limit and seed cap.
            out.add(suite.strategies().stream()
                    .filter(s -> s.name().equals(trimmed))
                    .findFirst()
                    .orElse(SuiteStrategy.of(trimmed)));
        }
        return out;
    }

    /** The command that reproduces this run. */
    private String command(String suite, int seedCount) {
        StringBuilder s = new StringBuilder("canopy bench --suite ")
                .append(suite)
                .append(" --seeds ")
                .append(seedCount);
        if (strategies != null) {
            s.append(" --strategies ").append(String.join(",", strategies));
        }
        if (only != null) {
            s.append(" --instances '").append(only.pattern()).append('\'');
        }
        return s.append(" --out ").append(out).toString();
    }

    private static List<String> names(List<SuiteStrategy> list) {
        return list.stream().map(SuiteStrategy::name).toList();
    }

    private static void createDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw InputException.ofFile(dir.toString(), "cannot create the output directory: " + e.getMessage());
        }
    }

    /** Suite names for help and shell completion. */
    static final class SuiteNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Suites.NAMES.iterator();
        }
    }
}
