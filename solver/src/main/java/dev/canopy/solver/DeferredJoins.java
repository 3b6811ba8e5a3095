package dev.canopy.solver;

import dev.canopy.model.policy.Policy;
import dev.canopy.model.policy.PolicyKind;
import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * Joins put off until the rest of a channel has joined. A node that a hard policy on its
 * partners refuses every parent (pairing, affinity {@code only}) may be refused only because the partners it may take have not joined
 * yet when its turn comes: a phone that may only exchange with its owner's desktop, tried before
 * the desktop. The seed lets assignments interleave ("client B is assigned a peer in light of
 * client A"), so such a node waits and is tried again once the others have joined, pass after
 * pass while a pass serves someone; in the last pass it is no longer put off, and its join lists
 * it unserved naming the policy. Refusals that later joins do not clear are not put off
 * ({@link #mayClearLater}).
 *
 * <p>Without policies nothing is ever put off, so the caller's loop is unchanged. Mutable and
 * not thread-safe: one per channel of one planning call.
 */
public final class DeferredJoins {
    /** Passes over the waiting nodes before the last one, so that a long chain costs bounded work. */
    static final int MAX_PASSES = 4;

    private final PolicyGate gate;
    private int[] waiting = new int[0];
    private int count;
    private boolean lastPass;

    public DeferredJoins(PolicyGate gate) {
        this.gate = gate;
    }

    /**
     * Whether the node, which its join could not serve, is put off (then the join must not list
     * it unserved): when policies are active, this is not the last pass, and the policy that
     * last refused it an edge is one that later joins may clear ({@link #mayClearLater}).
     */
    public boolean defer(int node) {
        if (!gate.active() || lastPass) {
            return false;
        }
        if (!gate.refusal(node).map(DeferredJoins::mayClearLater).orElse(false)) {
            return false;
        }
        if (count == waiting.length) {
            waiting = Arrays.copyOf(waiting, Math.max(4, 2 * count));
        }
        waiting[count++] = node;
        return true;
    }

    /** How many nodes wait. */
    public int waiting() {
        return count;
    }

    /**
     * Tries the waiting nodes again in the order they were put off, pass after pass while a pass
     * serves one of them (at most {@value #MAX_PASSES}), then once more as the last pass, where
     * {@code join} lists whoever it still cannot serve.
     *
     * @param join joins one node (calling {@link #defer} when it fails) and says whether it was served
     */
    public void retry(IntPredicate join) {
        for (int pass = 0; pass < MAX_PASSES && count > 0; pass++) {
            if (!runPass(join)) {
                break;
            }
        }
        lastPass = true;
        runPass(join);
    }

    private boolean runPass(IntPredicate join) {
        int[] batch = Arrays.copyOf(waiting, count);
        count = 0;
        boolean served = false;
        for (int node : batch) {
            served |= join.test(node);
        }
        return served;
    }

    /**
     * Whether a refusal by the policy may no longer hold once more nodes hold the channel: the
     * policies that name who a node may exchange with (pairing, affinity {@code only}). Others
     * (bars, caps, ingress, hours, depth, redundancy) seldom clear as the channel fills, and
     * putting off the many nodes they refuse would only repeat failing searches.
     */
    static boolean mayClearLater(Policy policy) {
        PolicyKind kind = policy.kind();
        return kind == PolicyKind.PAIRING || kind == PolicyKind.AFFINITY;
    }
}
