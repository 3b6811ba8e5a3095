package dev.canopy.policies.compile;

import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Relaxed;
import dev.canopy.model.policy.Policy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The relaxable policies set aside for single nodes while a plan is made (or as a plan's
 * {@code relaxed} list says). A policy lifted for a node no longer applies to that node as a
 * receiver: it is not barred by it, edges into it are not filtered by it, and caps do not
 * refuse edges into it (its traffic still counts towards them, so the other nodes stay within
 * the cap); its max-depth bound and its ingress rule are lifted too. A lift is for one channel
 * or, with channel {@code -1}, for all.
 *
 * <p>Mutable and not thread-safe: one per planning call. Lookups cost a hash probe only when
 * some policy would otherwise bind, so the empty case is free.
 */
public final class Relaxations {
    /** The channel number meaning "every channel". */
    public static final int ALL_CHANNELS = -1;

    private record Lift(int channel, String policy) {}

    private final List<Integer> liftedNodes = new ArrayList<>();

    private final Map<Integer, List<Lift>> byNode = new HashMap<>();
    private final List<Relaxed> entries = new ArrayList<>();

    private Relaxations() {}

    /** An empty set, to be filled while planning. */
    public static Relaxations none() {
        return new Relaxations();
    }

    /**
     * The lifts a plan's {@code relaxed} list records; entries naming an unknown node or channel
     * are skipped (the verifier reports them).
     */
    public static Relaxations of(List<Relaxed> relaxed, SnapshotIndex index) {
        Relaxations out = new Relaxations();
        for (Relaxed entry : relaxed) {
            OptionalInt node = index.nodeIndex(entry.node());
            OptionalInt channel = entry.channel().isPresent()
                    ? index.channelIndex(entry.channel().get())
                    : OptionalInt.of(ALL_CHANNELS);
            if (node.isPresent() && channel.isPresent()) {
                out.add(node.getAsInt(), channel.getAsInt(), entry.policy(), entry);
            }
        }
        return out;
    }

    /** Sets a policy aside for a node on one channel ({@link #ALL_CHANNELS} for all). */
    public void lift(int node, int channel, Policy policy, SnapshotIndex index) {
        if (isLifted(node, channel, policy)) {
            return;
        }
        Relaxed entry = new Relaxed(
                index.node(node).id(),
                policy.id(),
                channel == ALL_CHANNELS
                        ? Optional.empty()
                        : Optional.of(index.channel(channel).id()));
        add(node, channel, policy.id(), entry);
    }

    private void add(int node, int channel, String policy, Relaxed entry) {
        byNode.computeIfAbsent(node, n -> new ArrayList<>(2)).add(new Lift(channel, policy));
        liftedNodes.add(node);
        entries.add(entry);
    }

    /** How many lifts were made so far: a mark for {@link #rollBack}. */
    public int size() {
        return entries.size();
    }

    /**
     * Takes back every lift made after {@code mark} (a {@link #size()} taken earlier), latest
     * first: for a node that stayed unserved although its policies were set aside.
     */
    public void rollBack(int mark) {
        while (entries.size() > mark) {
            int last = entries.size() - 1;
            int node = liftedNodes.remove(last);
            entries.remove(last);
            List<Lift> lifts = byNode.get(node);
            lifts.remove(lifts.size() - 1);
            if (lifts.isEmpty()) {
                byNode.remove(node);
            }
        }
    }

    /** Whether the policy is set aside for the node on the channel. */
    public boolean isLifted(int node, int channel, Policy policy) {
        return isLifted(node, channel, policy.id());
    }

    /** Whether the policy with this id is set aside for the node on the channel. */
    public boolean isLifted(int node, int channel, String policy) {
        if (byNode.isEmpty()) {
            return false;
        }
        List<Lift> lifts = byNode.get(node);
        if (lifts == null) {
            return false;
        }
        for (Lift lift : lifts) {
            if (lift.policy.equals(policy) && (lift.channel == ALL_CHANNELS || lift.channel == channel)) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The lifts as a plan's {@code relaxed} entries, in the order they were made. */
    public List<Relaxed> entries() {
        return List.copyOf(entries);
    }
}
