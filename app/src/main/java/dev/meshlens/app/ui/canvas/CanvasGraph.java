package dev.meshlens.app.ui.canvas;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the lineage canvas draws at one moment: nodes with their layers and marks, and edges. Immutable, so
 * it is built on a worker thread and handed to the renderer; every mode of the canvas (neighbourhood, impact,
 * breaking change, tier path, record trace, diff) produces one.
 *
 * @param title the caption above the canvas, e.g. {@code Lineage of Orders placed · snapshot #3}
 * @param focus the id of the focus node, null when the graph has none (a diff)
 * @param nodes the nodes, ids unique
 * @param edges the edges, between nodes of this graph, at most one per ordered pair
 */
public record CanvasGraph(String title, String focus, List<CanvasNode> nodes, List<CanvasEdge> edges) {
    public CanvasGraph {
        Objects.requireNonNull(title, "title");
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        Map<String, CanvasNode> byId = new LinkedHashMap<>();
        for (CanvasNode n : nodes) {
            if (byId.put(n.id(), n) != null) {
                throw new IllegalArgumentException("two nodes with id " + n.id());
            }
        }
        java.util.Set<String> edgeIds = new java.util.HashSet<>();
        for (CanvasEdge e : edges) {
            if (!byId.containsKey(e.from()) || !byId.containsKey(e.to())) {
                throw new IllegalArgumentException("edge " + e.id() + " has an end that is not a node");
            }
            if (!edgeIds.add(e.id())) {
                throw new IllegalArgumentException("two edges " + e.id());
            }
        }
        if (focus != null && !byId.containsKey(focus)) {
            throw new IllegalArgumentException("focus " + focus + " is not a node");
        }
    }

    /** The node with {@code id}, if there is one. */
    public Optional<CanvasNode> node(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    /** The ids of the nodes that carry {@code mark}. */
    public List<String> marked(Mark mark) {
        return nodes.stream().filter(n -> n.marks().contains(mark)).map(CanvasNode::id).toList();
    }
}
