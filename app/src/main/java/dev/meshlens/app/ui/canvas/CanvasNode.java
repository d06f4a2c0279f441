package dev.meshlens.app.ui.canvas;

import dev.meshlens.engine.model.SlaTier;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A node of what the canvas draws.
 *
 * @param id      unique in its graph: {@code product:<topic>}, {@code service:<principal>}, {@code group:<id>},
 *                {@code cluster:<key>} or {@code record:<record id>}
 * @param kind    shapes the node
 * @param label   the text drawn on the node
 * @param tier    the SLA tier that colours it, null when unknown or not applicable
 * @param layer   the column of the layered layout: 0 is the focus, negative upstream, positive downstream
 * @param domain  the product's or service's domain, for grouping a fan-out; null when unknown
 * @param owner   the owner, for grouping a fan-out and contacting; null when unknown
 * @param marks   highlights
 * @param details what the side panel shows when the node is selected, in order
 */
public record CanvasNode(String id, NodeKind kind, String label, SlaTier tier, int layer, String domain, String owner,
                         Set<Mark> marks, List<Detail> details) {
    public CanvasNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        marks = Set.copyOf(marks);
        details = List.copyOf(details);
    }

    /** This node with {@code mark} added. */
    public CanvasNode with(Mark mark) {
        if (marks.contains(mark)) {
            return this;
        }
        java.util.EnumSet<Mark> more = marks.isEmpty() ? java.util.EnumSet.noneOf(Mark.class)
                : java.util.EnumSet.copyOf(marks);
        more.add(mark);
        return new CanvasNode(id, kind, label, tier, layer, domain, owner, more, details);
    }
}
