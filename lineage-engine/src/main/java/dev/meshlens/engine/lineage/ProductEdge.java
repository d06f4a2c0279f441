package dev.meshlens.engine.lineage;

import java.util.List;
import java.util.Objects;

/**
 * Product-to-product lineage: some service reads {@code from} and writes {@code to}.
 *
 * @param via the services in between, sorted by principal
 */
public record ProductEdge(ProductNode from, ProductNode to, List<ServiceNode> via) {

    /** @throws NullPointerException when a component is null */
    public ProductEdge {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        via = List.copyOf(via);
    }
}
