package dev.meshlens.engine.reconcile;

import java.util.Objects;

/**
 * A catalog entry, by its declared name and its topic: owners know products by name, Kafka by topic.
 *
 * @param name the product name (the topic when the entry gives none)
 */
public record CatalogEntry(String name, String topic) {

    /** @throws NullPointerException when a component is null */
    public CatalogEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(topic, "topic");
    }
}
