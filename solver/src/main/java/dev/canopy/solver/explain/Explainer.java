package dev.canopy.solver.explain;

import dev.canopy.model.Limit;
import dev.canopy.model.Node;
import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.plan.Unserved;
import dev.canopy.model.policy.Policy;
import dev.canopy.model.policy.PolicyDocument;
import dev.canopy.model.routing.Routing;
import dev.canopy.policies.compile.CompiledPolicies;
import dev.canopy.policies.compile.Relaxations;
import dev.canopy.solver.PlanOptions;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.Strategies;
import dev.canopy.solver.Strategy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Explains a plan for one (node, channel): why the node is served or not, why it has the parents
 * it has, which candidate parents the lightweight rules, the operator's policies ({@link
 * CompiledPolicies#forbidsEdge}) or full capacity (the parent's uplink, a link in one direction)
 * rule out, and what re-planning with named policies lifted would give it. Stateless; each call
 * builds its own index and routing.
 */
public final class Explainer {
    private Explainer() {}

    /**
     * Explains the plan for the node and channel.
     *
     * @param lift ids of policies to remove before re-planning with the plan's strategy (the
     *     default strategy when the plan names an unknown one); empty for no re-plan
     * @throws IllegalArgumentException naming an unknown node, channel or policy
     */
    public static Explanation explain(
            Snapshot snapshot, Plan plan, PolicyDocument policies, String node, String channel, List<String> lift) {
        SnapshotIndex index = SnapshotIndex.of(snapshot);
        int n = index.nodeIndex(node)
                .orElseThrow(() ->
                        new IllegalArgumentException("unknown node \"" + node + "\" in snapshot " + snapshot.id()));
        int c = index.channelIndex(channel)
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown channel \"" + channel + "\" in snapshot " + snapshot.id()));
        Set<String> known = policies.policies().stream().map(Policy::id).collect(Collectors.toSet());
        for (String id : lift) {
            if (!known.contains(id)) {
                throw new IllegalArgumentException("unknown policy \"" + id + "\": the policy file has "
                        + known.stream().sorted().toList());
            }
        }
        Routing routing = Routing.of(index);
        CompiledPolicies compiled = CompiledPolicies.compile(policies, routing);
        PlanView view = new PlanView(routing, plan, c);
        Optional<Unserved> unserved = plan.unserved().stream()
                .filter(u -> u.node().equals(node) && u.channel().equals(channel))
                .findFirst();
        List<Explanation.ParentLink> parents = view.parents(n);
        List<Explanation.Candidate> candidates =
                candidates(view, compiled, Relaxations.of(plan.relaxed(), index), n, parents);
        boolean served = view.served(n);
        String summary = summary(index, n, c, served, unserved, compiled, candidates);
        Optional<Explanation.Lift> lifted = lift.isEmpty()
                ? Optional.empty()
                : Optional.of(lift(snapshot, plan, policies, lift, node, channel, served, parents));
        return new Explanation(
                node, channel, index.wants(c, n), served, unserved, summary, parents, candidates, lifted);
    }

    private static List<Explanation.Candidate> candidates(
            PlanView view,
            CompiledPolicies compiled,
            Relaxations relaxed,
            int n,
            List<Explanation.ParentLink> parents) {
        SnapshotIndex index = view.index;
        long rate = index.channel(view.channel).substreamRateKbps();
        Set<String> parentIds =
                parents.stream().map(Explanation.ParentLink::parent).collect(Collectors.toSet());
        List<Explanation.Candidate> out = new ArrayList<>();
        for (int p = 0; p < index.nodeCount(); p++) {
            if (p == n || !view.holds[p]) {
                continue;
            }
            String id = index.node(p).id();
            if (parentIds.contains(id)) {
                Optional<Policy> breaks = compiled.forbidsEdge(p, n, view.channel, relaxed);
                out.add(new Explanation.Candidate(
                        id,
                        Explanation.Verdict.PARENT,
                        breaks.map(Policy::id),
                        view.locality(p, n) + ", " + view.spare(p) + " kbps uplink left"
                                + breaks.map(b ->
                                                "; but " + b.kind().code() + " policy " + b.id() + " forbids this edge")
                                        .orElse("")));
                continue;
            }
            Optional<String> lightweight = lightweightRule(index.node(p), index.node(n));
            if (lightweight.isPresent()) {
                out.add(new Explanation.Candidate(
                        id, Explanation.Verdict.LIGHTWEIGHT, Optional.empty(), lightweight.get()));
                continue;
            }
            Optional<Policy> policy = compiled.forbidsEdge(p, n, view.channel, relaxed);
            if (policy.isPresent()) {
                out.add(new Explanation.Candidate(
                        id,
                        Explanation.Verdict.POLICY,
                        Optional.of(policy.get().id()),
                        policy.get().kind().code() + " policy " + policy.get().id()));
                continue;
            }
            if (view.spare(p) < rate) {
                out.add(new Explanation.Candidate(
                        id,
                        Explanation.Verdict.FULL,
                        Optional.empty(),
                        "parent uplink full (" + view.uplinkUsed[p] + " of "
                                + index.node(p).uplinkKbps() + " kbps used, a substream needs " + rate + ")"));
                continue;
            }
            String link = view.fullLink(p, n, rate);
            if (!link.isEmpty()) {
                out.add(new Explanation.Candidate(id, Explanation.Verdict.FULL, Optional.empty(), link));
                continue;
            }
            out.add(new Explanation.Candidate(
                    id,
                    Explanation.Verdict.ADMISSIBLE,
                    Optional.empty(),
                    view.locality(p, n) + ", " + view.spare(p) + " kbps uplink left"));
        }
        out.sort(Comparator.comparing(Explanation.Candidate::verdict));
        return out;
    }

    /** The lightweight rule that keeps the parent from feeding the child, if any. */
    static Optional<String> lightweightRule(Node parent, Node child) {
        if (parent.isLightweight() && parent.has(Limit.NO_RELAY)) {
            return Optional.of(parent.id() + " is lightweight with no-relay");
        }
        if (parent.isLightweight() && child.isLightweight()) {
            return Optional.of("two lightweight nodes are never paired");
        }
        if (child.isLightweight() && child.has(Limit.ACCESS_LIST)) {
            String role = "role:" + parent.role().name().toLowerCase(Locale.ROOT);
            if (!child.accessList().contains(parent.id()) && !child.accessList().contains(role)) {
                return Optional.of("not on " + child.id() + "'s access list");
            }
        }
        return Optional.empty();
    }

    private static String summary(
            SnapshotIndex index,
            int n,
            int c,
            boolean served,
            Optional<Unserved> unserved,
            CompiledPolicies compiled,
            List<Explanation.Candidate> candidates) {
        String who = index.node(n).id() + " " + (served ? "is served " : "is not served ")
                + index.channel(c).id();
        if (!index.wants(c, n) && !index.isSource(c, n)) {
            return who + "; it does not want it";
        }
        Optional<Policy> barred = compiled.barred(n, c);
        if (served) {
            return who
                    + barred.map(b -> " although " + b.kind().code() + " policy " + b.id() + " bars it")
                            .orElse("");
        }
        if (barred.isPresent()) {
            return who + ": " + barred.get().kind().code() + " policy "
                    + barred.get().id() + " bars it";
        }
        String listed = unserved.map(u -> " (listed " + u.reason().code()
                        + u.policy().map(p -> ", policy " + p).orElse("") + ")")
                .orElse(" (and not listed unserved)");
        long admissible = count(candidates, Explanation.Verdict.ADMISSIBLE);
        if (admissible > 0) {
            return who + listed + "; " + admissible + " candidate parent(s) still have room";
        }
        List<String> causes = new ArrayList<>();
        candidates.stream()
                .filter(x -> x.verdict() == Explanation.Verdict.POLICY)
                .map(x -> x.policy().orElseThrow())
                .distinct()
                .forEach(p -> causes.add("policy " + p + " removes "
                        + candidates.stream()
                                .filter(x -> x.policy().equals(Optional.of(p)))
                                .count() + " candidate(s)"));
        long full = count(candidates, Explanation.Verdict.FULL);
        if (full > 0) {
            causes.add(full + " candidate(s) full");
        }
        long light = count(candidates, Explanation.Verdict.LIGHTWEIGHT);
        if (light > 0) {
            causes.add(light + " ruled out by lightweight rules");
        }
        return who + listed + (causes.isEmpty() ? "; no node holds it" : "; " + String.join(", ", causes));
    }

    private static long count(List<Explanation.Candidate> candidates, Explanation.Verdict verdict) {
        return candidates.stream().filter(x -> x.verdict() == verdict).count();
    }

    private static Explanation.Lift lift(
            Snapshot snapshot,
            Plan plan,
            PolicyDocument policies,
            List<String> lift,
            String node,
            String channel,
            boolean servedBefore,
            List<Explanation.ParentLink> before) {
        PolicyDocument remaining = new PolicyDocument(
                policies.format(),
                policies.policies().stream().filter(p -> !lift.contains(p.id())).toList());
        Strategy strategy = Strategies.byName(plan.strategy()).orElse(Strategies.defaultStrategy());
        PlanningProblem problem = PlanningProblem.of(snapshot, remaining, PlanOptions.defaults());
        Plan replanned = strategy.plan(problem);
        SnapshotIndex index = problem.index();
        int n = index.nodeIndex(node).orElseThrow();
        int c = index.channelIndex(channel).orElseThrow();
        PlanView view = new PlanView(problem.routing(), replanned, c);
        boolean served = view.served(n);
        List<Explanation.ParentLink> parents = view.parents(n);
        Optional<Unserved> unserved = replanned.unserved().stream()
                .filter(u -> u.node().equals(node) && u.channel().equals(channel))
                .findFirst();
        List<String> was = before.stream()
                .map(Explanation.ParentLink::parent)
                .distinct()
                .sorted()
                .toList();
        List<String> now = parents.stream()
                .map(Explanation.ParentLink::parent)
                .distinct()
                .sorted()
                .toList();
        String change;
        if (served != servedBefore) {
            change = node
                    + (served ? " becomes served" : " is no longer served")
                    + (now.isEmpty() ? "" : " (parents " + String.join(", ", now) + ")");
        } else if (!was.equals(now)) {
            change = node + " stays " + (served ? "served" : "unserved") + "; parents change from "
                    + (was.isEmpty() ? "none" : String.join(", ", was)) + " to "
                    + (now.isEmpty() ? "none" : String.join(", ", now));
        } else {
            change = "nothing changes for " + node;
        }
        return new Explanation.Lift(lift, strategy.name(), served, unserved, parents, change);
    }
}
