package dev.meshlens.bench;

import java.util.Arrays;

/**
 * The practical floor of an impact query: breadth-first search over a directed graph held as compressed sparse
 * rows of primitive ints, forward and reverse, with scratch space reused between queries (a visit stamp per node,
 * so nothing is cleared). It answers only how many nodes a root reaches; anything an application does on top
 * (names, depths, edges, sorting) costs more. Not thread-safe.
 */
final class IntCsr {
    private final int[] outOffsets;
    private final int[] outTargets;
    private final int[] inOffsets;
    private final int[] inSources;
    private final int[] stamp;
    private final int[] queue;
    private int epoch;

    /**
     * @param nodes nodes are {@code 0 .. nodes - 1}
     * @param from  edge sources
     * @param to    edge targets, {@code to[i]} paired with {@code from[i]}
     * @throws IllegalArgumentException when the arrays differ in length or name a node out of range
     */
    IntCsr(int nodes, int[] from, int[] to) {
        if (from.length != to.length) {
            throw new IllegalArgumentException("from and to differ in length");
        }
        for (int i = 0; i < from.length; i++) {
            if (from[i] < 0 || from[i] >= nodes || to[i] < 0 || to[i] >= nodes) {
                throw new IllegalArgumentException("edge " + from[i] + " -> " + to[i] + " out of 0.." + (nodes - 1));
            }
        }
        this.outOffsets = new int[nodes + 1];
        this.outTargets = new int[from.length];
        fill(from, to, outOffsets, outTargets);
        this.inOffsets = new int[nodes + 1];
        this.inSources = new int[from.length];
        fill(to, from, inOffsets, inSources);
        this.stamp = new int[nodes];
        this.queue = new int[Math.max(nodes, 1)];
    }

    private static void fill(int[] key, int[] value, int[] offsets, int[] values) {
        for (int k : key) {
            offsets[k + 1]++;
        }
        for (int v = 1; v < offsets.length; v++) {
            offsets[v] += offsets[v - 1];
        }
        int[] next = Arrays.copyOf(offsets, offsets.length - 1);
        for (int i = 0; i < key.length; i++) {
            values[next[key[i]]++] = value[i];
        }
    }

    /** The number of nodes. */
    int nodes() {
        return stamp.length;
    }

    /** How many nodes {@code root} reaches along the edges, itself included. */
    int downstream(int root) {
        return reach(root, outOffsets, outTargets);
    }

    /** How many nodes reach {@code root}, itself included. */
    int upstream(int root) {
        return reach(root, inOffsets, inSources);
    }

    private int reach(int root, int[] offsets, int[] adjacent) {
        int mark = ++epoch;
        if (mark == Integer.MAX_VALUE) {
            Arrays.fill(stamp, 0);
            epoch = 1;
            mark = 1;
        }
        stamp[root] = mark;
        queue[0] = root;
        int tail = 1;
        for (int head = 0; head < tail; head++) {
            int v = queue[head];
            for (int s = offsets[v], end = offsets[v + 1]; s < end; s++) {
                int w = adjacent[s];
                if (stamp[w] != mark) {
                    stamp[w] = mark;
                    queue[tail++] = w;
                }
            }
        }
        return tail;
    }
}
