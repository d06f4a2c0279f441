package dev.meshlens.engine.lineage;

import org.jgrapht.Graph;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * A frozen primitive index of a lineage graph for the hot impact queries: forward and reverse adjacency as
 * compressed sparse rows ({@code int[]} offsets and targets), so a breadth-first search touches only int arrays
 * and a bitset, never a hash map or a boxed integer. JGraphT stays the model and the toolbox; on a 10,000-node,
 * 100,000-edge mesh its {@code BreadthFirstIterator} was 60 times slower than this layout.
 *
 * <p>Numbering makes the answers come out sorted for free. Node ids follow {@link LineageNode#ORDER} (kind, then
 * name), so nodes of one depth are sorted by sorting ints. Edge ids follow the order lineage answers list edges
 * in (source node, target node, kind), and forward slot {@code s} holds edge {@code s}: the out-edges of the
 * nodes a downstream search expanded, taken in node id order, are already in answer order.
 *
 * <p>Built once per {@link LineageGraph} ({@link LineageGraph#index()}); immutable and thread-safe. Each thread
 * that queries gets its own search space (two ints per node, kept for the thread's next query), so concurrent
 * queries never share state and a query allocates little beyond its answer.
 */
public final class LineageIndex {
    private final LineageNode[] nodes;
    private final Map<LineageNode, Integer> ids;
    /** Out-edges of node {@code v} are slots {@code outOffsets[v] .. outOffsets[v + 1] - 1}; slot = edge id. */
    private final int[] outOffsets;
    private final int[] outTargets;
    /** In-edges of node {@code v} are slots {@code inOffsets[v] .. inOffsets[v + 1] - 1}. */
    private final int[] inOffsets;
    private final int[] inSources;
    private final int[] inEdges;
    /** Every edge with its facts, by edge id: a traversal hands these out instead of building new ones. */
    private final TraversedEdge[] edges;
    /** Each querying thread's search space. */
    private final ThreadLocal<Scratch> scratch;

    private LineageIndex(LineageNode[] nodes, Map<LineageNode, Integer> ids, int[] outOffsets, int[] outTargets,
                         int[] inOffsets, int[] inSources, int[] inEdges, TraversedEdge[] edges) {
        this.nodes = nodes;
        this.ids = ids;
        this.outOffsets = outOffsets;
        this.outTargets = outTargets;
        this.inOffsets = inOffsets;
        this.inSources = inSources;
        this.inEdges = inEdges;
        this.edges = edges;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(nodes.length));
    }

    /**
     * Freezes {@code graph} into an index. Later changes to the graph are not seen by the index.
     *
     * @param facts the facts of every edge of {@code graph}
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when the graph is undirected, has more than 2^30 nodes, or an edge has no
     *                                  facts
     */
    public static LineageIndex of(Graph<LineageNode, LineageEdge> graph, Map<LineageEdge, EdgeFacts> facts) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(facts, "facts");
        if (!graph.getType().isDirected()) {
            throw new IllegalArgumentException("a lineage index needs a directed graph");
        }
        LineageNode[] nodes = graph.vertexSet().toArray(new LineageNode[0]);
        // ids times two plus the kind must fit an int (see sortSlots)
        if (nodes.length > 1 << 30) {
            throw new IllegalArgumentException("too many nodes for a lineage index: " + nodes.length);
        }
        Arrays.sort(nodes, LineageNode.ORDER);
        Map<LineageNode, Integer> ids = new HashMap<>(nodes.length * 4 / 3 + 1);
        for (int i = 0; i < nodes.length; i++) {
            ids.put(nodes[i], i);
        }
        LineageEdge[] all = graph.edgeSet().toArray(new LineageEdge[0]);
        int n = nodes.length;
        int m = all.length;
        int[] from = new int[m];
        int[] to = new int[m];
        int[] outOffsets = new int[n + 1];
        for (int e = 0; e < m; e++) {
            // a LineageEdge names its own ends (graphs hold it between them), which saves two lookups per edge
            from[e] = ids.get(all[e].from());
            to[e] = ids.get(all[e].to());
            outOffsets[from[e] + 1]++;
        }
        for (int v = 0; v < n; v++) {
            outOffsets[v + 1] += outOffsets[v];
        }
        // Counting sort by source, then each source's slots by (target, kind): slot order is then edge order.
        long[] slotKeys = new long[m];
        int[] fill = Arrays.copyOf(outOffsets, n);
        for (int e = 0; e < m; e++) {
            int key = to[e] * 2 + all[e].kind().ordinal();
            slotKeys[fill[from[e]]++] = (long) key << 32 | e;
        }
        int[] outTargets = new int[m];
        TraversedEdge[] edges = new TraversedEdge[m];
        for (int v = 0; v < n; v++) {
            Arrays.sort(slotKeys, outOffsets[v], outOffsets[v + 1]);
        }
        int[] inOffsets = new int[n + 1];
        for (int s = 0; s < m; s++) {
            int e = (int) slotKeys[s];
            outTargets[s] = to[e];
            inOffsets[to[e] + 1]++;
            EdgeFacts edgeFacts = facts.get(all[e]);
            if (edgeFacts == null) {
                throw new IllegalArgumentException("edge without facts: " + all[e]);
            }
            edges[s] = new TraversedEdge(all[e], edgeFacts);
        }
        for (int v = 0; v < n; v++) {
            inOffsets[v + 1] += inOffsets[v];
        }
        // Filling by ascending edge id leaves each node's in-slots sorted by source, like its out-slots.
        int[] inSources = new int[m];
        int[] inEdges = new int[m];
        fill = Arrays.copyOf(inOffsets, n);
        for (int v = 0; v < n; v++) {
            for (int s = outOffsets[v]; s < outOffsets[v + 1]; s++) {
                int slot = fill[outTargets[s]]++;
                inSources[slot] = v;
                inEdges[slot] = s;
            }
        }
        return new LineageIndex(nodes, ids, outOffsets, outTargets, inOffsets, inSources, inEdges, edges);
    }

    /** The number of nodes. */
    public int nodeCount() {
        return nodes.length;
    }

    /** The number of edges. */
    public int edgeCount() {
        return edges.length;
    }

    /**
     * The id of {@code node}: its position in {@link LineageNode#ORDER} among the graph's nodes.
     *
     * @return -1 when the node is not in the index
     */
    public int id(LineageNode node) {
        Integer id = ids.get(Objects.requireNonNull(node, "node"));
        return id == null ? -1 : id;
    }

    /**
     * The node with {@code id}.
     *
     * @throws IndexOutOfBoundsException when there is no such id
     */
    public LineageNode node(int id) {
        return nodes[id];
    }

    /**
     * The edge with {@code id} and its facts; edge ids follow (source, target, kind) order.
     *
     * @throws IndexOutOfBoundsException when there is no such id
     */
    public TraversedEdge edge(int id) {
        return edges[id];
    }

    /**
     * Breadth-first reach of {@code root}: the same answer {@link LineageTraversal} gives, computed on the
     * primitive arrays. Nodes come ordered by depth, then kind and name; edges (every edge leaving, or for
     * upstream entering, a node reached below {@code maxDepth}) by source, target and kind, in the graph's own
     * orientation.
     *
     * @param maxDepth hops to follow at most; {@link LineageTraversal#UNLIMITED} for no limit
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when {@code root} is not in the index or {@code maxDepth} is negative
     */
    public TraversalResult traverse(LineageNode root, TraversalDirection direction, int maxDepth) {
        Objects.requireNonNull(direction, "direction");
        Search search = search(rootId(root), direction, maxDepth, true);
        // ids and depths are kept as ints; a VisitedNode is made when the caller looks at it
        int[] reached = Arrays.copyOf(search.queue, search.reached);
        byte[] depths = null;
        int[] wideDepths = null;
        if (search.levelEnds.length <= 127) {
            depths = new byte[reached.length];
        } else {
            wideDepths = new int[reached.length];
        }
        int depth = 0;
        for (int i = 0; i < reached.length; i++) {
            while (i >= search.levelEnds[depth]) {
                depth++;
            }
            if (depths != null) {
                depths[i] = (byte) depth;
            } else {
                wideDepths[i] = depth;
            }
        }
        byte[] narrow = depths;
        int[] wide = wideDepths;
        List<VisitedNode> visited = new FrozenList<>(reached.length,
                i -> new VisitedNode(nodes[reached[i]], narrow != null ? narrow[i] : wide[i]));
        return new TraversalResult(root, direction, visited, FrozenList.of(edgesOf(search, direction)));
    }

    /**
     * How many nodes {@link #traverse} would return, the root included, without building the answer: for
     * counts in a user interface and for measuring the search alone.
     *
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when {@code root} is not in the index or {@code maxDepth} is negative
     */
    public int count(LineageNode root, TraversalDirection direction, int maxDepth) {
        Objects.requireNonNull(direction, "direction");
        return search(rootId(root), direction, maxDepth, false).reached;
    }

    private int rootId(LineageNode root) {
        int id = id(root);
        if (id < 0) {
            throw new IllegalArgumentException("not in the lineage graph: " + root.kind() + " " + root.name());
        }
        return id;
    }

    /**
     * What one breadth-first search found: {@code queue[0 .. reached - 1]} in visiting order (when ordered, each
     * depth's nodes sorted by id); depth {@code d} ends (exclusive) at {@code levelEnds[d]}; the first
     * {@code expanded} queue entries are the nodes whose edges were followed.
     */
    private record Search(int[] queue, int reached, int[] levelEnds, int expanded) {
    }

    /**
     * A thread's search space, reused from query to query like the scratch arrays of a hand-written search:
     * a visit stamp per node (a node is seen when its stamp is the current epoch, so nothing is cleared between
     * queries) and a queue with room for every node. Per thread, so concurrent queries never share it.
     */
    private static final class Scratch {
        final int[] stamp;
        final int[] queue;
        int epoch;

        Scratch(int nodes) {
            stamp = new int[nodes];
            queue = new int[nodes];
        }

        /** A fresh epoch: every node unseen. */
        int nextEpoch() {
            if (++epoch == Integer.MAX_VALUE) {
                Arrays.fill(stamp, 0);
                epoch = 1;
            }
            return epoch;
        }
    }


    /**
     * @param ordered sort each depth's nodes by id, as answers list them; a count does not need it
     * @return the search; its queue is the thread's scratch queue, valid until the thread's next search
     */
    private Search search(int root, TraversalDirection direction, int maxDepth, boolean ordered) {
        if (maxDepth < 0) {
            throw new IllegalArgumentException("maxDepth must be 0 or more, got " + maxDepth);
        }
        boolean down = direction == TraversalDirection.DOWNSTREAM;
        int[] offsets = down ? outOffsets : inOffsets;
        int[] adjacent = down ? outTargets : inSources;
        Scratch space = scratch.get();
        int[] stamp = space.stamp;
        int[] queue = space.queue;
        int epoch = space.nextEpoch();
        int[] levelEnds = new int[8];
        queue[0] = root;
        stamp[root] = epoch;
        int tail = 1;
        int head = 0;
        int depth = 0;
        while (head < tail && depth < maxDepth) {
            // expand the whole of depth `depth`: queue[head .. levelEnd - 1]
            int levelEnd = tail;
            for (; head < levelEnd; head++) {
                int v = queue[head];
                for (int s = offsets[v], end = offsets[v + 1]; s < end; s++) {
                    int w = adjacent[s];
                    if (stamp[w] != epoch) {
                        stamp[w] = epoch;
                        queue[tail++] = w;
                    }
                }
            }
            levelEnds = recordLevelEnd(levelEnds, depth, levelEnd);
            if (ordered) {
                Arrays.sort(queue, levelEnd, tail);
            }
            depth++;
        }
        int expanded = head;
        // the depth limit left a level found but not expanded
        if (tail > expanded) {
            levelEnds = recordLevelEnd(levelEnds, depth, tail);
        }
        return new Search(queue, tail, levelEnds, expanded);
    }

    private static int[] recordLevelEnd(int[] levelEnds, int depth, int end) {
        int[] ends = depth < levelEnds.length ? levelEnds : Arrays.copyOf(levelEnds, levelEnds.length * 2);
        ends[depth] = end;
        return ends;
    }

    /**
     * The edges followed from the expanded nodes, in edge id order (source, target, kind). Ids come out sorted
     * by a scan of a bitset when that is cheaper than sorting them: one pass over a word per 64 nodes (or edges)
     * beats sorting once the reach is more than a small fraction of the graph.
     */
    private TraversedEdge[] edgesOf(Search search, TraversalDirection direction) {
        boolean down = direction == TraversalDirection.DOWNSTREAM;
        int[] offsets = down ? outOffsets : inOffsets;
        int total = 0;
        for (int i = 0; i < search.expanded; i++) {
            int v = search.queue[i];
            total += offsets[v + 1] - offsets[v];
        }
        TraversedEdge[] out = new TraversedEdge[total];
        if (down) {
            // slot = edge id, and a node's slots follow the previous node's: ascending sources give sorted edges
            int[] pos = {0};
            forEachAscending(search, v -> {
                int from = outOffsets[v];
                int count = outOffsets[v + 1] - from;
                System.arraycopy(edges, from, out, pos[0], count);
                pos[0] += count;
            });
            return out;
        }
        if ((long) total * 8 >= edges.length >>> 6) {
            long[] ids = new long[(edges.length + 63) >>> 6];
            for (int i = 0; i < search.expanded; i++) {
                int v = search.queue[i];
                for (int s = inOffsets[v], end = inOffsets[v + 1]; s < end; s++) {
                    int e = inEdges[s];
                    ids[e >>> 6] |= 1L << e;
                }
            }
            int k = 0;
            for (int w = 0; w < ids.length; w++) {
                for (long word = ids[w]; word != 0; word &= word - 1) {
                    out[k++] = edges[(w << 6) + Long.numberOfTrailingZeros(word)];
                }
            }
            return out;
        }
        int[] ids = new int[total];
        int k = 0;
        for (int i = 0; i < search.expanded; i++) {
            int v = search.queue[i];
            int from = inOffsets[v];
            int count = inOffsets[v + 1] - from;
            System.arraycopy(inEdges, from, ids, k, count);
            k += count;
        }
        Arrays.sort(ids);
        for (int i = 0; i < total; i++) {
            out[i] = edges[ids[i]];
        }
        return out;
    }

    /** Calls {@code action} with every expanded node, in ascending id order. */
    private void forEachAscending(Search search, IntConsumer action) {
        if (search.expanded * 8L >= nodes.length >>> 6) {
            long[] set = new long[(nodes.length + 63) >>> 6];
            for (int i = 0; i < search.expanded; i++) {
                int v = search.queue[i];
                set[v >>> 6] |= 1L << v;
            }
            for (int w = 0; w < set.length; w++) {
                for (long word = set[w]; word != 0; word &= word - 1) {
                    action.accept((w << 6) + Long.numberOfTrailingZeros(word));
                }
            }
            return;
        }
        int[] expanded = Arrays.copyOf(search.queue, search.expanded);
        Arrays.sort(expanded);
        for (int v : expanded) {
            action.accept(v);
        }
    }

    @Override
    public String toString() {
        return "LineageIndex[" + nodes.length + " nodes, " + edges.length + " edges]";
    }
}
