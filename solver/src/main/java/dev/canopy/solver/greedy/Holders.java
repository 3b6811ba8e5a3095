package dev.canopy.solver.greedy;

import dev.canopy.model.Node;
import dev.canopy.model.Role;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.solver.Pairing;
import dev.canopy.solver.Resources;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The nodes that hold each substream of one channel and may still send it, organised for
 * the greedy search: per (substream, region) a queue by historic quality (best first), and per
 * substream a queue by spare uplink (most first) as the fallback when no nearby region has a
 * parent left, as the seed's reassignment does. Queues drop exhausted nodes lazily.
 */
final class Holders {
  private final SnapshotIndex index;
  private final Resources resources;
  private final long rate;
  private final double[] quality;
  private final List<Map<Integer, PriorityQueue<Integer>>> byRegion = new ArrayList<>();
  private final List<PriorityQueue<long[]>> bySpare = new ArrayList<>();
  private final boolean[][] holds;
  private final int[] regularHolders;
  private final int[][] holdersByRole;

  Holders(SnapshotIndex index, Resources resources, int substreams, long rate, double[] quality) {
    this.index = index;
    this.resources = resources;
    this.rate = rate;
    this.quality = quality;
    this.holds = new boolean[substreams][];
    this.regularHolders = new int[substreams];
    this.holdersByRole = new int[substreams][Role.values().length];
    for (int s = 0; s < substreams; s++) {
      byRegion.add(new HashMap<>());
      bySpare.add(new PriorityQueue<>((x, y) -> x[0] != y[0] ? Long.compare(y[0], x[0]) : Long.compare(x[1], y[1])));
      holds[s] = new boolean[index.nodeCount()];
    }
  }

  /** Records that a node holds a substream and offers it onwards if it may relay. */
  void add(int substream, int node) {
    Node n = index.node(node);
    if (!holds[substream][node]) {
      holds[substream][node] = true;
      if (n.canRelay()) {
        holdersByRole[substream][n.role().ordinal()]++;
        if (!n.isLightweight()) {
          regularHolders[substream]++;
        }
      }
    }
    offer(substream, node);
  }

  /** Puts a holder (back) into the queues, e.g. after capacity was given back to it. */
  void offer(int substream, int node) {
    if (!index.node(node).canRelay() || resources.uplink(node) < rate) {
      return;
    }
    byRegion.get(substream)
        .computeIfAbsent(index.regionOf(node), r -> new PriorityQueue<>(this::byQuality))
        .add(node);
    bySpare.get(substream).add(new long[] {resources.uplink(node), node});
  }

  boolean holds(int substream, int node) {
    return holds[substream][node];
  }

  /** Whether any regular node that may relay holds the substream. */
  boolean anyRegular(int substream) {
    return regularHolders[substream] > 0;
  }

  /** How many relaying holders of the substream have the role. */
  int withRole(int substream, Role role) {
    return holdersByRole[substream][role.ordinal()];
  }

  /**
   * The best holder of a substream in a region that may send to the child and has uplink left,
   * or -1. Exhausted holders leave the queue; incompatible ones stay for other children.
   */
  int bestIn(int substream, int region, int child) {
    PriorityQueue<Integer> queue = byRegion.get(substream).get(region);
    if (queue == null) {
      return -1;
    }
    Node c = index.node(child);
    List<Integer> skipped = null;
    int found = -1;
    while (!queue.isEmpty()) {
      int p = queue.peek();
      if (resources.uplink(p) < rate) {
        queue.poll();
        continue;
      }
      if (p == child || !Pairing.canPair(index.node(p), c)) {
        if (skipped == null) {
          skipped = new ArrayList<>();
        }
        skipped.add(queue.poll());
        continue;
      }
      found = p;
      break;
    }
    if (skipped != null) {
      queue.addAll(skipped);
    }
    return found;
  }

  /**
   * The holder with the most spare uplink anywhere that may send to the child over a path with
   * capacity, or -1.
   */
  int mostSpare(int substream, int child) {
    PriorityQueue<long[]> queue = bySpare.get(substream);
    Node c = index.node(child);
    List<long[]> skipped = new ArrayList<>();
    int found = -1;
    while (!queue.isEmpty()) {
      long[] top = queue.peek();
      int p = (int) top[1];
      long spare = resources.uplink(p);
      if (spare < rate) {
        queue.poll();
        continue;
      }
      if (spare != top[0]) {
        queue.poll();
        queue.add(new long[] {spare, p});
        continue;
      }
      if (p == child || !Pairing.canPair(index.node(p), c) || !resources.pathHas(p, child, rate)) {
        skipped.add(queue.poll());
        if (skipped.size() > 4096) {
          break;
        }
        continue;
      }
      found = p;
      break;
    }
    queue.addAll(skipped);
    return found;
  }

  private int byQuality(int a, int b) {
    int q = Double.compare(quality[b], quality[a]);
    return q != 0 ? q : Integer.compare(a, b);
  }
}
