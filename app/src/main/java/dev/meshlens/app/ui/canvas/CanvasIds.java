package dev.meshlens.app.ui.canvas;

import dev.meshlens.engine.lineage.GroupNode;
import dev.meshlens.engine.lineage.LineageGraph;
import dev.meshlens.engine.lineage.LineageNode;
import dev.meshlens.engine.lineage.ProductNode;
import dev.meshlens.engine.lineage.ServiceNode;

import java.util.Optional;

/** The canvas's node ids for lineage nodes: {@code product:<topic>}, {@code service:<principal>}, {@code group:<id>}. */
public final class CanvasIds {
    /** The prefix of cluster ids. */
    public static final String CLUSTER = "cluster:";

    private CanvasIds() {
    }

    /** The canvas id of {@code node}. */
    public static String of(LineageNode node) {
        return node.kind() + ":" + node.name();
    }

    /** {@code product:<topic>}. */
    public static String product(String topic) {
        return ProductNode.KIND + ":" + topic;
    }

    /** {@code service:<principal>}. */
    public static String service(String principal) {
        return ServiceNode.KIND + ":" + principal;
    }

    /** Whether {@code id} names a cluster. */
    public static boolean isCluster(String id) {
        return id.startsWith(CLUSTER);
    }

    /**
     * The lineage node {@code id} names in {@code lineage}.
     *
     * @return empty when the id is not a product, service or group id, or names nothing in the graph
     */
    public static Optional<LineageNode> node(String id, LineageGraph lineage) {
        int colon = id.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String name = id.substring(colon + 1);
        return switch (id.substring(0, colon)) {
            case ProductNode.KIND -> lineage.product(name).map(n -> n);
            case ServiceNode.KIND -> lineage.service(name).map(n -> n);
            case GroupNode.KIND -> lineage.group(name).map(n -> n);
            default -> Optional.empty();
        };
    }
}
