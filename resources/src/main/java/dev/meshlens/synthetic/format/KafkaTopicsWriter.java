package dev.meshlens.synthetic.format;

import dev.meshlens.engine.model.Topic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes topics as {@code kafka-topics --bootstrap-server ... --describe} (Kafka 4.x) prints them: per topic a
 * line {@code Topic: t\tTopicId: id\tPartitionCount: n\tReplicationFactor: r\tConfigs: k=v,k=v}, then one line
 * per partition {@code \tTopic: t\tPartition: p\tLeader: l\tReplicas: a,b\tIsr: a,b\tElr: \tLastKnownElr: }.
 * The TopicId field is left out when the topic has none, as Kafka leaves out the zero id. Configs are the
 * topic's non-default configs in the order of {@link Topic#configs()} (sorted by name).
 */
public final class KafkaTopicsWriter {
    private final Appendable out;
    private final StringBuilder line = new StringBuilder(256);
    private long lines;

    /** @param out where the listing goes; it is neither buffered nor closed here */
    public KafkaTopicsWriter(Appendable out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * Writes one topic and its partitions.
     *
     * @param partitions one placement per partition, in partition order
     * @throws IllegalArgumentException when the number of placements differs from the topic's partition count
     * @throws UncheckedIOException     when writing fails
     */
    public void topic(Topic topic, List<PartitionPlacement> partitions) {
        if (partitions.size() != topic.partitions()) {
            throw new IllegalArgumentException("topic " + topic.name() + " has " + topic.partitions()
                    + " partitions but " + partitions.size() + " placements");
        }
        line.setLength(0);
        line.append("Topic: ").append(topic.name());
        if (topic.topicId() != null) {
            line.append("\tTopicId: ").append(topic.topicId());
        }
        line.append("\tPartitionCount: ").append(topic.partitions());
        line.append("\tReplicationFactor: ").append(topic.replicationFactor());
        line.append("\tConfigs: ");
        boolean first = true;
        for (Map.Entry<String, String> config : topic.configs().entrySet()) {
            if (!first) {
                line.append(',');
            }
            first = false;
            line.append(config.getKey()).append('=').append(config.getValue());
        }
        line.append('\n');
        for (PartitionPlacement p : partitions) {
            line.append("\tTopic: ").append(topic.name());
            line.append("\tPartition: ").append(p.partition());
            line.append("\tLeader: ").append(p.leader() == null ? "none" : p.leader().toString());
            line.append("\tReplicas: ");
            join(p.replicas());
            line.append("\tIsr: ");
            join(p.isr());
            line.append("\tElr: ");
            joinOrNa(p.elr());
            line.append("\tLastKnownElr: ");
            joinOrNa(p.lastKnownElr());
            line.append('\n');
        }
        try {
            out.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lines += 1 + partitions.size();
    }

    /** Lines written so far. */
    public long lines() {
        return lines;
    }

    private void joinOrNa(List<Integer> ids) {
        if (ids == null) {
            line.append("N/A");
        } else {
            join(ids);
        }
    }

    private void join(List<Integer> ids) {
        for (int i = 0; i < ids.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(ids.get(i).intValue());
        }
    }
}
