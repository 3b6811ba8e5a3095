package dev.canopy.policies.verify;

import dev.canopy.model.Channel;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Club;
import dev.canopy.model.plan.OverlayKind;
import dev.canopy.model.plan.Plan;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The structural rules of one channel: each substream tree rooted at the sources, one parent
 * per child, no cycles, every parent served; mesh and club reachability; edge rates; depth; and
 * the accounting of every wanted node as served or listed unserved. Working arrays are sized by
 * the node count and reused across the channel's substreams.
 */
final class ChannelCheck {
    /** What one channel's check found. */
    /** What one channel's check found; {@code nodeDepth} is each node's deepest hop count from a source (0 if none). */
    record Result(
            int channel,
            int[] receivedSubstreams,
            boolean[] served,
            int maxDepth,
            long depthSum,
            long depthCount,
            int[] nodeDepth) {}

    private final SnapshotIndex index;
    private final Plan plan;
    private final int channel;
    private final Channel spec;
    private final List<ResolvedOverlay> overlays;
    private final List<Violation> violations;
    private final int nodes;

    private final int[] parent;
    private final int[] firstChild;
    private final int[] depth;
    private final int[] stamp;
    private final int[] received;
    private final boolean[] deepReported;
    private final int[] explained;
    private final int[] meshHops;
    private final int[] deepest;
    private int walk;
    private int tree;

    ChannelCheck(
            SnapshotIndex index, Plan plan, int channel, List<ResolvedOverlay> overlays, List<Violation> violations) {
        this.index = index;
        this.plan = plan;
        this.channel = channel;
        this.spec = index.channel(channel);
        this.overlays = overlays;
        this.violations = violations;
        this.nodes = index.nodeCount();
        this.parent = new int[nodes];
        this.firstChild = new int[nodes];
        this.depth = new int[nodes];
        this.stamp = new int[nodes];
        this.received = new int[nodes];
        this.deepReported = new boolean[nodes];
        this.explained = new int[nodes];
        this.meshHops = new int[nodes];
        this.deepest = new int[nodes];
    }

    Result run() {
        boolean[] served = new boolean[nodes];
        long[] meshStats = meshes(served);
        int maxDepth = (int) meshStats[0];
        long depthSum = meshStats[1];
        long depthCount = meshStats[2];
        for (int s = 0; s < spec.totalSubstreams(); s++) {
            List<ResolvedOverlay> trees = new ArrayList<>();
            for (ResolvedOverlay o : overlays) {
                if (o.channel() == channel
                        && o.overlay().kind() == OverlayKind.TREE
                        && o.overlay().substream().orElse(-1) == s) {
                    trees.add(o);
                }
            }
            if (trees.isEmpty()) {
                continue;
            }
            long[] stats = tree(s, trees);
            maxDepth = (int) Math.max(maxDepth, stats[0]);
            depthSum += stats[1];
            depthCount += stats[2];
        }
        for (int i = 0; i < nodes; i++) {
            served[i] |= index.isSource(channel, i) || received[i] >= spec.substreams();
            deepest[i] = Math.max(deepest[i], meshHops[i]);
        }
        Accounting.check(index, plan, channel, served, received, violations);
        return new Result(channel, received.clone(), served, maxDepth, depthSum, depthCount, deepest.clone());
    }

