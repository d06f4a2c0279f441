package dev.meshlens.engine.layout;

import org.jgrapht.Graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A Sugiyama-style layered layout, in the JGraphT algorithm style: the constructor takes the graph and the layer of
 * every vertex, validates them and computes the layout; query methods return positions.
 *
 * <p>Each distinct layer value is a column, smaller values to the left (upstream of a focus on the left, the focus
 * at layer 0, downstream on the right). Within a column, vertices are ordered to reduce edge crossings by
 * barycentre sweeps: alternately left to right and right to left, each vertex moves to the mean relative position
 * of its neighbours in the columns already swept (edges spanning several columns count too, without dummy
 * vertices); the order with the fewest crossings between neighbouring columns wins. Ties keep the earlier order,
 * and the first order is the graph's vertex iteration order, so equal input gives equal output. Rows are spread
 * evenly and centred on {@code y = 0}; a column longer than {@link LayoutSpacing#maxRowsPerColumn()} is wrapped
 * into sub-columns.
 *
 * <p>Direction of edges does not matter: a vertex is pulled towards its neighbours either way. Immutable and
 * thread-safe once built; the graph is only read during construction.
 *
 * @param <V> the vertex type
 * @param <E> the edge type
 */
public final class LayeredLayout<V, E> {
    /** Sweeps each way that a layout runs unless told otherwise: more rarely removes further crossings. */
    public static final int DEFAULT_SWEEPS = 4;

    private final Map<V, LayoutPoint> positions;
    private final Map<Integer, List<V>> orderByLayer;
    private final long initialCrossings;
    private final long crossings;

    /**
     * Lays out {@code graph} with {@link LayoutSpacing#DEFAULT} and {@link #DEFAULT_SWEEPS}.
     *
     * @param layers the layer of every vertex of {@code graph}
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when a vertex has no layer or a layer is given for a vertex not in the graph
     */
    public LayeredLayout(Graph<V, E> graph, Map<V, Integer> layers) {
        this(graph, layers, LayoutSpacing.DEFAULT, DEFAULT_SWEEPS);
    }

    /**
     * Lays out {@code graph}.
     *
     * @param layers  the layer of every vertex of {@code graph}
     * @param spacing the distances between columns and rows
     * @param sweeps  how many barycentre sweeps run each way; 0 keeps the graph's vertex order
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when a vertex has no layer, a layer is given for a vertex not in the graph, or
     *                                  {@code sweeps} is negative
     */
    public LayeredLayout(Graph<V, E> graph, Map<V, Integer> layers, LayoutSpacing spacing, int sweeps) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(layers, "layers");
        Objects.requireNonNull(spacing, "spacing");
        if (sweeps < 0) {
            throw new IllegalArgumentException("sweeps must be 0 or more, got " + sweeps);
        }
        List<V> vertices = new ArrayList<>(graph.vertexSet());
        Map<V, Integer> ids = new HashMap<>(vertices.size() * 2);
        for (int i = 0; i < vertices.size(); i++) {
            ids.put(vertices.get(i), i);
        }
        for (V v : layers.keySet()) {
            if (!ids.containsKey(v)) {
                throw new IllegalArgumentException("a layer is given for " + v + ", which is not in the graph");
            }
        }
        // columns: distinct layer values in ascending order
        TreeMap<Integer, List<Integer>> byLayer = new TreeMap<>();
        for (int i = 0; i < vertices.size(); i++) {
            Integer layer = layers.get(vertices.get(i));
            if (layer == null) {
                throw new IllegalArgumentException("no layer for " + vertices.get(i));
            }
            byLayer.computeIfAbsent(layer, k -> new ArrayList<>()).add(i);
        }
        int n = vertices.size();
        int[] column = new int[n];
        int[][] order = new int[byLayer.size()][];
        int c = 0;
        for (List<Integer> members : byLayer.values()) {
            order[c] = members.stream().mapToInt(Integer::intValue).toArray();
            for (int v : order[c]) {
                column[v] = c;
            }
            c++;
        }
        int[][] neighbours = neighbours(graph, ids, n);

        Sweeper sweeper = new Sweeper(order, column, neighbours);
        this.initialCrossings = sweeper.crossings();
        this.crossings = sweeper.sweep(sweeps);
        int[][] best = sweeper.best();

        Map<V, LayoutPoint> placed = new LinkedHashMap<>(n * 2);
        Map<Integer, List<V>> ordered = new LinkedHashMap<>();
        double x = 0;
        int col = 0;
        for (Integer layer : byLayer.keySet()) {
            int[] members = best[col++];
            int rows = Math.min(members.length, spacing.maxRowsPerColumn());
            int subColumns = (members.length + rows - 1) / rows;
            List<V> list = new ArrayList<>(members.length);
            for (int rank = 0; rank < members.length; rank++) {
                int sub = rank / rows;
                int row = rank % rows;
                int inSub = Math.min(rows, members.length - sub * rows);
                double y = (row - (inSub - 1) / 2.0) * spacing.rowGap();
                V v = vertices.get(members[rank]);
                placed.put(v, new LayoutPoint(x + sub * spacing.subColumnGap(), y));
                list.add(v);
            }
            ordered.put(layer, Collections.unmodifiableList(list));
            x += (subColumns - 1) * spacing.subColumnGap() + spacing.columnGap();
        }
        this.positions = Collections.unmodifiableMap(placed);
        this.orderByLayer = Collections.unmodifiableMap(ordered);
    }

    private static <V, E> int[][] neighbours(Graph<V, E> graph, Map<V, Integer> ids, int n) {
        int[] degree = new int[n];
        List<int[]> pairs = new ArrayList<>(graph.edgeSet().size());
        for (E e : graph.edgeSet()) {
            int a = ids.get(graph.getEdgeSource(e));
            int b = ids.get(graph.getEdgeTarget(e));
            if (a != b) {
                pairs.add(new int[] {a, b});
                degree[a]++;
                degree[b]++;
            }
        }
        int[][] adjacent = new int[n][];
        for (int i = 0; i < n; i++) {
            adjacent[i] = new int[degree[i]];
        }
        int[] filled = new int[n];
        for (int[] p : pairs) {
            adjacent[p[0]][filled[p[0]]++] = p[1];
            adjacent[p[1]][filled[p[1]]++] = p[0];
        }
        return adjacent;
    }

    /**
     * Where {@code vertex} is drawn.
     *
     * @throws IllegalArgumentException when {@code vertex} was not in the graph
     */
    public LayoutPoint position(V vertex) {
        LayoutPoint p = positions.get(vertex);
        if (p == null) {
            throw new IllegalArgumentException("not in the layout: " + vertex);
        }
        return p;
    }

    /** Every vertex's position, unmodifiable, by column from left to right and top to bottom within one. */
    public Map<V, LayoutPoint> positions() {
        return positions;
    }

    /** The vertices of {@code layer} from top to bottom (wrapped sub-columns in reading order); empty if none. */
    public List<V> order(int layer) {
        return orderByLayer.getOrDefault(layer, List.of());
    }

    /** The layer values that have vertices, ascending. */
    public List<Integer> layers() {
        return List.copyOf(orderByLayer.keySet());
    }

    /** Edge crossings between neighbouring columns in the graph's own vertex order, before any sweep. */
    public long initialCrossings() {
        return initialCrossings;
    }

    /** Edge crossings between neighbouring columns in the final order; never more than {@link #initialCrossings}. */
    public long crossings() {
        return crossings;
    }

    /** The barycentre sweeps over int arrays: a vertex is its index, a column an array of indices in order. */
    private static final class Sweeper {
        private final int[][] order;
        private final int[] column;
        private final int[][] neighbours;
        /** Relative position of each vertex in its column: (rank + 0.5) / size, comparable across columns. */
        private final double[] relative;
        private final int[] rank;
        private int[][] best;
        private long bestCrossings;

        Sweeper(int[][] order, int[] column, int[][] neighbours) {
            this.order = order;
            this.column = column;
            this.neighbours = neighbours;
            this.relative = new double[column.length];
            this.rank = new int[column.length];
            for (int[] members : order) {
                place(members);
            }
            this.best = copy(order);
            this.bestCrossings = crossings();
        }

        long sweep(int sweeps) {
            for (int s = 0; s < sweeps && bestCrossings > 0; s++) {
                for (int c = 1; c < order.length; c++) {
                    reorder(c, true);
                }
                keepIfBetter();
                for (int c = order.length - 2; c >= 0; c--) {
                    reorder(c, false);
                }
                keepIfBetter();
            }
            return bestCrossings;
        }

        int[][] best() {
            return best;
        }

        private void keepIfBetter() {
            long now = crossings();
            if (now < bestCrossings) {
                bestCrossings = now;
                best = copy(order);
            }
        }

        /** Sorts column {@code c} by the barycentre of each vertex's neighbours on the side already swept. */
        private void reorder(int c, boolean fromLeft) {
            int[] members = order[c];
            double[] key = new double[members.length];
            for (int i = 0; i < members.length; i++) {
                int v = members[i];
                double sum = 0;
                int count = 0;
                for (int u : neighbours[v]) {
                    if (fromLeft ? column[u] < c : column[u] > c) {
                        sum += relative[u];
                        count++;
                    }
                }
                // a vertex without neighbours on that side keeps its place
                key[i] = count == 0 ? relative[v] : sum / count;
            }
            Integer[] byKey = new Integer[members.length];
            for (int i = 0; i < byKey.length; i++) {
                byKey[i] = i;
            }
            // stable: equal barycentres keep their current order, so the result is deterministic
            Arrays.sort(byKey, (a, b) -> Double.compare(key[a], key[b]));
            int[] sorted = new int[members.length];
            for (int i = 0; i < sorted.length; i++) {
                sorted[i] = members[byKey[i]];
            }
            order[c] = sorted;
            place(sorted);
        }

        private void place(int[] members) {
            for (int r = 0; r < members.length; r++) {
                rank[members[r]] = r;
                relative[members[r]] = (r + 0.5) / members.length;
            }
        }

        /** Crossings between each pair of neighbouring columns: inversions counted with a Fenwick tree. */
        long crossings() {
            long total = 0;
            for (int c = 0; c + 1 < order.length; c++) {
                // each pair packed in one long, upper rank high: sorting the longs sorts by upper, then lower
                int count = 0;
                for (int u : order[c]) {
                    for (int v : neighbours[u]) {
                        if (column[v] == c + 1) {
                            count++;
                        }
                    }
                }
                long[] pairs = new long[count];
                int k = 0;
                for (int u : order[c]) {
                    for (int v : neighbours[u]) {
                        if (column[v] == c + 1) {
                            pairs[k++] = ((long) rank[u] << 32) | rank[v];
                        }
                    }
                }
                Arrays.sort(pairs);
                int size = order[c + 1].length;
                long[] tree = new long[size + 1];
                long seen = 0;
                for (long p : pairs) {
                    int lower = (int) (p & 0xffffffffL);
                    // earlier pairs whose lower end is strictly below this one's cross it
                    total += seen - prefix(tree, lower + 1);
                    for (int i = lower + 1; i <= size; i += i & -i) {
                        tree[i]++;
                    }
                    seen++;
                }
            }
            return total;
        }

        private static long prefix(long[] tree, int i) {
            long sum = 0;
            for (; i > 0; i -= i & -i) {
                sum += tree[i];
            }
            return sum;
        }

        private static int[][] copy(int[][] order) {
            int[][] copy = new int[order.length][];
            for (int i = 0; i < order.length; i++) {
                copy[i] = order[i].clone();
            }
            return copy;
        }
    }
}
