package dev.meshlens.synthetic.format;

import dev.meshlens.engine.model.Topic;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expected texts are real {@code kafka-topics --describe} 4.3.1 output (importers' kafka-cli fixtures). */
class KafkaTopicsWriterTest {
    private final StringBuilder out = new StringBuilder();
    private final KafkaTopicsWriter writer = new KafkaTopicsWriter(out);

    @Test
    void topicMatchesKafkaDescribe() {
        Topic shipments = new Topic("shipments", "YllnEjKwReW8K7VuuExwjQ", 4, 1, Map.of("min.insync.replicas", "1"));

        writer.topic(shipments, PartitionPlacement.roundRobin(4, 1, 1, 0));

        assertThat(out.toString()).isEqualTo("Topic: shipments\tTopicId: YllnEjKwReW8K7VuuExwjQ\tPartitionCount: 4"
                + "\tReplicationFactor: 1\tConfigs: min.insync.replicas=1\n"
                + "\tTopic: shipments\tPartition: 0\tLeader: 1\tReplicas: 1\tIsr: 1\tElr: \tLastKnownElr: \n"
                + "\tTopic: shipments\tPartition: 1\tLeader: 1\tReplicas: 1\tIsr: 1\tElr: \tLastKnownElr: \n"
                + "\tTopic: shipments\tPartition: 2\tLeader: 1\tReplicas: 1\tIsr: 1\tElr: \tLastKnownElr: \n"
                + "\tTopic: shipments\tPartition: 3\tLeader: 1\tReplicas: 1\tIsr: 1\tElr: \tLastKnownElr: \n");
        assertThat(writer.lines()).isEqualTo(5);
    }

    @Test
    void configsAreJoinedWithCommasAndATopicWithoutIdHasNoTopicIdField() {
        Topic topic = new Topic("t", null, 1, 1, Map.of("retention.ms", "1", "cleanup.policy", "compact,delete"));

        writer.topic(topic, PartitionPlacement.roundRobin(1, 1, 1, 0));

        assertThat(out.toString()).startsWith("Topic: t\tPartitionCount: 1\tReplicationFactor: 1"
                + "\tConfigs: cleanup.policy=compact,delete,retention.ms=1\n");
    }

    @Test
    void partitionWithoutLeaderPrintsNoneAndUnreportedElrPrintsNotAvailable() {
        Topic topic = new Topic("t", "AAAAAAAAAAAAAAAAAAAAAA", 1, 2, Map.of());

        writer.topic(topic, List.of(new PartitionPlacement(0, null, List.of(2, 1), List.of(), null, null)));

        assertThat(out.toString()).endsWith(
                "\tTopic: t\tPartition: 0\tLeader: none\tReplicas: 2,1\tIsr: \tElr: N/A\tLastKnownElr: N/A\n");
    }

    @Test
    void placementsMustMatchThePartitionCount() {
        Topic topic = new Topic("t", null, 2, 1, Map.of());

        assertThatThrownBy(() -> writer.topic(topic, PartitionPlacement.roundRobin(1, 1, 1, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 partitions but 1 placements");
    }

    @Test
    void roundRobinStartsEachPartitionOnTheNextBroker() {
        List<PartitionPlacement> placements = PartitionPlacement.roundRobin(3, 3, 4, 2);

        assertThat(placements).extracting(PartitionPlacement::replicas)
                .containsExactly(List.of(3, 4, 1), List.of(4, 1, 2), List.of(1, 2, 3));
        assertThat(placements).allMatch(p -> p.leader().equals(p.replicas().get(0)) && p.isr().equals(p.replicas()));
    }
}
