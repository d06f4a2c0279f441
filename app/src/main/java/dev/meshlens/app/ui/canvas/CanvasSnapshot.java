package dev.meshlens.app.ui.canvas;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the canvas renderer actually holds, read back from GraphStream's graphic graph (not from the
 * {@link CanvasGraph} it was given): for tests that assert on what is drawn, structurally rather than pixel by
 * pixel.
 *
 * @param nodeIds  the drawn nodes' ids, in the order GraphStream holds them
 * @param edgeIds  the drawn edges' ids ({@code from->to})
 * @param kinds    each drawn node's kind, read from its kind class
 * @param marks    each drawn node's marks, read from its mark classes (the selection included)
 * @param edgeStyles each drawn edge's style, read from its style class
 * @param selected the id of the node or edge drawn as selected, null when none is
 * @param labels   each drawn node's label as drawn (long labels are shortened)
 * @param edgeColours each drawn edge's colour as GraphStream resolved it from its classes, {@code #rrggbb}
 */
public record CanvasSnapshot(List<String> nodeIds, List<String> edgeIds, Map<String, NodeKind> kinds,
                             Map<String, Set<Mark>> marks, Map<String, EdgeStyle> edgeStyles, String selected,
                             Map<String, String> labels, Map<String, String> edgeColours) {
    public CanvasSnapshot {
        nodeIds = List.copyOf(nodeIds);
        edgeIds = List.copyOf(edgeIds);
        kinds = Map.copyOf(kinds);
        marks = Map.copyOf(marks);
        edgeStyles = Map.copyOf(edgeStyles);
        labels = Map.copyOf(labels);
        edgeColours = Map.copyOf(edgeColours);
    }

    /** How many nodes are drawn. */
    public int drawnCount() {
        return nodeIds.size();
    }

    /** The marks drawn on node {@code id}; empty when it has none or is not drawn. */
    public Set<Mark> marksOf(String id) {
        return marks.getOrDefault(Objects.requireNonNull(id), Set.of());
    }

    /** The ids of the drawn nodes that carry {@code mark}, sorted. */
    public List<String> marked(Mark mark) {
        return marks.entrySet().stream().filter(e -> e.getValue().contains(mark)).map(Map.Entry::getKey).sorted()
                .toList();
    }

    /** How many drawn nodes are of {@code kind}. */
    public long count(NodeKind kind) {
        return kinds.values().stream().filter(k -> k == kind).count();
    }
}
