package dev.meshlens.engine.tiers;

import java.util.List;
import java.util.Objects;

/**
 * A product or service that promises a better SLA tier than something upstream of it allows, or a production
 * service whose upstream breaks the production policy.
 *
 * @param kind         {@code product} or {@code service}, as the lineage names node kinds
 * @param name         the topic or the principal
 * @param declaredTier the tier the node promises; null only in a policy violation of a service without one
 * @param cappedAt     the worst tier declared upstream: the best tier the node could honestly promise
 * @param path         the limiting path, node names from this node upstream to the node declaring
 *                     {@code cappedAt}: {@code [product, writer service, product it reads, ...]}
 */
public record TierViolation(String kind, String name, Integer declaredTier, int cappedAt, List<String> path) {

    /** @throws NullPointerException when {@code kind}, {@code name} or {@code path} is null */
    public TierViolation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        path = List.copyOf(path);
    }
}
