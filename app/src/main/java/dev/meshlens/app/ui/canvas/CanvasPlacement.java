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
     * Spacing in GraphStream units, sized for node boxes of 200 by 28 units: columns far enough apart for the
     * edges between them to be seen, rows close enough that a 40-node column stays on one screen.
     */
    public static final LayoutSpacing SPACING = new LayoutSpacing(290, 40, 40, 230);

    /** The width to height ratio of the canvas in a typical window. */
    private static final double WINDOW_ASPECT = 1.2;

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
        Map<String, LayoutPoint> placed = new LayeredLayout<>(ids, layers, SPACING, LayeredLayout.DEFAULT_SWEEPS)
                .positions();
        return widened(placed);
    }

    /**
     * Spreads the columns of a tall layout wider, up to the shape of a typical canvas beside its side panel (6:5), so that fitting it
     * in the window is limited by its height and by its width alike: the labels, whose size is fixed in pixels,
     * then get the most room between columns.
     */
    private static Map<String, LayoutPoint> widened(Map<String, LayoutPoint> placed) {
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (LayoutPoint p : placed.values()) {
            minX = Math.min(minX, p.x());
            maxX = Math.max(maxX, p.x());
            minY = Math.min(minY, p.y());
            maxY = Math.max(maxY, p.y());
        }
        double width = maxX - minX;
        double wanted = (maxY - minY) * WINDOW_ASPECT;
        if (width <= 0 || wanted <= width) {
            return placed;
        }
        double stretch = wanted / width;
        Map<String, LayoutPoint> wide = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, LayoutPoint> e : placed.entrySet()) {
            LayoutPoint p = e.getValue();
            wide.put(e.getKey(), new LayoutPoint(minX + (p.x() - minX) * stretch, p.y()));
        }
        return wide;
    }
}
