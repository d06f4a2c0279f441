package dev.meshlens.engine.diff;

import dev.meshlens.engine.lineage.ConsumerDetail;

import java.util.Objects;

/** One consumer row ({@link dev.meshlens.engine.lineage.LineageGraph#consumers(String)}) of a topic. */
public record ConsumerRow(String topic, ConsumerDetail consumer) {

    /** @throws NullPointerException when a component is null */
    public ConsumerRow {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(consumer, "consumer");
    }
}
