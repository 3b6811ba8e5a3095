package dev.canopy.cli;

import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.io.Documents;
import dev.canopy.model.io.Mappers;
import dev.canopy.model.io.Parsed;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.policy.PolicyDocument;
import dev.canopy.policies.compile.PolicyReferences;
import dev.canopy.solver.explain.Explainer;
import dev.canopy.solver.explain.Explanation;
import dev.canopy.solver.explain.ExplanationText;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Explains a plan for one node: why it is (not) served, its parents, its candidate parents. */
@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        description = {
            "Explains why a node has the parents it has, or why it is unserved.",
            "",
            "For the node and channel: served or not (and the plan's unserved entry), its parents",
            "per substream and why, and every candidate parent (a node holding the channel): the",
            "parent, admissible, full (which resource: parent uplink or link and direction),",
            "removed by a policy (which) or by a lightweight rule. --lift re-plans without the",
            "named policies (with the plan's strategy) and says what changes for the node."
        })
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--snapshot", required = true, paramLabel = "S", description = "The snapshot the plan is for.")
    Path snapshot;

    @Option(names = "--plan", required = true, paramLabel = "PLAN", description = "The plan to explain.")
    Path plan;

    @Option(names = "--policies", paramLabel = "P", description = "The policies the plan was made under.")
    Path policies;

    @Option(names = "--node", required = true, paramLabel = "N", description = "The node to explain.")
    String node;

    @Option(
            names = "--channel",
            paramLabel = "C",
            description = "The channel (default: the node's only wanted channel).")
    String channel;

    @Option(names = "--lift", paramLabel = "POLICY", description = "Re-plan without this policy (repeatable).")
    List<String> lift = new ArrayList<>();

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "unknown format '" + format + "': expected text or json");
        }
        Snapshot network = Documents.readSnapshot(snapshot);
        Plan candidate = Documents.readPlan(plan);
        PolicyDocument rules = PolicyDocument.EMPTY;
        if (policies != null) {
            Parsed<PolicyDocument> parsed = Documents.readPolicies(policies);
            PolicyReferences.require(parsed, SnapshotIndex.of(network));
            rules = parsed.value();
        }
        String chosen = channel != null ? channel : onlyWanted(network);
        Explanation explanation;
        try {
            explanation = Explainer.explain(network, candidate, rules, node, chosen, lift);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            try {
                out.println(Mappers.prettyJson().writeValueAsString(explanation));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            out.print(ExplanationText.render(explanation));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private String onlyWanted(Snapshot network) {
        List<String> wants = network.nodes().stream()
                .filter(n -> n.id().equals(node))
                .findFirst()
                .map(n -> n.wants())
                .orElseThrow(() -> new CommandLine.ParameterException(
                        spec.commandLine(), "unknown node \"" + node + "\" in snapshot " + network.id()));
        if (wants.size() != 1) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--channel is required: " + node + " wants " + wants);
        }
        return wants.get(0);
    }
}
