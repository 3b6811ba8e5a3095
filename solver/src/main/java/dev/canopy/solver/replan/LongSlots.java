package dev.canopy.solver.replan;

import java.util.Arrays;

/**
 * Numbers distinct {@code long} keys 0, 1, 2, ... in the order they are first added: an
 * open-addressing hash set over primitive arrays (linear probing, load at most one half), so
 * that a journal records what a batch touches without boxing. Not thread-safe.
 */
final class LongSlots {
    private static final long EMPTY = Long.MIN_VALUE;

    private long[] table = new long[64];
    private int[] slotAt = new int[64];
    private long[] keys = new long[32];
    private int size;

    LongSlots() {
        Arrays.fill(table, EMPTY);
    }

    /**
     * Adds the key if it is new; returns its slot, or {@code -(slot + 1)} when it was there
     * already. {@code Long.MIN_VALUE} is not a valid key.
     */
    int add(long key) {
        int mask = table.length - 1;
        int i = hash(key) & mask;
        for (; table[i] != EMPTY; i = (i + 1) & mask) {
            if (table[i] == key) {
                return -(slotAt[i] + 1);
            }
        }
        table[i] = key;
        slotAt[i] = size;
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
        }
        keys[size] = key;
        size++;
        if (2 * size > table.length) {
            rehash();
        }
        return size - 1;
    }

    long key(int slot) {
        return keys[slot];
    }

    int size() {
        return size;
    }

    private void rehash() {
        long[] old = keys;
        table = new long[table.length * 2];
        slotAt = new int[table.length];
        Arrays.fill(table, EMPTY);
        int mask = table.length - 1;
        for (int s = 0; s < size; s++) {
            int i = hash(old[s]) & mask;
            while (table[i] != EMPTY) {
                i = (i + 1) & mask;
            }
            table[i] = old[s];
            slotAt[i] = s;
        }
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
