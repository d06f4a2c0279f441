package dev.meshlens.engine.model;

import java.util.Objects;

/**
 * A group's position on one partition.
 *
 * @param committedOffset the committed offset, or null when the group has none on this partition
 * @param endOffset       the log end offset when it was read, or null where unknown
 * @param memberId        the member the partition is assigned to, or null
 */
public record PartitionOffset(String topic, int partition, Long committedOffset, Long endOffset, String memberId)
        implements Comparable<PartitionOffset> {

    public PartitionOffset {
        Objects.requireNonNull(topic, "topic");
    }

    /** Lag as Kafka computes it: end offset minus committed offset, null when either is unknown. */
    public Long lag() {
        if (committedOffset == null || endOffset == null) {
            return null;
        }
        return Math.max(0, endOffset - committedOffset);
    }

    public TopicPartition topicPartition() {
        return new TopicPartition(topic, partition);
    }

    @Override
    public int compareTo(PartitionOffset other) {
        return topicPartition().compareTo(other.topicPartition());
    }
}
