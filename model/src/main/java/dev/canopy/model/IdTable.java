package dev.canopy.model;

import java.util.List;

/**
 * String ids to dense numbers (their place in a list), without boxing: open addressing with
 * linear probing over a power-of-two table at most half full, each slot keeping its id's hash so
 * that a probe compares ids only when their hashes match; a million node ids take three flat
 * arrays instead of a million map entries. The first occurrence of a repeated id wins.
 * Immutable after construction and safe to share between threads.
 */
final class IdTable {
    private static final int ABSENT = -1;

    private final String[] keys;
    private final int[] hashes;
    private final int[] numbers;
    private final int mask;

    /** The table of {@code ids}, each numbered by its place in the list. */
    IdTable(List<String> ids) {
        int capacity = Integer.highestOneBit(Math.max(8, ids.size()) * 2 - 1) << 1;
        keys = new String[capacity];
        hashes = new int[capacity];
        numbers = new int[capacity];
        mask = capacity - 1;
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            int hash = id.hashCode();
            int slot = slotOf(id, hash);
            if (keys[slot] == null) {
                keys[slot] = id;
                hashes[slot] = hash;
                numbers[slot] = i;
            }
        }
    }

    /** The id's number, or -1 when the list did not hold it. */
    int get(String id) {
        int slot = slotOf(id, id.hashCode());
        return keys[slot] == null ? ABSENT : numbers[slot];
    }

    /** The slot holding the id, or the empty slot where it would go. */
    private int slotOf(String id, int hash) {
        int h = hash * 0x9E3779B9;
        int slot = (h ^ (h >>> 16)) & mask;
        while (keys[slot] != null && (hashes[slot] != hash || !keys[slot].equals(id))) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }
}
