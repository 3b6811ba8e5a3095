package dev.canopy.solver.replan;

import dev.canopy.solver.Resources;
import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * The priority queue of available uplink of seed 000's fast reassignment: relaying nodes by
 * uplink left, most first, one indexed max-heap per region and one over all regions. Updated in
 * O(log n) whenever a node's uplink left changes; the nodes with the most uplink left in a region
 * are visited in that order without popping. Not thread-safe.
 */
final class SpareUplink {
    /** One indexed binary max-heap over node numbers, keyed by the ledger's uplink left. */
    private final class Heap {
        private final boolean global;
        private int[] nodes = new int[8];
        private int size;

        Heap(boolean global) {
            this.global = global;
        }

        /** Positions are kept in arrays shared by the heaps, since a node is in one region heap. */
        private int[] position() {
            return global ? allPosition : regionPosition;
        }

        void add(int node) {
            if (size == nodes.length) {
                nodes = Arrays.copyOf(nodes, size * 2);
            }
            nodes[size] = node;
            position()[node] = size;
            size++;
            up(size - 1);
        }

        void remove(int node) {
            int[] position = position();
            int i = position[node];
            size--;
            if (i != size) {
                move(nodes[size], i);
                update(nodes[i]);
            }
            position[node] = -1;
        }

        void update(int node) {
            up(position()[node]);
            down(position()[node]);
        }

        private void up(int i) {
            int node = nodes[i];
            long key = ledger.uplink(node);
            while (i > 0) {
                int p = (i - 1) >> 1;
                if (ledger.uplink(nodes[p]) >= key) {
                    break;
                }
                move(nodes[p], i);
                i = p;
            }
            move(node, i);
        }

        private void down(int i) {
            int node = nodes[i];
            long key = ledger.uplink(node);
            while (true) {
                int l = 2 * i + 1;
                if (l >= size) {
                    break;
                }
                int r = l + 1;
                int c = r < size && ledger.uplink(nodes[r]) > ledger.uplink(nodes[l]) ? r : l;
                if (ledger.uplink(nodes[c]) <= key) {
                    break;
                }
                move(nodes[c], i);
                i = c;
            }
            move(node, i);
        }

        private void move(int node, int i) {
            nodes[i] = node;
            position()[node] = i;
        }

        /**
         * Visits nodes with at least {@code minimum} left, most left first, at most {@code limit}
         * of them, until the visitor returns true; returns whether it did.
         */
        boolean visit(long minimum, int limit, IntPredicate visitor) {
            if (size == 0 || ledger.uplink(nodes[0]) < minimum) {
                return false;
            }
            // a small max-heap of heap positions still to visit (the frontier)
            int[] frontier = new int[Math.min(2 * limit + 2, 2 * size + 2)];
            int count = 0;
            frontier[count++] = 0;
            for (int visited = 0; visited < limit && count > 0; visited++) {
                int best = 0;
                for (int f = 1; f < count; f++) {
                    if (ledger.uplink(nodes[frontier[f]]) > ledger.uplink(nodes[frontier[best]])) {
                        best = f;
                    }
                }
                int at = frontier[best];
                frontier[best] = frontier[--count];
                if (visitor.test(nodes[at])) {
                    return true;
                }
                for (int child = 2 * at + 1; child <= 2 * at + 2 && child < size; child++) {
                    if (ledger.uplink(nodes[child]) >= minimum && count < frontier.length) {
                        frontier[count++] = child;
                    }
                }
            }
            return false;
        }
    }

    private final Resources ledger;
    private final Heap[] regions;
    private final Heap all = new Heap(true);
    private int[] regionOf;
    private int[] regionPosition;
    private int[] allPosition;

    SpareUplink(Resources ledger, int regionCount, int nodes) {
        this.ledger = ledger;
        this.regions = new Heap[regionCount];
        int capacity = Math.max(16, nodes);
        regionOf = new int[capacity];
        regionPosition = new int[capacity];
        allPosition = new int[capacity];
        Arrays.fill(regionOf, -1);
    }

    /** Adds a relaying node in its region. */
    void add(int node, int region) {
        grow(node + 1);
        if (regions[region] == null) {
            regions[region] = new Heap(false);
        }
        regions[region].add(node);
        all.add(node);
        regionOf[node] = region;
    }

    /** Removes a node (it left); nothing if it was not in. */
    void remove(int node) {
        if (node < regionOf.length && regionOf[node] >= 0) {
            regions[regionOf[node]].remove(node);
            all.remove(node);
            regionOf[node] = -1;
        }
    }

    /** The node's uplink left changed. */
    void changed(int node) {
        if (node < regionOf.length && regionOf[node] >= 0) {
            regions[regionOf[node]].update(node);
            all.update(node);
        }
    }

    /** Visits a region's nodes with at least {@code minimum} left, most first (see {@link Heap#visit}). */
    boolean visitRegion(int region, long minimum, int limit, IntPredicate visitor) {
        Heap heap = regions[region];
        return heap != null && heap.visit(minimum, limit, visitor);
    }

    /** Visits all nodes with at least {@code minimum} left, most first. */
    boolean visitAll(long minimum, int limit, IntPredicate visitor) {
        return all.visit(minimum, limit, visitor);
    }

    private void grow(int nodes) {
        if (nodes > regionOf.length) {
            int old = regionOf.length;
            int capacity = Math.max(nodes, old + (old >> 1));
            regionOf = Arrays.copyOf(regionOf, capacity);
            Arrays.fill(regionOf, old, capacity, -1);
            regionPosition = Arrays.copyOf(regionPosition, capacity);
            allPosition = Arrays.copyOf(allPosition, capacity);
        }
    }
}
