package dev.canopy.solver.baseline;

import java.util.Arrays;

/**
 * The changes one SplitStream join made, in order, so that they can be taken back newest first:
 * an edge attached (on interior or on spare capacity) or detached, a stripe held, a push-down
 * counted. Entries are four ints
 * (kind, stripe, parent, node) in one growing array; {@link #pop} makes the newest entry
 * current. Not thread-safe.
 */
final class JoinLog {
    static final int ATTACH = 0;
    static final int DETACH = 1;
    static final int HOLD = 2;
    static final int PUSH_DOWN = 3;
    static final int ATTACH_SPARE = 4;

    private int[] entries = new int[64];
    private int size;
    private int current;

    void add(int kind, int stripe, int parent, int node) {
        if (size + 4 > entries.length) {
            entries = Arrays.copyOf(entries, entries.length * 2);
        }
        entries[size++] = kind;
        entries[size++] = stripe;
        entries[size++] = parent;
        entries[size++] = node;
    }

    /** A mark to roll back to: the number of entries so far. */
    int size() {
        return size / 4;
    }

    void clear() {
        size = 0;
    }

    /** Removes the newest entry and makes it the current one. */
    void pop() {
        size -= 4;
        current = size;
    }

    int kind() {
        return entries[current];
    }

    int stripe() {
        return entries[current + 1];
    }

    int parent() {
        return entries[current + 2];
    }

    int node() {
        return entries[current + 3];
    }
}