    /** Checks one substream's tree; returns {max depth, depth sum, depth count}. */
    private long[] tree(int substream, List<ResolvedOverlay> trees) {
        tree++;
        int edges = 0;
        for (ResolvedOverlay o : trees) {
            edges += o.size();
        }
        Arrays.fill(parent, -1);
        Arrays.fill(firstChild, -1);
        int[] nextSibling = new int[edges];
        int[] edgeChild = new int[edges];
        int[] edgeParent = new int[edges];
        int e = 0;
        long need = spec.substreamRateKbps();
        for (ResolvedOverlay o : trees) {
            boolean rateReported = false;
            for (int i = 0; i < o.size(); i++) {
                int p = o.parents()[i];
                int c = o.children()[i];
                if (o.rates()[i] < need && !rateReported) {
                    violations.add(Violation.of(
                            Rule.EDGE_RATE,
                            index.node(c).id(),
                            spec.id(),
                            "substream " + substream + " of \"" + spec.id() + "\" needs " + need
                                    + " kbps per edge, edge \"" + index.node(p).id() + "\" -> \""
                                    + index.node(c).id() + "\" carries " + o.rates()[i]));
                    rateReported = true;
                }
                if (index.isSource(channel, c)) {
                    violations.add(Violation.of(
                            Rule.SOURCE_HAS_PARENT,
                            index.node(c).id(),
                            spec.id(),
                            "source \"" + index.node(c).id() + "\" of \"" + spec.id() + "\" receives substream "
                                    + substream + " from \"" + index.node(p).id() + "\""));
                    continue;
                }
                if (parent[c] >= 0) {
                    violations.add(Violation.of(
                            Rule.TWO_PARENTS,
                            index.node(c).id(),
                            spec.id(),
                            "\"" + index.node(c).id() + "\" has two parents for substream " + substream + " of \""
                                    + spec.id() + "\": \""
                                    + index.node(parent[c]).id() + "\" and \""
                                    + index.node(p).id() + "\""));
                    continue;
                }
                parent[c] = p;
                edgeParent[e] = p;
                edgeChild[e] = c;
                nextSibling[e] = firstChild[p];
                firstChild[p] = e;
                e++;
            }
        }
        Arrays.fill(depth, -1);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int source : index.sources(channel)) {
            depth[source] = 0;
            queue.add(source);
        }
        for (int i = 0; i < nodes; i++) {
            if (meshHops[i] > 0) {
                depth[i] = meshHops[i];
                queue.add(i);
            }
        }
        long max = 0;
        long sum = 0;
        long count = 0;
        OptionalInt bound = spec.maxDepth();
        while (!queue.isEmpty()) {
            int u = queue.poll();
            for (int k = firstChild[u]; k >= 0; k = nextSibling[k]) {
                int c = edgeChild[k];
                if (depth[c] >= 0) {
                    continue;
                }
                depth[c] = depth[u] + 1;
                deepest[c] = Math.max(deepest[c], depth[c]);
                received[c]++;
                max = Math.max(max, depth[c]);
                sum += depth[c];
                count++;
                if (bound.isPresent() && depth[c] > bound.getAsInt() && !deepReported[c]) {
                    deepReported[c] = true;
                    violations.add(Violation.of(
                            Rule.MAX_DEPTH,
                            index.node(c).id(),
                            spec.id(),
                            "\"" + index.node(c).id() + "\" is " + depth[c] + " hops from a source of \"" + spec.id()
                                    + "\", maxDepth is " + bound.getAsInt()));
                }
                queue.add(c);
            }
        }
        for (int k = 0; k < e; k++) {
            if (depth[edgeParent[k]] < 0) {
                unreachable(edgeParent[k], substream);
            }
        }
        return new long[] {max, sum, count};
    }

    /**
     * Reports why a parent does not hold the substream: the walk up its parents either loops (a
     * cycle) or ends at a root that is not a source. Each cycle or root is reported once per tree.
     */
    private void unreachable(int from, int substream) {
        walk++;
        int u = from;
        while (true) {
            if (explained[u] == tree) {
                break;
            }
            if (stamp[u] == walk) {
                List<String> ring = new ArrayList<>();
                int v = u;
                do {
                    ring.add(index.node(v).id());
                    v = parent[v];
                } while (v != u);
                ring.add(index.node(u).id());
                Collections.reverse(ring);
                violations.add(Violation.of(
                        Rule.CYCLE,
                        index.node(u).id(),
                        spec.id(),
                        "substream " + substream + " of \"" + spec.id() + "\" has a cycle: "
                                + String.join(" -> ", ring)));
                break;
            }
            stamp[u] = walk;
            if (parent[u] < 0) {
                violations.add(Violation.of(
                        Rule.PARENT_NOT_SERVED,
                        index.node(u).id(),
                        spec.id(),
                        "\"" + index.node(u).id() + "\" sends substream " + substream + " of \"" + spec.id()
                                + "\" but does not receive it (it has no parent and is not a source)"));
                break;
            }
            u = parent[u];
        }
        for (int v = from; v >= 0 && explained[v] != tree; v = parent[v]) {
            explained[v] = tree;
        }
    }

    /**
     * Flooding meshes (the whole channel) and club meshes (one club's blocks each): a node holds
     * what reaches it from a source. Marks nodes served and records in {@code meshHops} how far
     * each holder is from a source, so that a node fed by a mesh may root substream trees (the
     * hierarchy's top level feeding its clusters); returns {max depth, depth sum, count}.
     */
    private long[] meshes(boolean[] served) {
        List<ResolvedOverlay> meshes = new ArrayList<>();
        int clubs = 0;
        for (ResolvedOverlay o : overlays) {
            if (o.channel() == channel && o.overlay().kind() == OverlayKind.MESH) {
                meshes.add(o);
                for (int club : o.clubs()) {
                    clubs = Math.max(clubs, club + 1);
                }
            }
        }
        Arrays.fill(meshHops, -1);
        if (meshes.isEmpty()) {
            return new long[] {0, 0, 0};
        }
        for (Club club : plan.clubs()) {
            if (club.channel().equals(spec.id())) {
                clubs = Math.max(clubs, club.club() + 1);
            }
        }
        long clubRate = clubs == 0 ? spec.rateKbps() : (spec.rateKbps() + clubs - 1) / clubs;
        for (ResolvedOverlay o : meshes) {
            for (int i = 0; i < o.size(); i++) {
                long need = o.clubs()[i] >= 0 ? clubRate : spec.rateKbps();
                if (o.rates()[i] < need) {
                    violations.add(Violation.of(
                            Rule.EDGE_RATE,
                            index.node(o.children()[i]).id(),
                            spec.id(),
                            "mesh edge \"" + index.node(o.parents()[i]).id() + "\" -> \""
                                    + index.node(o.children()[i]).id() + "\" of \"" + spec.id() + "\" carries "
                                    + o.rates()[i] + " kbps, needs " + need));
                    break;
                }
            }
        }
        long[] stats = new long[3];
        int[] whole = reach(meshes, -1, stats);
        tooDeep(whole);
        int[] clubHolders = new int[nodes];
        int[] clubHops = new int[nodes];
        for (int club = 0; club < clubs; club++) {
            int[] got = reach(meshes, club, null);
            tooDeep(got);
            for (int i = 0; i < nodes; i++) {
                if (got[i] >= 0) {
                    clubHolders[i]++;
                    clubHops[i] = Math.max(clubHops[i], got[i]);
                }
            }
        }
        for (int i = 0; i < nodes; i++) {
            if (whole[i] >= 0 || (clubs > 0 && clubHolders[i] == clubs)) {
                served[i] = true;
                meshHops[i] = whole[i] >= 0 ? whole[i] : clubHops[i];
            }
        }
        return stats;
    }

    /** Reports nodes that a mesh reaches more hops from a source than maxDepth (once per node). */
    private void tooDeep(int[] hops) {
        OptionalInt bound = spec.maxDepth();
        if (bound.isEmpty()) {
            return;
        }
        for (int i = 0; i < nodes; i++) {
            if (hops[i] > bound.getAsInt() && !deepReported[i]) {
                deepReported[i] = true;
                violations.add(Violation.of(
                        Rule.MAX_DEPTH,
                        index.node(i).id(),
                        spec.id(),
                        "\"" + index.node(i).id() + "\" is " + hops[i] + " hops from a source of \"" + spec.id()
                                + "\" over a mesh, maxDepth is " + bound.getAsInt()));
            }
        }
    }

    /** Breadth-first reach from the sources over mesh edges of one club (-1: plain mesh edges). */
    private int[] reach(List<ResolvedOverlay> meshes, int club, long[] stats) {
        Map<Integer, List<Integer>> out = new HashMap<>();
        for (ResolvedOverlay o : meshes) {
            for (int i = 0; i < o.size(); i++) {
                if (o.clubs()[i] == club) {
                    out.computeIfAbsent(o.parents()[i], k -> new ArrayList<>()).add(o.children()[i]);
                }
            }
        }
        int[] hops = new int[nodes];
        Arrays.fill(hops, -1);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int source : index.sources(channel)) {
            hops[source] = 0;
            queue.add(source);
        }
        while (!queue.isEmpty()) {
            int u = queue.poll();
            for (int v : out.getOrDefault(u, List.of())) {
                if (hops[v] < 0) {
                    hops[v] = hops[u] + 1;
                    if (stats != null) {
                        stats[0] = Math.max(stats[0], hops[v]);
                        stats[1] += hops[v];
                        stats[2]++;
                    }
                    queue.add(v);
                }
            }
        }
        return hops;
    }
}
