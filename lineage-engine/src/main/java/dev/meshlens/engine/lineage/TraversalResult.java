package dev.meshlens.engine.lineage;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What a traversal reached.
 *
 * @param nodes every node reached, the root included, each once at its shortest depth; ordered by depth, then
 *              kind, then name
 * @param edges the edges followed: every edge leaving (downstream) or entering (upstream) a node that was
 *              expanded, i.e. reached below the depth limit; ordered by source node, then target node
 */
public record TraversalResult(LineageNode root, TraversalDirection direction, List<VisitedNode> nodes,
                              List<TraversedEdge> edges) {

    /** @throws NullPointerException when a component is null */
    public TraversalResult {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(direction, "direction");
        // the index's answers are already unmodifiable and held by no one else: copying them would cost as much
        // as the search
        nodes = nodes instanceof FrozenList<VisitedNode> ? nodes : List.copyOf(nodes);
        edges = edges instanceof FrozenList<TraversedEdge> ? edges : List.copyOf(edges);
    }

    /** The nodes reached, in {@link #nodes()} order. */
    public Set<LineageNode> nodeSet() {
        Set<LineageNode> set = new LinkedHashSet<>();
        nodes.forEach(v -> set.add(v.node()));
        return set;
    }

    /** The depth {@code node} was reached at, or empty when it was not reached. */
    public OptionalInt depthOf(LineageNode node) {
        return nodes.stream().filter(v -> v.node().equals(node)).mapToInt(VisitedNode::depth).findFirst();
    }
}
