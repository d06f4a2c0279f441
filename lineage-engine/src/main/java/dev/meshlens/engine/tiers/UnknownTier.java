package dev.meshlens.engine.tiers;

import java.util.Objects;

/**
 * A product or service without a declared tier: it is never judged and caps nothing, so it is reported instead
 * of silently passing.
 *
 * @param kind {@code product} or {@code service}
 * @param name the topic or the principal
 */
public record UnknownTier(String kind, String name) {

    /** @throws NullPointerException when a component is null */
    public UnknownTier {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }
}
