package dev.meshlens.engine.change;

import java.util.Objects;

/**
 * A product, service or group downstream of the changed product.
 *
 * @param kind  {@code product}, {@code service} or {@code group}, as {@link dev.meshlens.engine.lineage.LineageNode#kind()}
 * @param name  the topic, principal or group id
 * @param owner the catalog owner (products) or services.csv owner (services); null when undeclared and for groups
 * @param tier  the catalog SLA tier (products) or services.csv tier (services); null when undeclared
 * @param depth graph hops from the changed product: its consumers are at 1, the products they write at 2
 */
public record AffectedNode(String kind, String name, String owner, Integer tier, int depth) {

    /** @throws IllegalArgumentException when {@code depth} is not positive */
    public AffectedNode {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (depth < 1) {
            throw new IllegalArgumentException("a downstream node is at depth 1 or more, got " + depth);
        }
    }
}
