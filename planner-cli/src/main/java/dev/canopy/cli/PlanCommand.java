package dev.canopy.cli;

import dev.canopy.model.Snapshot;
import dev.canopy.model.io.Documents;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.policy.PolicyDocument;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.policies.verify.Verification;
import dev.canopy.solver.PlanOptions;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.Strategies;
import dev.canopy.solver.Strategy;
import dev.canopy.solver.polish.LocalityPolish;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Plans a snapshot with a strategy, verifies the plan, writes it and prints a summary. */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = {
            "Plans a snapshot, verifies and writes the plan, prints a summary.",
            "",
            "Plans who sends which substream to whom with the chosen strategy, checks the plan",
            "against every hard rule, writes it atomically and prints a one-screen summary",
            "(served, limit, offload, locality, depth, time). Exits 1 if the plan breaks a rule."
        })
final class PlanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--snapshot",
            required = true,
            paramLabel = "S",
            description = "The network snapshot (JSON or YAML).")
    Path snapshot;

    @Option(names = "--policies", paramLabel = "P", description = "Operator policies (JSON or YAML).")
    Path policies;

    @Option(
            names = "--strategy",
            paramLabel = "NAME",
            defaultValue = "greedy",
            completionCandidates = StrategyNames.class,
            description = "Strategy: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    String strategy;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "1",
            description = "Seed for randomised strategies (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--time-limit", paramLabel = "SECONDS", description = "Most time a strategy may spend, in seconds.")
    Double timeLimitSeconds;

    @Option(
            names = "--polish",
            description = "Then lower the plan's locality cost by re-parenting receivers inside their trees"
                    + " (Timefold local search; same served set; skipped under policies).")
    boolean polish;

    @Option(names = "--out", required = true, paramLabel = "PLAN", description = "Where to write the plan (JSON).")
    Path out;

    @Option(
            names = "--max-violations",
            paramLabel = "N",
            defaultValue = "20",
            description = "Violations to list (default: ${DEFAULT-VALUE}).")
    int maxViolations;

    @Override
    public Integer call() {
        Strategy chosen = Strategies.byName(strategy)
                .orElseThrow(() -> new CommandLine.ParameterException(
                        spec.commandLine(),
                        "unknown strategy '" + strategy + "': expected one of " + Strategies.names()));
        if (timeLimitSeconds != null && timeLimitSeconds <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--time-limit must be positive");
        }
        long t0 = System.nanoTime();
        Snapshot network = Documents.readSnapshot(snapshot);
        PolicyDocument rules = Policies.read(policies, network);
        PlanOptions options = PlanOptions.defaults().withSeed(seed);
        if (timeLimitSeconds != null) {
            options = options.withTimeLimit(Duration.ofMillis(Math.round(timeLimitSeconds * 1000)));
        }
        long t1 = System.nanoTime();
        PlanningProblem problem = PlanningProblem.of(network, rules, options);
        Plan plan = chosen.plan(problem);
        if (polish) {
            plan = LocalityPolish.polish(problem, plan);
        }
        long t2 = System.nanoTime();
        Verification verification = PlanVerifier.verify(problem.routing(), plan, problem.compiled());
        long t3 = System.nanoTime();
        Documents.write(out, plan);
        long t4 = System.nanoTime();

        PrintWriter w = spec.commandLine().getOut();
        w.printf(
                Locale.ROOT,
                "canopy plan: %s on %s (%,d nodes, %d channels) in %.0f ms%n",
                chosen.name(),
                network.id(),
                network.nodes().size(),
                network.channels().size(),
                (t2 - t1) / 1e6);
        if (polish) {
            w.println("polish     " + plan.metrics().get(LocalityPolish.STATUS));
        }
        if (!rules.policies().isEmpty()) {
            w.println("policies   " + rules.policies().size() + " applied; "
                    + plan.relaxed().size() + " set aside for single nodes (relaxed)");
        }
        Summary.print(w, plan, verification);
        Summary.violations(w, verification, maxViolations);
        w.printf(
                Locale.ROOT,
                "time       plan %.0f ms (with indexing and routing); read %.0f ms, verify %.0f ms, write %.0f ms%n",
                (t2 - t1) / 1e6,
                (t1 - t0) / 1e6,
                (t3 - t2) / 1e6,
                (t4 - t3) / 1e6);
        w.println("plan       written to " + out);
        w.flush();
        return verification.ok() ? ExitCodes.OK : ExitCodes.VIOLATIONS;
    }

    /** Strategy names for help and shell completion. */
    static final class StrategyNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Strategies.names().iterator();
        }
    }
}
