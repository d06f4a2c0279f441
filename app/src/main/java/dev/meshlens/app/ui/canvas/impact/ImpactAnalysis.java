package dev.meshlens.app.ui.canvas.impact;

import dev.meshlens.app.ui.canvas.CanvasGraph;
import dev.meshlens.app.ui.canvas.modes.Csv;

import java.util.List;
import java.util.Objects;

/**
 * Everything impact mode shows for one focus.
 *
 * @param focus   the canvas id of the focus
 * @param graph   the canvas graph: the focus, everything downstream of it marked IMPACTED, upstream context dimmed
 * @param rows    every impacted node, by depth, then kind, then name
 * @param byDepth the count of impacted nodes per depth, nearest first
 * @param byTier  the count per declared tier, 1 to 4 then unknown, zero counts included
 */
public record ImpactAnalysis(String focus, CanvasGraph graph, List<ImpactRow> rows, List<DepthCount> byDepth,
                             List<TierCount> byTier) {

    /** @throws NullPointerException when a component is null */
    public ImpactAnalysis {
        Objects.requireNonNull(focus, "focus");
        Objects.requireNonNull(graph, "graph");
        rows = List.copyOf(rows);
        byDepth = List.copyOf(byDepth);
        byTier = List.copyOf(byTier);
    }

    /** The table as CSV (RFC 4180): a header row, then every row, however many. */
    public String csv() {
        return Csv.table(ImpactRow.CSV_HEADER, rows.stream().map(ImpactRow::csvFields).toList());
    }
}
