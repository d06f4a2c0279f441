package dev.meshlens.app.ui.canvas.diff;

import dev.meshlens.app.ui.canvas.CanvasGraph;
import dev.meshlens.app.ui.canvas.Mark;

import java.util.List;
import java.util.Objects;

/**
 * What diff mode shows for two snapshots.
 *
 * @param graph the changed nodes and edges with the nodes they connect, marked ADDED, REMOVED or CHANGED,
 *              unchanged ends DIMMED
 * @param rows  every change, of every section (ACLs and schemas included), in the engine's order per section
 */
public record DiffAnalysis(long fromSnapshot, long toSnapshot, CanvasGraph graph, List<DiffRow> rows) {

    /** @throws NullPointerException when a component is null */
    public DiffAnalysis {
        Objects.requireNonNull(graph, "graph");
        rows = List.copyOf(rows);
    }

    /** How many nodes carry {@code mark}. */
    public long nodes(Mark mark) {
        return graph.nodes().stream().filter(n -> n.marks().contains(mark)).count();
    }

    /** How many edges carry {@code mark}. */
    public long edges(Mark mark) {
        return graph.edges().stream().filter(e -> e.marks().contains(mark)).count();
    }
}
