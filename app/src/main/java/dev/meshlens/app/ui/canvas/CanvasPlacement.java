package dev.meshlens.app.ui.canvas;

import dev.meshlens.engine.layout.LayeredLayout;
import dev.meshlens.engine.layout.LayoutPoint;
import dev.meshlens.engine.layout.LayoutSpacing;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedPseudograph;

import java.util.HashMap;
import java.util.Map;

/** Where the layered layout puts a canvas graph's nodes: the engine's {@link LayeredLayout} over node ids. */
public final class CanvasPlacement {
    /**
     * Spacing in GraphStream units, sized for node boxes of 170 by 26 units: columns far enough apart for the
     * edges between them to be seen, rows close enough that a 40-node column stays on one screen.
     */
    public static final LayoutSpacing SPACING = new LayoutSpacing(300, 36, 40, 200);

    private CanvasPlacement() {
    }

    /** Each node's position by id, in canvas order: layers left to right, crossings reduced. */
    public static Map<String, LayoutPoint> layered(CanvasGraph graph) {
        Graph<String, DefaultEdge> ids = new DirectedPseudograph<>(DefaultEdge.class);
        Map<String, Integer> layers = new HashMap<>();
        for (CanvasNode n : graph.nodes()) {
            ids.addVertex(n.id());
            layers.put(n.id(), n.layer());
        }
        for (CanvasEdge e : graph.edges()) {
            ids.addEdge(e.from(), e.to());
        }
        return new LayeredLayout<>(ids, layers, SPACING, LayeredLayout.DEFAULT_SWEEPS).positions();
    }
}
