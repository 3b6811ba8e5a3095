package dev.canopy.solver;

import dev.canopy.model.plan.UnservedReason;
import dev.canopy.model.policy.Policy;
import dev.canopy.policies.compile.CompiledPolicies;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/**
 * One node joining a channel substream by substream, as the strategies that grow trees node by
 * node do it: a parent for each of the k+n substreams (none once the child's downlink is used
 * up), each edge reserved in the {@link Resources} as it is found; a node that ends with fewer
 * than k gives every edge back, so that an unserved node takes nothing. Stateless.
 */
public final class SubstreamJoin {
    private SubstreamJoin() {}

    /** Whether the child's downlink can take k substreams at all; if not, it is unserved for capacity. */
    public static boolean downlinkFits(Resources resources, int child, int k, long rate) {
        return resources.downlink(child) >= k * rate;
    }

    /**
     * Finds and reserves (through the gate, so policy caps count it) a parent per substream of
     * the channel with {@code parentFor} (a node number, or -1 for none); the parents by
     * substream (-1 where none) when at least {@code k} were found (k + p for a node a hard
     * redundancy policy gives parity p, {@link PolicyGate#substreamsNeeded}), else
     * empty after releasing each edge and telling {@code givenBack} about each parent that got
     * its uplink back.
     */
    public static Optional<int[]> take(
            PolicyGate gate,
            int channel,
            int child,
            int k,
            int total,
            long rate,
            IntUnaryOperator parentFor,
            IntConsumer givenBack) {
        Resources resources = gate.resources();
        int[] parents = new int[total];
        int got = 0;
        for (int s = 0; s < total; s++) {
            parents[s] = resources.downlink(child) < rate ? -1 : parentFor.applyAsInt(s);
            if (parents[s] >= 0) {
                gate.reserve(parents[s], child, channel, s, rate);
                got++;
            }
        }
        if (gate.enoughSubstreams(child, channel, k, got)) {
            return Optional.of(parents);
        }
        for (int s = 0; s < total; s++) {
            if (parents[s] >= 0) {
                gate.release(parents[s], child, channel, s, rate);
                givenBack.accept(parents[s]);
            }
        }
        return Optional.empty();
    }

    /**
     * What one node's {@link #join} asks for.
     *
     * @param channel the channel's number
     * @param child the joining node's number
     * @param k the substreams that serve it (k + p where a hard redundancy policy gives parity p
     *     is asked of the gate, {@link PolicyGate#substreamsNeeded})
     * @param total the channel's substreams, data and parity (a parent is sought for each)
     * @param rateKbps one substream's rate
     * @param relax whether the relaxable policies that bind the node may be set aside, one at a
     *     time, when it finds too few parents ({@link PolicyGate#serveRelaxing})
     */
    public record Request(int channel, int child, int k, int total, long rateKbps, boolean relax) {}

    /**
     * One node joining a channel under the operator's policies, listing it unserved when it
     * cannot: a node a hard policy bars is listed with that policy ({@code geo-ban}, {@code
     * deny}); one whose downlink cannot take k substreams for {@code capacity}; otherwise {@link
     * #take} is tried, and when it fails and the request relaxes, again after each relaxable
     * policy that binds the node is set aside ({@link PolicyGate#serveRelaxing}). A node still
     * unserved is listed with {@code reason} (computed then), or {@code policy} naming the hard
     * policy that last refused it an edge, unless {@code deferred} puts it off ({@link
     * DeferredJoins#defer}: only under policies that later joins may clear).
     *
     * @param deferred the channel's put-off joins
     * @return the parents by substream (-1 where none), or empty when the node is listed unserved
     *     or put off
     */
    public static Optional<int[]> join(
            PolicyGate gate,
            PlanAssembler plan,
            Request request,
            IntUnaryOperator parentFor,
            IntConsumer givenBack,
            Supplier<UnservedReason> reason,
            DeferredJoins deferred) {
        int channel = request.channel();
        int child = request.child();
        int k = request.k();
        long rate = request.rateKbps();
        gate.clearRefusal(child);
        Optional<Policy> hardBar = gate.barred(child, channel).filter(p -> !p.relaxable());
        if (hardBar.isPresent()) {
            listBarred(plan, child, channel, hardBar.get());
            return Optional.empty();
        }
        if (!downlinkFits(gate.resources(), child, k, rate)) {
            plan.unserved(child, channel, UnservedReason.CAPACITY, Optional.empty(), 0);
            return Optional.empty();
        }
        int[][] taken = new int[1][];
        BooleanSupplier attempt = () -> {
            if (gate.barred(child, channel).isPresent()) {
                return false;
            }
            taken[0] = take(gate, channel, child, k, request.total(), rate, parentFor, givenBack)
                    .orElse(null);
            return taken[0] != null;
        };
        boolean served = request.relax() ? gate.serveRelaxing(child, channel, attempt) : attempt.getAsBoolean();
        if (!served) {
            Optional<Policy> bar = gate.barred(child, channel);
            if (bar.isPresent()) {
                listBarred(plan, child, channel, bar.get());
            } else if (!deferred.defer(child)) {
                PolicyGate.Unserved why = gate.unservedReason(child, reason.get());
                plan.unserved(child, channel, why.reason(), why.policy(), 0);
            }
            return Optional.empty();
        }
        return Optional.of(taken[0]);
    }

    /** Lists a node a policy bars from a channel, with the policy's reason and id. */
    public static void listBarred(PlanAssembler plan, int node, int channel, Policy bar) {
        plan.unserved(node, channel, CompiledPolicies.reasonFor(bar), Optional.of(bar.id()), 0);
    }
}
