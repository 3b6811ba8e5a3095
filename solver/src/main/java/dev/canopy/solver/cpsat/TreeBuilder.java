package dev.canopy.solver.cpsat;

import dev.canopy.solver.Locality;
import java.util.ArrayList;
import java.util.Arrays;
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
 * and in a class the relay with most budget. When the greedy stalls with relays still waiting, a
 * chain of them is spliced into a placed edge (see {@link #insertRelays()}) and the greedy goes on,
 * until neither can place anything. Then one waiting holder joins a connected node whose slots no
 * budget takes, off the solution's arcs ({@link #stray()}), and the greedy goes on: every holder
 * may be placed, at a cost above the solution's. {@link #run()} says whether every holder and
 * every edge of the solution was placed along its arcs. Deterministic: every choice is by class, arc, node and placement order.
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
    /** Per node: in the tree (a source, or a placed child). */
    private final boolean[] connected;
    /** Per node: slots no substream's budget takes, shared by every tree of the solution. */
    private final long[] spare;

    private boolean strayed;
    private final List<Integer> parents = new ArrayList<>();
    private final List<Integer> children = new ArrayList<>();

    TreeBuilder(PeerClasses pc, ChannelGraph graph, long[] units, boolean[] holds, long[] budget, long[] spare) {
        this.pc = pc;
        this.spare = spare;
        this.connected = new boolean[pc.index.nodeCount()];
        this.graph = graph;
        this.left = units.clone();
        this.budget = budget.clone();
        this.inArcs = graph.inArcs();
        this.reached = new boolean[pc.count];
        for (int g = 0; g < pc.count; g++) {
            List<Integer> sending = new ArrayList<>();
            List<Integer> withBudget = new ArrayList<>();
            List<Integer> without = new ArrayList<>();
            for (int node : pc.members[g]) {
                if (graph.source[g]) {
                    connected[node] = true;
                    if (budget[node] > 0) {
                        sending.add(node);
                    }
                } else if (holds[node]) {
                    (budget[node] > 0 ? withBudget : without).add(node);
                }
            }
            withBudget.sort(
                    Comparator.comparingLong((Integer node) -> budget[node]).thenComparing(node -> -node));
            senders.add(sending);
            relays.add(withBudget);
            leaves.add(without);
            reached[g] = graph.source[g];
        }
    }

    /**
     * Places what it can, greedily, and whenever the greedy stalls inserts a chain of waiting relays into
     * a placed edge (see {@link #insertRelays()}) and goes on; true if every holder and every edge of
     * the solution was placed.
     */
    boolean run() {
        do {
            grow();
        } while (insertRelays() || stray());
        for (int h = 0; h < pc.count; h++) {
            if (!relays.get(h).isEmpty() || !leaves.get(h).isEmpty()) {
                return false;
            }
        }
        if (strayed) {
            return false;
        }
        for (long l : left) {
            if (l != 0) {
                return false;
            }
        }
        return true;
    }

    /** The greedy: connects holders along arcs fed by connected senders until none can be. */
    private void grow() {
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
    }

    /**
     * Where the greedy stalls, the edges left form closed loops among waiting holders: classes
     * that feed each other (through their hubs) and nothing else, because their other feeders
     * spent their edges on other classes first. Then a chain of waiting relays r1..rk, one per
     * class, goes between the ends of a placed edge p to q, the first in placement order for
     * which the arcs allow it once p to q's are freed: p to r1, r1 to r2, ..., rk to q, each
     * along its classes' arcs with edges left (found breadth first over the waiting classes, so
     * the shortest chain that fits). The tree stays a tree (the r were not connected, so none is below q),
     * p keeps its number of children, each r spends one, and their classes may now feed the rest
     * of the loop. False if no chain can be inserted.
     */
    private boolean insertRelays() {
        for (int e = 0; e < children.size(); e++) {
            int from = pc.classOf[parents.get(e)];
            int to = pc.classOf[children.get(e)];
            int[] placed = graph.route(from, to);
            spend(placed, -1);
            if (spliceChain(e, from, to)) {
                return true;
            }
            spend(placed, 1);
        }
        return false;
    }

    /**
     * Splices the shortest chain of waiting relay classes from class {@code from} to class {@code
     * to} along arcs with edges left into edge e, trying the chains breadth first until one
     * fits: each hop is checked on its own, and two hops may need the same arc (homogeneous 2,000
     * peers, k = 8, seed 24: the one edge through a region's hub came from a class with one edge
     * left into that hub, so the chain through its own waiting relay needed it twice; the chain
     * through the next waiting class fitted, and the solution was realised). False if none fits.
     */
    private boolean spliceChain(int e, int from, int to) {
        int[] previous = new int[pc.count];
        Arrays.fill(previous, -2);
        List<Integer> frontier = new ArrayList<>();
        frontier.add(-1);
        for (int head = 0; head < frontier.size(); head++) {
            int at = frontier.get(head);
            for (int h = 0; h < pc.count; h++) {
                if (previous[h] != -2 || relays.get(h).isEmpty() || !open(graph.route(at < 0 ? from : at, h))) {
                    continue;
                }
                previous[h] = at;
                if (open(graph.route(h, to))) {
                    List<Integer> chain = new ArrayList<>();
                    for (int g = h; g >= 0; g = previous[g]) {
                        chain.add(0, g);
                    }
                    if (splice(e, from, to, chain)) {
                        return true;
                    }
                }
                frontier.add(h);
            }
        }
        return false;
    }

    /** Places edge e's parent, the chain's relays and e's child in a row, if the arcs have room. */
    private boolean splice(int e, int from, int to, List<Integer> chain) {
        List<int[]> spent = new ArrayList<>();
        int at = from;
        for (int i = 0; i <= chain.size(); i++) {
            int next = i < chain.size() ? chain.get(i) : to;
            int[] path = graph.route(at, next);
            if (!spend(path, 1)) {
                for (int[] back : spent) {
                    spend(back, -1);
                }
                return false;
            }
            spent.add(path);
            at = next;
        }
        int child = children.get(e);
        for (int i = 0; i < chain.size(); i++) {
            int h = chain.get(i);
            List<Integer> waiting = relays.get(h);
            int relay = waiting.remove(waiting.size() - 1);
            if (i == 0) {
                children.set(e, relay);
            } else {
                children.add(relay);
            }
            parents.add(relay);
            budget[relay]--;
            connect(relay, h);
        }
        children.add(child);
        return true;
    }

    /**
     * Where neither the greedy nor a chain can place anything: one waiting holder (a relay if
     * any waits, so that its budget opens the arcs it was to feed) joins a connected node with
     * slots that no budget takes, off the solution's arcs, the pair of least locality cost that
     * the class graph allows (then by class and node order). The tree then no longer realises
     * the solution ({@link #run()} says false) but still places every holder, at a cost above the
     * solution's. False if no such pair is left.
     */
    private boolean stray() {
        boolean anyRelay = false;
        for (List<Integer> waiting : relays) {
            anyRelay |= !waiting.isEmpty();
        }
        List<List<Integer>> queues = anyRelay ? relays : leaves;
        int[] free = new int[pc.count];
        Arrays.fill(free, -1);
        for (int g = 0; g < pc.count; g++) {
            for (int node : pc.members[g]) {
                if (connected[node] && spare[node] > 0) {
                    free[g] = node;
                    break;
                }
            }
        }
        long bestCost = Long.MAX_VALUE;
        int bestParent = -1;
        int bestClass = -1;
        for (int h = 0; h < pc.count; h++) {
            if (queues.get(h).isEmpty()) {
                continue;
            }
            for (int g = 0; g < pc.count; g++) {
                if (free[g] < 0) {
                    continue;
                }
                long cost = Locality.regionCost(pc.index, pc.region[g], pc.region[h]);
                if (cost < bestCost && graph.route(g, h).length > 0) {
                    bestCost = cost;
                    bestParent = free[g];
                    bestClass = h;
                }
            }
        }
        if (bestParent < 0) {
            return false;
        }
        List<Integer> queue = queues.get(bestClass);
        int child = queue.remove(queue.size() - 1);
        spare[bestParent]--;
        place(bestParent, child, bestClass);
        strayed = true;
        return true;
    }

    /** Adds the edge parent to child (of class h): the child is connected and, with budget, a sender. */
    private void place(int parent, int child, int h) {
        parents.add(parent);
        children.add(child);
        connect(child, h);
    }

    /** A node of class h joins the tree: connected, its class reached, a sender while it has budget. */
    private void connect(int node, int h) {
        connected[node] = true;
        reached[h] = true;
        if (budget[node] > 0) {
            senders.get(h).add(node);
        }
    }

    /** Whether every arc of the path (non-empty) has an edge left. */
    private boolean open(int[] path) {
        for (int a : path) {
            if (left[a] == 0) {
                return false;
            }
        }
        return path.length > 0;
    }

    /**
     * Takes {@code units} edges from every arc of the path (gives them back when negative); false,
     * taking nothing, if an arc has too few left.
     */
    private boolean spend(int[] path, int units) {
        for (int i = 0; i < path.length; i++) {
            if (left[path[i]] < units) {
                for (int j = 0; j < i; j++) {
                    left[path[j]] += units;
                }
                return false;
            }
            left[path[i]] -= units;
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
            place(parent, child, h);
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
