package dev.meshlens.engine.model;

import java.util.List;
import java.util.Objects;

/**
 * A data product as its owner declares it in the catalog sheet.
 *
 * @param slaTier 1 (strongest) to 4, or null when undeclared
 * @param quality bronze, silver or gold by default; other class names are kept as given; null when undeclared
 */
public record DataProduct(String name, String topic, String cluster, String bootstrapUri, String domain, String owner,
                          String description, Integer slaTier, String quality, List<String> tags, String schemaUri,
                          Lifecycle lifecycle) {

    public DataProduct {
        Objects.requireNonNull(topic, "topic");
        name = name == null || name.isBlank() ? topic : name;
        tags = tags == null ? List.of() : List.copyOf(tags);
        lifecycle = lifecycle == null ? Lifecycle.ACTIVE : lifecycle;
    }

    public boolean hasTag(String tag) {
        return tags.stream().anyMatch(t -> t.equalsIgnoreCase(tag));
    }
}
