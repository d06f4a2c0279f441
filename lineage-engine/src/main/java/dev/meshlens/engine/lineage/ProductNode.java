package dev.meshlens.engine.lineage;

import java.util.Objects;

/** A data product, identified by its Kafka topic. */
public record ProductNode(String topic) implements LineageNode {

    /** The {@link #kind()} of every product node. */
    public static final String KIND = "product";

    /** @throws NullPointerException when {@code topic} is null */
    public ProductNode {
        Objects.requireNonNull(topic, "topic");
    }

    /** Always {@value #KIND}. */
    @Override
    public String kind() {
        return KIND;
    }

    /** The topic. */
    @Override
    public String name() {
        return topic;
    }
}
