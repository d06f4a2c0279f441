package dev.meshlens.engine.model;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A Kafka topic as {@code kafka-topics --describe} or {@code Admin.describeTopics} shows it.
 *
 * @param topicId           Kafka's topic id, or null where the source did not show it
 * @param replicationFactor -1 where unknown
 * @param configs           non-default topic configs (retention.ms, cleanup.policy, ...), sorted by name
 */
public record Topic(String name, String topicId, int partitions, int replicationFactor, Map<String, String> configs) {

    public Topic {
        Objects.requireNonNull(name, "name");
        configs = configs == null ? Map.of() : java.util.Collections.unmodifiableSortedMap(new TreeMap<>(configs));
    }

    /** Kafka's own internal topics ({@code __consumer_offsets}, {@code __transaction_state}, ...). */
    public static boolean isKafkaInternal(String topicName) {
        return topicName.startsWith("__");
    }

    /** Kafka's internal topics and the registry's, which are never reported as unregistered or writer-less. */
    public static boolean isInternal(String topicName) {
        return topicName.startsWith("__") || "_schemas".equals(topicName);
    }
}
