package dev.meshlens.app.ui.canvas.modes;

import dev.meshlens.engine.lineage.GroupNode;
import dev.meshlens.engine.lineage.LineageGraph;
import dev.meshlens.engine.lineage.LineageNode;
import dev.meshlens.engine.lineage.ProductNode;
import dev.meshlens.engine.lineage.ServiceNode;

import java.util.Objects;
import java.util.Optional;

/**
 * Canvas node ids of lineage nodes, as the canvas contract spells them: {@code product:<topic>},
 * {@code service:<principal>}, {@code group:<id>}. A principal contains a colon itself ({@code User:alice}), so an
 * id is split at its first colon only.
 */
public final class LineageIds {
    private LineageIds() {
    }

    /** The canvas id of {@code node}, e.g. {@code service:User:billing-svc}. */
    public static String id(LineageNode node) {
        Objects.requireNonNull(node, "node");
        return node.kind() + ":" + node.name();
    }

    /** The canvas id of a node given by its lineage kind ({@code product}, {@code service}, {@code group}). */
    public static String id(String kind, String name) {
        return kind + ":" + name;
    }

    /**
     * The lineage node a canvas id stands for, when it stands for one: {@code cluster:} and {@code record:} ids and
     * malformed ids give empty.
     */
    public static Optional<LineageNode> node(String id) {
        if (id == null) {
            return Optional.empty();
        }
        int colon = id.indexOf(':');
        if (colon <= 0 || colon == id.length() - 1) {
            return Optional.empty();
        }
        String name = id.substring(colon + 1);
        return switch (id.substring(0, colon)) {
            case ProductNode.KIND -> Optional.of(new ProductNode(name));
            case ServiceNode.KIND -> Optional.of(new ServiceNode(name));
            case GroupNode.KIND -> Optional.of(new GroupNode(name));
            default -> Optional.empty();
        };
    }

    /**
     * The lineage node of {@code id} in {@code graph}.
     *
     * @throws IllegalArgumentException naming the id when it names no node of the graph
     */
    public static LineageNode require(LineageGraph graph, String id) {
        return node(id).filter(n -> graph.graph().containsVertex(n)).orElseThrow(() ->
                new IllegalArgumentException("'" + id + "' is not a product, service or group of this snapshot"));
    }
}
