package dev.meshlens.app.ui.canvas;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An edge of what the canvas draws, from producer to consumer (data flows left to right).
 *
 * @param from    the id of the source node
 * @param to      the id of the target node
 * @param style   the line style (write, read state, trace link)
 * @param lag     the consumer lag shown on hover, null when unknown or not a read
 * @param marks   highlights
 * @param details what the side panel and the hover text show, in order
 */
public record CanvasEdge(String from, String to, EdgeStyle style, Long lag, Set<Mark> marks, List<Detail> details) {
    public CanvasEdge {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(style, "style");
        marks = Set.copyOf(marks);
        details = List.copyOf(details);
    }

    /** {@code from->to}: unique in a graph (at most one edge between two nodes). */
    public String id() {
        return from + "->" + to;
    }

    /** This edge with {@code mark} added. */
    public CanvasEdge with(Mark mark) {
        if (marks.contains(mark)) {
            return this;
        }
        java.util.EnumSet<Mark> more = marks.isEmpty() ? java.util.EnumSet.noneOf(Mark.class)
                : java.util.EnumSet.copyOf(marks);
        more.add(mark);
        return new CanvasEdge(from, to, style, lag, more, details);
    }
}
