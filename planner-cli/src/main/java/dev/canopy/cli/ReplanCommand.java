package dev.canopy.cli;

import dev.canopy.model.Snapshot;
import dev.canopy.model.diff.Diff;
import dev.canopy.model.diff.PlanDiff;
import dev.canopy.model.event.Event;
import dev.canopy.model.io.Documents;
import dev.canopy.model.io.FieldPath;
import dev.canopy.model.io.InputError;
import dev.canopy.model.io.InputException;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.policy.PolicyDocument;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.policies.verify.Verification;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.replan.ReplanException;
import dev.canopy.solver.replan.ReplanOptions;
import dev.canopy.solver.replan.ReplanOutcome;
import dev.canopy.solver.replan.ReplanSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Applies an event stream to a plan by incremental re-planning; writes the new plan and the diff. */
@Command(
        name = "replan",
        mixinStandardHelpOptions = true,
        description = {
            "Applies events (canopy/event@1, JSON Lines) to a plan; writes the new plan and its diff.",
            "",
            "Starts from the plan in force (or, without --plan, a fresh multi-tree plan), applies",
            "each event as one batch by local repair (full re-plans on policy changes, every five",
            "minutes of event time, and when unserved pairs grow), verifies the final plan against",
            "the network the events leave, and writes it and the diff from the starting plan.",
            "Exits 1 if the final plan breaks a rule."
        })
final class ReplanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--snapshot", required = true, paramLabel = "S", description = "The network snapshot.")
    Path snapshot;

    @Option(
            names = "--plan",
            paramLabel = "P",
            description = "The plan in force (tree overlays); default: plan afresh.")
    Path plan;

    @Option(names = "--events", required = true, paramLabel = "E", description = "The events, one JSON object a line.")
    Path events;

    @Option(names = "--policies", paramLabel = "F", description = "Operator policies in force before the events.")
    Path policies;

    @Option(names = "--out", required = true, paramLabel = "PLAN2", description = "Where to write the new plan.")
    Path out;

    @Option(names = "--diff", required = true, paramLabel = "DIFF", description = "Where to write the diff.")
    Path diffOut;

    @Option(names = "--snapshot-out", paramLabel = "S2", description = "Where to write the network after the events.")
    Path snapshotOut;

    @Option(
            names = "--batch",
            paramLabel = "N",
            defaultValue = "1",
            description = "Events applied together as one batch, one version each (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--stats", description = "Print latency percentiles and edges changed per event type.")
    boolean stats;

    @Override
    public Integer call() {
        Snapshot network = Documents.readSnapshot(snapshot);
        PolicyDocument rules = policies == null
                ? PolicyDocument.EMPTY
                : Documents.readPolicies(policies).value();
        List<Event> stream = Documents.readEvents(events);
        PlanningProblem problem = PlanningProblem.of(network, rules, null);
        ReplanSession session;
        Plan start;
        if (plan == null) {
            // a fresh plan of the snapshot, as the session starts from
            session = ReplanSession.start(problem, ReplanOptions.defaults());
            start = session.plan();
        } else {
            start = Documents.readPlan(plan);
            try {
                session = ReplanSession.resume(problem, start, ReplanOptions.defaults());
            } catch (IllegalArgumentException e) {
                throw InputException.ofFile(plan.toString(), e.getMessage());
            }
        }
        if (batch < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--batch must be at least 1");
        }
        ReplanStats figures = new ReplanStats();
        int[] lines = eventLines();
        for (int i = 0; i < stream.size(); i += batch) {
            List<Event> group = stream.subList(i, Math.min(stream.size(), i + batch));
            long t0 = System.nanoTime();
            ReplanOutcome outcome;
            try {
                outcome = session.applyAll(group);
            } catch (ReplanException e) {
                throw new InputException(List.of(
                        new InputError(events.toString(), lines[i + e.position()], 0, FieldPath.ROOT, e.getMessage())));
            }
            figures.add(group.size() == 1 ? group.get(0).type() : "batch", System.nanoTime() - t0, outcome);
        }
        Plan result = session.plan();
        Snapshot after = session.snapshot();
        Verification verification = PlanVerifier.verify(after, result);
        Diff diff = PlanDiff.between(start, result);
        Documents.write(out, result);
        Documents.write(diffOut, diff);
        if (snapshotOut != null) {
            Documents.write(snapshotOut, after);
        }
        PrintWriter w = spec.commandLine().getOut();
        w.printf(
                Locale.ROOT,
                "canopy replan: %s, %,d events, plan v%d -> v%d (%,d nodes now)%n",
                network.id(),
                stream.size(),
                start.version(),
                result.version(),
                after.nodes().size());
        if (!rules.policies().isEmpty()) {
            w.println(
                    "note       policies are stored and passed to full re-plans; local repair does not enforce them yet");
        }
        w.printf(
                Locale.ROOT,
                "diff       %d tree changes, %d nodes instructed, %d unserved added, %d dropped%n",
                diff.changes().size(),
                diff.instructions().size(),
                diff.unservedAdded().size(),
                diff.unservedDropped().size());
        Summary.print(w, result, verification);
        Summary.violations(w, verification, 20);
        if (stats) {
            figures.print(w);
        }
        w.println("plan       written to " + out);
        w.println("diff       written to " + diffOut);
        w.flush();
        return verification.ok() ? ExitCodes.OK : ExitCodes.VIOLATIONS;
    }

    /** The line number of each event (blank lines are skipped by the reader). */
    private int[] eventLines() {
        List<Integer> numbers = new ArrayList<>();
        try {
            List<String> text = Files.readAllLines(events);
            for (int i = 0; i < text.size(); i++) {
                if (!text.get(i).isBlank()) {
                    numbers.add(i + 1);
                }
            }
        } catch (IOException e) {
            throw InputException.ofFile(events.toString(), "cannot read: " + e.getMessage());
        }
        return numbers.stream().mapToInt(Integer::intValue).toArray();
    }
}
