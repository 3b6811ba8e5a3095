package dev.canopy.cli;

import dev.canopy.model.Snapshot;
import dev.canopy.model.io.Documents;
import dev.canopy.model.io.Mappers;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.policy.PolicyDocument;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.policies.verify.Verification;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs the plan verifier: every hard rule of the formats on a plan, and its metrics. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Checks a plan against every hard rule and prints its metrics.",
            "",
            "Checks trees, rates, uplinks and downlinks, link capacities, the lightweight rules",
            "and that every wanted (node, channel) is served or listed unserved. Prints the",
            "violations and metrics (or JSON with --json); exits 1 when a rule is broken."
        })
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--snapshot", required = true, paramLabel = "S", description = "The snapshot the plan is for.")
    Path snapshot;

    @Option(names = "--plan", required = true, paramLabel = "PLAN", description = "The plan to check.")
    Path plan;

    @Option(
            names = "--policies",
            paramLabel = "P",
            description = "Operator policies: every hard one is checked, as set aside by the plan's relaxed list.")
    Path policies;

    @Option(names = "--json", description = "Print violations and metrics as JSON.")
    boolean json;

    @Option(
            names = "--max-violations",
            paramLabel = "N",
            defaultValue = "50",
            description = "Violations to list (default: ${DEFAULT-VALUE}).")
    int maxViolations;

    @Override
    public Integer call() {
        Snapshot network = Documents.readSnapshot(snapshot);
        Plan candidate = Documents.readPlan(plan);
        PolicyDocument rules = Policies.read(policies, network);
        Verification verification = PlanVerifier.verify(network, candidate, rules);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            try {
                out.println(Mappers.prettyJson().writeValueAsString(verification));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            out.println("canopy verify: " + plan + " (" + candidate.strategy() + ", version " + candidate.version()
                    + ") on " + network.id());
            if (!rules.policies().isEmpty()) {
                out.println("policies   " + rules.policies().size() + " checked");
            }
            Summary.print(out, candidate, verification);
            Summary.violations(out, verification, maxViolations);
        }
        out.flush();
        return verification.ok() ? ExitCodes.OK : ExitCodes.VIOLATIONS;
    }
}
