package dev.meshlens.engine.store;

import java.util.Arrays;

/**
 * The content hashes of the facts of one cluster and source during an import: the facts current before it
 * (loaded at the start) and the facts it added, each with its fact id, and which current facts the import
 * saw again.
 *
 * <p>An open-addressing hash table over primitive arrays: 25 bytes per slot, 37.5% to 75% of the slots used,
 * so 35 to 70 bytes per fact (a million facts in 35 to 70 MB). The keys are 128-bit content hashes (two
 * longs), which is what makes comparing in memory exact for practical purposes; no fact object is kept.
 */
final class ContentIndex {
    private static final byte EMPTY = 0;
    private static final byte CURRENT = 1;
    private static final byte SEEN = 2;
    private static final byte ADDED = 3;
    private static final int MIN_CAPACITY = 64;

    private long[] high;
    private long[] low;
    private long[] ids;
    private byte[] states;
    private int size;

    ContentIndex() {
        allocate(MIN_CAPACITY);
    }

    /** Records a fact that is current before the import. */
    void addCurrent(long hashHigh, long hashLow, long factId) {
        insert(hashHigh, hashLow, factId, CURRENT);
    }

    /**
     * Records that the import saw this content.
     *
     * @return true when the content is neither current nor already added by this import: the caller then
     *         stores it as {@code newFactId}, which is recorded as added
     */
    boolean see(long hashHigh, long hashLow, long newFactId) {
        int slot = find(hashHigh, hashLow);
        if (states[slot] == EMPTY) {
            insert(hashHigh, hashLow, newFactId, ADDED);
            return true;
        }
        if (states[slot] == CURRENT) {
            states[slot] = SEEN;
        }
        return false;
    }

    /** The ids of the facts that were current before the import and that it did not see, in ascending order. */
    long[] unseenCurrentIds() {
        long[] unseen = new long[size];
        int n = 0;
        for (int slot = 0; slot < states.length; slot++) {
            if (states[slot] == CURRENT) {
                unseen[n++] = ids[slot];
            }
        }
        long[] result = Arrays.copyOf(unseen, n);
        Arrays.sort(result);
        return result;
    }

    /** The number of distinct contents recorded. */
    int size() {
        return size;
    }

    private void insert(long hashHigh, long hashLow, long factId, byte state) {
        if ((size + 1) * 4L > states.length * 3L) {
            grow();
        }
        int slot = find(hashHigh, hashLow);
        if (states[slot] == EMPTY) {
            size++;
        }
        high[slot] = hashHigh;
        low[slot] = hashLow;
        ids[slot] = factId;
        states[slot] = state;
    }

    /** The slot holding the hash, or the empty slot where it belongs (linear probing). */
    private int find(long hashHigh, long hashLow) {
        int mask = states.length - 1;
        // the hash is SHA-256: its low bits are already uniformly distributed
        int slot = (int) hashLow & mask;
        while (states[slot] != EMPTY && (high[slot] != hashHigh || low[slot] != hashLow)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldHigh = high;
        long[] oldLow = low;
        long[] oldIds = ids;
        byte[] oldStates = states;
        allocate(oldStates.length * 2);
        for (int slot = 0; slot < oldStates.length; slot++) {
            if (oldStates[slot] != EMPTY) {
                int target = find(oldHigh[slot], oldLow[slot]);
                high[target] = oldHigh[slot];
                low[target] = oldLow[slot];
                ids[target] = oldIds[slot];
                states[target] = oldStates[slot];
            }
        }
    }

    private void allocate(int capacity) {
        high = new long[capacity];
        low = new long[capacity];
        ids = new long[capacity];
        states = new byte[capacity];
    }
}
