package dev.meshlens.synthetic.format;

import dev.meshlens.engine.model.ConsumerGroup;
import dev.meshlens.engine.model.GroupMember;
import dev.meshlens.engine.model.GroupState;
import dev.meshlens.engine.model.PartitionOffset;
import dev.meshlens.engine.model.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Expected texts are real {@code kafka-consumer-groups} 4.3.1 output (importers' kafka-cli fixtures). */
class KafkaConsumerGroupsWriterTest {
    private static final String WORKER = "billing worker 2-3815fde2-ecfb-4080-9f4a-e5194913b64f";
    private static final String APP = "billing-app-1-4bb35fde-8e1d-432f-ac15-cba658280ce1";

    private final StringBuilder out = new StringBuilder();
    private final KafkaConsumerGroupsWriter writer = new KafkaConsumerGroupsWriter(out);

    @Test
    void offsetsViewMatchesKafkaForTwoMembersAndAnUncommittedPartition() {
        int rows = writer.offsets(billingApp());

        assertThat(rows).isEqualTo(9);
        assertThat(out.toString()).isEqualTo("""

                GROUP           TOPIC           PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG             \
                CONSUMER-ID                                           HOST            CLIENT-ID
                billing-app     orders          0          20              20              0               \
                billing-app-1-4bb35fde-8e1d-432f-ac15-cba658280ce1    /127.0.0.1      billing-app-1
                billing-app     orders          1          22              25              3               \
                billing-app-1-4bb35fde-8e1d-432f-ac15-cba658280ce1    /127.0.0.1      billing-app-1
                billing-app     orders          2          30              30              0               \
                billing-app-1-4bb35fde-8e1d-432f-ac15-cba658280ce1    /127.0.0.1      billing-app-1
                billing-app     payments        0          10              12              2               \
                billing-app-1-4bb35fde-8e1d-432f-ac15-cba658280ce1    /127.0.0.1      billing-app-1
                billing-app     payments        1          16              16              0               \
                billing-app-1-4bb35fde-8e1d-432f-ac15-cba658280ce1    /127.0.0.1      billing-app-1
                billing-app     orders          3          28              35              7               \
                billing worker 2-3815fde2-ecfb-4080-9f4a-e5194913b64f /127.0.0.1      billing worker 2
                billing-app     orders          4          39              40              1               \
                billing worker 2-3815fde2-ecfb-4080-9f4a-e5194913b64f /127.0.0.1      billing worker 2
                billing-app     orders          5          45              45              0               \
                billing worker 2-3815fde2-ecfb-4080-9f4a-e5194913b64f /127.0.0.1      billing worker 2
                billing-app     payments        2          -               20              -               \
                billing worker 2-3815fde2-ecfb-4080-9f4a-e5194913b64f /127.0.0.1      billing worker 2
                """);
    }

    @Test
    void offsetsViewOfAStoppedGroupShowsCommittedPartitionsWithoutMember() {
        ConsumerGroup stopped = new ConsumerGroup("analytics-batch", GroupState.EMPTY, "127.0.0.1:35837 (1)", null,
                List.of(), List.of(new PartitionOffset("customers", 0, 10L, 30L, null),
                new PartitionOffset("customers", 1, null, 40L, null)));

        writer.offsets(stopped);

        assertThat(out.toString()).isEqualTo("""

                GROUP           TOPIC           PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG             \
                CONSUMER-ID     HOST            CLIENT-ID
                analytics-batch customers       0          10              30              20              \
                -               -               -
                """);
    }

    @Test
    void groupWithoutOffsetsOrAssignedMembersPrintsNothing() {
        ConsumerGroup never = new ConsumerGroup("never", GroupState.EMPTY, null, null, List.of(), List.of());

        assertThat(writer.offsets(never)).isZero();
        assertThat(out).isEmpty();
    }

    @Test
    void deadGroupPrintsNothingInEitherView() {
        ConsumerGroup dead = new ConsumerGroup("gone", GroupState.DEAD, "h:9092 (1)", null, List.of(),
                List.of(new PartitionOffset("t", 0, 1L, 2L, null)));

        assertThat(writer.offsets(dead)).isZero();
        assertThat(writer.state(dead)).isFalse();
        assertThat(out).isEmpty();
    }

    @Test
    void stateViewMatchesKafkaWithTwoSpacesBeforeTheCoordinatorId() {
        writer.state(new ConsumerGroup("billing-app", GroupState.STABLE, "127.0.0.1:35837 (1)", "range",
                billingApp().members(), List.of()));

        assertThat(out.toString()).isEqualTo("""

                GROUP           COORDINATOR (ID)          ASSIGNMENT-STRATEGY  STATE                #MEMBERS
                billing-app     127.0.0.1:35837  (1)      range                Stable               2
                """);
    }

    @Test
    void stateViewPrintsDashForNoStrategyAndKafkasStateName() {
        writer.state(new ConsumerGroup("shipping-replayer", GroupState.PREPARING_REBALANCE, "127.0.0.1:35837 (1)",
                null, List.of(new GroupMember("a", "a", "/127.0.0.1", List.of()),
                new GroupMember("b", "b", "/127.0.0.1", List.of())), List.of()));

        assertThat(out.toString()).isEqualTo("""

                GROUP             COORDINATOR (ID)          ASSIGNMENT-STRATEGY  STATE                #MEMBERS
                shipping-replayer 127.0.0.1:35837  (1)      -                    PreparingRebalance   2
                """);
    }

    @Test
    void kafkaStateNamesAreCamelCase() {
        assertThat(KafkaConsumerGroupsWriter.kafkaStateName(GroupState.COMPLETING_REBALANCE))
                .isEqualTo("CompletingRebalance");
        assertThat(KafkaConsumerGroupsWriter.kafkaStateName(GroupState.EMPTY)).isEqualTo("Empty");
        assertThat(KafkaConsumerGroupsWriter.kafkaStateName(null)).isEqualTo("Unknown");
    }

    @Test
    void coordinatorAlreadyInKafkasSpellingIsKept() {
        assertThat(KafkaConsumerGroupsWriter.kafkaCoordinator("127.0.0.1:9092  (1)")).isEqualTo("127.0.0.1:9092  (1)");
        assertThat(KafkaConsumerGroupsWriter.kafkaCoordinator(null)).isEqualTo("-");
    }

    private static ConsumerGroup billingApp() {
        List<TopicPartition> worker = List.of(tp("orders", 3), tp("orders", 4), tp("orders", 5), tp("payments", 2));
        List<TopicPartition> app = List.of(tp("payments", 1), tp("orders", 0), tp("orders", 1), tp("orders", 2),
                tp("payments", 0));
        return new ConsumerGroup("billing-app", GroupState.STABLE, "127.0.0.1:46881 (1)", "range",
                List.of(new GroupMember(WORKER, "billing worker 2", "/127.0.0.1", worker),
                        new GroupMember(APP, "billing-app-1", "/127.0.0.1", app)),
                List.of(new PartitionOffset("orders", 0, 20L, 20L, APP), new PartitionOffset("orders", 1, 22L, 25L, APP),
                        new PartitionOffset("orders", 2, 30L, 30L, APP), new PartitionOffset("orders", 3, 28L, 35L, WORKER),
                        new PartitionOffset("orders", 4, 39L, 40L, WORKER),
                        new PartitionOffset("orders", 5, 45L, 45L, WORKER),
                        new PartitionOffset("payments", 0, 10L, 12L, APP),
                        new PartitionOffset("payments", 1, 16L, 16L, APP),
                        new PartitionOffset("payments", 2, null, 20L, WORKER)));
    }

    private static TopicPartition tp(String topic, int partition) {
        return new TopicPartition(topic, partition);
    }
}
