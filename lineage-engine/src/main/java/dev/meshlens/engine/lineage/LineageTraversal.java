package dev.meshlens.engine.lineage;

import org.jgrapht.Graph;
import org.jgrapht.graph.EdgeReversedGraph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Breadth-first downstream and upstream reach over a lineage graph, in the JGraphT algorithm style: the graph
 * is given and validated once, queries follow. Cycles are fine: each node is visited once, at its shortest depth.
 *
 * <p>On a {@link LineageGraph} (the way the app traverses) every query runs on the graph's frozen
 * {@link LineageIndex}, primitive arrays built once per graph, so a traversal is cheap to create and a query costs
 * a search over int arrays plus the answer. On a bare JGraphT graph the traversal follows the live graph
 * instead, with upstream on an {@link EdgeReversedGraph} view of it, not a copy: such a graph may still change.
 * Both give the same answers.
 *
 * <p>Thread-safe as long as the graph is not modified (a {@link LineageGraph}'s never is).
 */
public final class LineageTraversal {
    /** No depth limit. */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    private static final Comparator<VisitedNode> NODE_ORDER = Comparator.comparingInt(VisitedNode::depth)
            .thenComparing(VisitedNode::node, LineageNode.ORDER);
    private static final Comparator<TraversedEdge> EDGE_ORDER = Comparator
            .comparing((TraversedEdge t) -> t.edge().from(), LineageNode.ORDER)
            .thenComparing(t -> t.edge().to(), LineageNode.ORDER)
            .thenComparing(t -> t.edge().kind());

    private final Graph<LineageNode, LineageEdge> graph;
    private final Graph<LineageNode, LineageEdge> reversed;
    private final Map<LineageEdge, EdgeFacts> facts;
    /** The frozen index of a {@link LineageGraph}; null for a bare graph, which is followed live. */
    private final LineageIndex index;

    /**
     * Traverses a built lineage graph through its {@link LineageGraph#index() index}; cheap once the index is
     * built (the first traversal of a graph builds it).
     *
     * @throws NullPointerException when {@code lineage} is null
     */
    public LineageTraversal(LineageGraph lineage) {
        Objects.requireNonNull(lineage, "lineage");
        // A LineageGraph is directed and has facts for every edge by construction: no per-edge validation here,
        // which would cost a pass over every edge on each query of the app.
        this.graph = lineage.graph();
        this.reversed = new EdgeReversedGraph<>(graph);
        this.facts = lineage.facts();
        this.index = lineage.index();
    }

    /**
     * @param graph a directed lineage graph
     * @param facts the facts of every edge of {@code graph}
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when the graph is undirected or an edge has no facts
     */
    public LineageTraversal(Graph<LineageNode, LineageEdge> graph, Map<LineageEdge, EdgeFacts> facts) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(facts, "facts");
        if (!graph.getType().isDirected()) {
            throw new IllegalArgumentException("lineage traversal needs a directed graph");
        }
        for (LineageEdge edge : graph.edgeSet()) {
            if (!facts.containsKey(edge)) {
                throw new IllegalArgumentException("edge without facts: " + edge);
            }
        }
        this.graph = graph;
        this.reversed = new EdgeReversedGraph<>(graph);
        this.facts = facts;
        this.index = null;
    }

    /** Everything {@code root} feeds, however far. */
    public TraversalResult downstream(LineageNode root) {
        return downstream(root, UNLIMITED);
    }

    /**
     * What {@code root} feeds within {@code maxDepth} hops.
     *
     * @throws IllegalArgumentException when {@code root} is not in the graph or {@code maxDepth} is negative
     */
    public TraversalResult downstream(LineageNode root, int maxDepth) {
        return traverse(graph, TraversalDirection.DOWNSTREAM, root, maxDepth);
    }

    /** Everything that feeds {@code root}, however far. */
    public TraversalResult upstream(LineageNode root) {
        return upstream(root, UNLIMITED);
    }

    /**
     * What feeds {@code root} within {@code maxDepth} hops. Edges in the result keep the graph's orientation.
     *
     * @throws IllegalArgumentException when {@code root} is not in the graph or {@code maxDepth} is negative
     */
    public TraversalResult upstream(LineageNode root, int maxDepth) {
        return traverse(reversed, TraversalDirection.UPSTREAM, root, maxDepth);
    }

    /**
     * How many nodes {@link #downstream(LineageNode)} reaches, the root included. On a {@link LineageGraph} only the
     * search runs, no answer is built: for counts in a user interface, and for measuring the search alone.
     *
     * @throws IllegalArgumentException when {@code root} is not in the graph
     */
    public int downstreamCount(LineageNode root) {
        return count(graph, TraversalDirection.DOWNSTREAM, root);
    }

    /**
     * How many nodes {@link #upstream(LineageNode)} reaches, the root included. On a {@link LineageGraph} only the
     * search runs, no answer is built: for counts in a user interface, and for measuring the search alone.
     *
     * @throws IllegalArgumentException when {@code root} is not in the graph
     */
    public int upstreamCount(LineageNode root) {
        return count(reversed, TraversalDirection.UPSTREAM, root);
    }

    private int count(Graph<LineageNode, LineageEdge> view, TraversalDirection direction, LineageNode root) {
        Objects.requireNonNull(root, "root");
        if (index != null) {
            return index.count(root, direction, UNLIMITED);
        }
        check(root, UNLIMITED);
        return traverse(view, direction, root, UNLIMITED).nodes().size();
    }

    private void check(LineageNode root, int maxDepth) {
        Objects.requireNonNull(root, "root");
        if (!graph.containsVertex(root)) {
            throw new IllegalArgumentException("not in the lineage graph: " + root.kind() + " " + root.name());
        }
        if (maxDepth < 0) {
            throw new IllegalArgumentException("maxDepth must be 0 or more, got " + maxDepth);
        }
    }

    private TraversalResult traverse(Graph<LineageNode, LineageEdge> view, TraversalDirection direction,
                                     LineageNode root, int maxDepth) {
        Objects.requireNonNull(root, "root");
        if (index != null) {
            return index.traverse(root, direction, maxDepth); // validates root and depth alike
        }
        check(root, maxDepth);
        Map<LineageNode, Integer> depth = new HashMap<>();
        List<TraversedEdge> edges = new ArrayList<>();
        ArrayDeque<LineageNode> queue = new ArrayDeque<>();
        depth.put(root, 0);
        queue.add(root);
        while (!queue.isEmpty()) {
            LineageNode node = queue.poll();
            int d = depth.get(node);
            if (d >= maxDepth) {
                continue;
            }
            for (LineageEdge edge : view.outgoingEdgesOf(node)) {
                LineageNode next = view.getEdgeTarget(edge);
                if (depth.putIfAbsent(next, d + 1) == null) {
                    queue.add(next);
                }
                edges.add(new TraversedEdge(edge, facts.get(edge)));
            }
        }
        List<VisitedNode> nodes = new ArrayList<>(depth.size());
        depth.forEach((node, d) -> nodes.add(new VisitedNode(node, d)));
        nodes.sort(NODE_ORDER);
        edges.sort(EDGE_ORDER);
        return new TraversalResult(root, direction, nodes, edges);
    }
}
