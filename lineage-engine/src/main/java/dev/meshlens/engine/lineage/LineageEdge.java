package dev.meshlens.engine.lineage;

import java.util.Objects;

/**
 * A directed lineage edge, oriented the way data flows: WRITE goes service to product, READ goes product to
 * service (or to a group standing for its unknown principal). Its facts live beside the graph
 * ({@link LineageGraph#facts(LineageEdge)}).
 */
public record LineageEdge(LineageNode from, LineageNode to, EdgeKind kind) {

    /**
     * @throws NullPointerException     when a component is null
     * @throws IllegalArgumentException when the endpoints do not fit the kind (WRITE: service to product; READ:
     *                                  product to service or group)
     */
    public LineageEdge {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(kind, "kind");
        boolean fits = switch (kind) {
            case WRITE -> from instanceof ServiceNode && to instanceof ProductNode;
            case READ -> from instanceof ProductNode && (to instanceof ServiceNode || to instanceof GroupNode);
        };
        if (!fits) {
            throw new IllegalArgumentException(kind.label() + " edge cannot go from " + from.kind() + " to "
                    + to.kind());
        }
    }

    @Override
    public String toString() {
        return from.kind() + ":" + from.name() + " -" + kind.label() + "-> " + to.kind() + ":" + to.name();
    }
}
