package dev.canopy.solver.cpsat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Places one (channel, substream)'s edges along a class-level solution: a node joins when a
 * connected node with budget left sends to it along an arc with edges left (through a hub: any
 * arc into the hub with edges left, from a class with a connected sender). So every edge's parent
 * is connected before its child and the result is a forest rooted at the sources. Order: holders
 * with budget (relays) before those without (leaves), everywhere, since a relay that joins adds
 * its budget and a leaf only spends one: a leaf placed early could spend the last budget that a
 * waiting relay of its class needed (a class fed only by itself then stalls). Among relays, a
 * class that no edge has reached yet goes first (its first import opens its own nodes' slots),
 * and in a class the relay with most budget. It stops when nothing can be placed; {@link #run()}
 * says whether every holder and every edge of the solution was placed.
 */
final class TreeBuilder {
    private final PeerClasses pc;
    private final ChannelGraph graph;
    private final long[] left;
    private final long[] budget;
    private final List<List<Integer>> inArcs;
    /** Per class: connected nodes with budget left (a stack). */
    private final List<List<Integer>> senders = new ArrayList<>();
    /** Per class: holders with budget not yet connected, most budget last. */
    private final List<List<Integer>> relays = new ArrayList<>();
    /** Per class: holders without budget not yet connected. */
    private final List<List<Integer>> leaves = new ArrayList<>();

    private final boolean[] reached;
    private final List<Integer> parents = new ArrayList<>();
    private final List<Integer> children = new ArrayList<>();

    TreeBuilder(PeerClasses pc, ChannelGraph graph, long[] units, boolean[] holds, long[] budget) {
        this.pc = pc;
        this.graph = graph;
        this.left = units.clone();
        this.budget = budget.clone();
        this.inArcs = graph.inArcs();
        this.reached = new boolean[pc.count];
        for (int g = 0; g < pc.count; g++) {
            List<Integer> connected = new ArrayList<>();
            List<Integer> withBudget = new ArrayList<>();
            List<Integer> without = new ArrayList<>();
            for (int node : pc.members[g]) {
                if (graph.source[g]) {
                    if (budget[node] > 0) {
                        connected.add(node);
                    }
                } else if (holds[node]) {
                    (budget[node] > 0 ? withBudget : without).add(node);
                }
            }
            withBudget.sort(
                    Comparator.comparingLong((Integer node) -> budget[node]).thenComparing(node -> -node));
            senders.add(connected);
            relays.add(withBudget);
            leaves.add(without);
            reached[g] = graph.source[g];
        }
    }

    /** Places what it can; true if every holder and every edge of the solution was placed. */
    boolean run() {
        boolean progress = true;
        while (progress) {
            progress = false;
            for (int h = 0; h < pc.count; h++) {
                if (!reached[h] && !relays.get(h).isEmpty() && attach(h, relays.get(h))) {
                    progress = true;
                }
            }
            for (int h = 0; h < pc.count && !progress; h++) {
                while (!relays.get(h).isEmpty() && attach(h, relays.get(h))) {
                    progress = true;
                }
            }
            for (int h = 0; h < pc.count && !progress; h++) {
                while (!leaves.get(h).isEmpty() && attach(h, leaves.get(h))) {
                    progress = true;
                }
            }
        }
        for (int h = 0; h < pc.count; h++) {
            if (!relays.get(h).isEmpty() || !leaves.get(h).isEmpty()) {
                return false;
            }
        }
        for (long l : left) {
            if (l != 0) {
                return false;
            }
        }
        return true;
    }

    int[] parents() {
        return parents.stream().mapToInt(Integer::intValue).toArray();
    }

    int[] children() {
        return children.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Connects the last holder of {@code queue}, of class h, along one of its arcs; false if none can. */
    private boolean attach(int h, List<Integer> queue) {
        for (int a : inArcs.get(h)) {
            if (left[a] == 0) {
                continue;
            }
            List<Integer> path = new ArrayList<>();
            if (!feed(a, path)) {
                continue;
            }
            int sender = graph.tail[path.get(path.size() - 1)];
            List<Integer> stack = senders.get(sender);
            int parent = stack.get(stack.size() - 1);
            int child = queue.remove(queue.size() - 1);
            for (int b : path) {
                left[b]--;
            }
            budget[parent]--;
            if (budget[parent] == 0) {
                stack.remove(stack.size() - 1);
            }
            parents.add(parent);
            children.add(child);
            reached[h] = true;
            if (budget[child] > 0) {
                senders.get(h).add(child);
            }
            return true;
        }
        return false;
    }

    /**
     * Whether arc a, which has edges left, can be fed: its tail is a class with a connected
     * sender, or a hub with such an arc into it (exit hub to entry hub chains are two deep).
     * Appends the arcs from a back to the sender's arc.
     */
    private boolean feed(int a, List<Integer> path) {
        int tail = graph.tail[a];
        path.add(a);
        if (!graph.isHub(tail)) {
            if (ready(tail)) {
                return true;
            }
        } else {
            for (int b : inArcs.get(tail)) {
                if (left[b] > 0 && feed(b, path)) {
                    return true;
                }
            }
        }
        path.remove(path.size() - 1);
        return false;
    }

    private boolean ready(int g) {
        return !graph.isHub(g) && !senders.get(g).isEmpty();
    }
}
