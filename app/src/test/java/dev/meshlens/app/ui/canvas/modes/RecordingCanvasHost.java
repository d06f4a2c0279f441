package dev.meshlens.app.ui.canvas.modes;

import dev.meshlens.app.ui.canvas.CanvasGraph;
import dev.meshlens.app.ui.canvas.CanvasHost;
import dev.meshlens.app.ui.canvas.Mark;
import dev.meshlens.app.ui.service.LoadedCatalog;
import dev.meshlens.engine.lineage.LineageGraph;
import dev.meshlens.engine.lineage.LineageNode;
import dev.meshlens.engine.lineage.LineageTraversal;
import dev.meshlens.engine.lineage.TraversalResult;
import dev.meshlens.engine.lineage.TraversedEdge;
import dev.meshlens.engine.lineage.VisitedNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A canvas for mode tests: it holds a catalog and a focus, draws a one-hop neighbourhood the way a canvas would
 * (upstream at layer -1, downstream at +1), and records every graph a mode draws and every restore.
 */
public final class RecordingCanvasHost implements CanvasHost {
    private final LoadedCatalog catalog;
    private final String focus;
    private final CanvasGraph neighbourhood;
    private final List<CanvasGraph> drawn = new ArrayList<>();
    private int restores;

    /** A canvas on {@code catalog} focused on the canvas id {@code focus}. */
    public RecordingCanvasHost(LoadedCatalog catalog, String focus) {
        this.catalog = catalog;
        this.focus = focus;
        this.neighbourhood = neighbourhoodOf(catalog, focus);
    }

    private static CanvasGraph neighbourhoodOf(LoadedCatalog catalog, String focus) {
        LineageGraph lineage = catalog.lineage();
        LineageNode root = LineageIds.require(lineage, focus);
        NodeFacts facts = new NodeFacts(catalog.state());
        LineageTraversal traversal = new LineageTraversal(lineage);
        GraphAssembly graph = new GraphAssembly();
        graph.add(facts.node(root, 0, GraphAssembly.marks(Mark.FOCUS), List.of()));
        TraversalResult up = traversal.upstream(root, 1);
        TraversalResult down = traversal.downstream(root, 1);
        for (VisitedNode v : up.nodes()) {
            graph.add(facts.node(v.node(), -v.depth(), GraphAssembly.marks(List.of()), List.of()));
        }
        for (VisitedNode v : down.nodes()) {
            graph.add(facts.node(v.node(), v.depth(), GraphAssembly.marks(List.of()), List.of()));
        }
        for (TraversedEdge t : up.edges()) {
            graph.add(NodeFacts.edge(t.edge(), t.facts(), GraphAssembly.marks(List.of())));
        }
        for (TraversedEdge t : down.edges()) {
            graph.add(NodeFacts.edge(t.edge(), t.facts(), GraphAssembly.marks(List.of())));
        }
        return graph.build("Lineage of " + root.name(), focus);
    }

    @Override
    public LoadedCatalog catalog() {
        return catalog;
    }

    @Override
    public String focus() {
        return focus;
    }

    @Override
    public CanvasGraph neighbourhood() {
        return neighbourhood;
    }

    @Override
    public void draw(CanvasGraph graph) {
        drawn.add(graph);
    }

    @Override
    public void restore() {
        restores++;
    }

    /** Every graph drawn, in order. */
    public List<CanvasGraph> drawn() {
        return drawn;
    }

    /** The last graph drawn; fails when none was. */
    public CanvasGraph last() {
        if (drawn.isEmpty()) {
            throw new AssertionError("nothing was drawn");
        }
        return drawn.get(drawn.size() - 1);
    }

    /** How many times the neighbourhood was restored. */
    public int restores() {
        return restores;
    }
}
