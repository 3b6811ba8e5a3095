package dev.canopy.solver.replan;

import dev.canopy.policies.compile.CompiledPolicies;
import dev.canopy.policies.compile.Ingress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Watches the hard dual-ingress domains between full re-plans. Local repair does not look for a
 * second copy when a domain loses one, so the session asks for a forced full re-plan (which
 * settles every domain: two copies, or relaxed, or cut) as soon as a domain lacks a copy of a
 * substream that it did not lack after the last full plan. A domain is identified by one member
 * known when the watch was made; a domain without members then is not watched. Made once per
 * installed policies and full plan; costs one ledger question per (domain, tree) per batch, and
 * nothing without dual-ingress policies. Not thread-safe (the session's thread).
 */
final class IngressWatch {
    private final List<int[]> watched;
    private final Set<Long> baseline;

    private IngressWatch(List<int[]> watched, Set<Long> baseline) {
        this.watched = watched;
        this.baseline = baseline;
    }

    /** A watch whose baseline is the domains short in the state now. */
    static IngressWatch after(State state) {
        List<int[]> watched = new ArrayList<>();
        CompiledPolicies policies = state.policies();
        Forest forest = state.forest;
        Map<Ingress, Integer> members = new IdentityHashMap<>();
        for (int t = 0; t < forest.trees() && !policies.isEmpty(); t++) {
            for (Ingress ingress : policies.ingresses(forest.channel(t))) {
                int member = ingress.copies() < 2 ? -1 : members.computeIfAbsent(ingress, i -> firstMember(i, state));
                if (member >= 0) {
                    watched.add(new int[] {member, t});
                }
            }
        }
        IngressWatch empty = new IngressWatch(watched, Set.of());
        return new IngressWatch(watched, empty.shortNow(state));
    }

    /** Whether a watched domain lacks a copy now that it did not lack at the baseline. */
    boolean lost(State state) {
        if (watched.isEmpty()) {
            return false;
        }
        return !baseline.containsAll(shortNow(state));
    }

    private Set<Long> shortNow(State state) {
        Set<Long> out = new HashSet<>();
        Forest forest = state.forest;
        for (int[] w : watched) {
            int member = w[0];
            int tree = w[1];
            if (state.caps()
                    .pendingEntry(member, forest.channel(tree), forest.substream(tree))
                    .isPresent()) {
                out.add((long) member * forest.trees() + tree);
            }
        }
        return out;
    }

    private static int firstMember(Ingress ingress, State state) {
        for (int node = 0; node < state.net.size(); node++) {
            if (ingress.members().matches(node)) {
                return node;
            }
        }
        return -1;
    }
}
