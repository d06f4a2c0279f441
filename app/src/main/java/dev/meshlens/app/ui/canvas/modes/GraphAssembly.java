package dev.meshlens.app.ui.canvas.modes;

import dev.meshlens.app.ui.canvas.CanvasEdge;
import dev.meshlens.app.ui.canvas.CanvasGraph;
import dev.meshlens.app.ui.canvas.CanvasNode;
import dev.meshlens.app.ui.canvas.Mark;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Collects the nodes and edges of a mode's {@link CanvasGraph}: the first node or edge given for an id wins, so a
 * builder adds what the answer is about first and context after. Single use, on one thread.
 */
public final class GraphAssembly {
    private final Map<String, CanvasNode> nodes = new LinkedHashMap<>();
    private final Map<String, CanvasEdge> edges = new LinkedHashMap<>();

    /** Adds {@code node} unless a node with its id is there already; returns whether it was added. */
    public boolean add(CanvasNode node) {
        return nodes.putIfAbsent(node.id(), node) == null;
    }

    /** Adds {@code edge} unless an edge with its id is there already; returns whether it was added. */
    public boolean add(CanvasEdge edge) {
        return edges.putIfAbsent(edge.id(), edge) == null;
    }

    /** Whether a node with {@code id} was added. */
    public boolean has(String id) {
        return nodes.containsKey(id);
    }

    /** The node added with {@code id}, or null. */
    public CanvasNode node(String id) {
        return nodes.get(id);
    }

    /** Replaces the node of the same id (to add a mark once more is known). */
    public void replace(CanvasNode node) {
        nodes.put(node.id(), node);
    }

    /** Replaces the edge of the same id. */
    public void replace(CanvasEdge edge) {
        edges.put(edge.id(), edge);
    }

    /** The edge added from {@code from} to {@code to}, or null. */
    public CanvasEdge edge(String from, String to) {
        return edges.get(from + "->" + to);
    }

    /**
     * Adds, drawn faintly, the nodes of {@code neighbourhood} that {@code keep} accepts and that are not here yet
     * (with their own layers, their marks replaced by {@link Mark#DIMMED}), then every edge of the neighbourhood
     * between two nodes now here that is not here yet, dimmed too. This keeps the place of the answer in the mesh
     * visible without mixing the neighbourhood's highlights into it.
     */
    public void addContext(CanvasGraph neighbourhood, Predicate<CanvasNode> keep) {
        if (neighbourhood == null) {
            return;
        }
        for (CanvasNode n : neighbourhood.nodes()) {
            if (!nodes.containsKey(n.id()) && keep.test(n)) {
                add(new CanvasNode(n.id(), n.kind(), n.label(), n.tier(), n.layer(), n.domain(), n.owner(),
                        EnumSet.of(Mark.DIMMED), n.details()));
            }
        }
        for (CanvasEdge e : neighbourhood.edges()) {
            if (nodes.containsKey(e.from()) && nodes.containsKey(e.to()) && !edges.containsKey(e.id())) {
                add(new CanvasEdge(e.from(), e.to(), e.style(), e.lag(), EnumSet.of(Mark.DIMMED), e.details()));
            }
        }
    }

    /** How many nodes were added. */
    public int nodeCount() {
        return nodes.size();
    }

    /** The graph of everything added, nodes and edges in the order added. */
    public CanvasGraph build(String title, String focus) {
        return new CanvasGraph(title, focus != null && nodes.containsKey(focus) ? focus : null,
                new ArrayList<>(nodes.values()), new ArrayList<>(edges.values()));
    }

    /** A mark set of one mark, for the constructors of canvas nodes and edges. */
    public static Set<Mark> marks(Mark mark) {
        return EnumSet.of(mark);
    }

    /** A mark set, possibly empty. */
    public static Set<Mark> marks(List<Mark> marks) {
        return marks.isEmpty() ? EnumSet.noneOf(Mark.class) : EnumSet.copyOf(marks);
    }
}
