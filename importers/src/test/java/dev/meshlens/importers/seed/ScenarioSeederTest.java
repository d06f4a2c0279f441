package dev.meshlens.importers.seed;

import dev.meshlens.localkafka.EmbeddedKafkaBroker;
import dev.meshlens.importers.testkit.LineageHeaderChains.LineageHeader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Seeds a small scenario and its {@code later} block into a real broker, then checks what Kafka holds. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScenarioSeederTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Instant BASE = Instant.parse("2026-11-02T08:00:00Z");
    private static final String SCENARIO = """
            {
              "cluster": "test",
              "topics": [{"name": "orders", "partitions": 2}],
              "acls": [
                "TOPIC LITERAL orders User:reader READ ALLOW",
                "GROUP PREFIXED g- User:reader READ ALLOW"
              ],
              "records": [{"topic": "orders", "count": 10, "service": "User:checkout"}],
              "consumers": [
                {"group": "g-stopped-later", "user": "reader", "topics": ["orders"], "consumed": 1.0, "after": "active"},
                {"group": "g-kept", "user": "reader", "topics": ["orders"], "consumed": 1.0, "after": "active"}
              ],
              "later": {
                "topics": [{"name": "refunds", "partitions": 1}],
                "acls": [
                  "TOPIC LITERAL refunds User:analyst READ ALLOW",
                  "GROUP LITERAL g-new User:analyst READ ALLOW"
                ],
                "records": [{"topic": "refunds", "count": 4, "service": "User:refunder", "parents": ["orders"]}],
                "stopGroups": ["g-stopped-later"],
                "consumers": [
                  {"group": "g-new", "user": "analyst", "topics": ["refunds"], "consumed": 0.5, "after": "active"}
                ],
                "revokeAfterConsuming": ["TOPIC LITERAL orders User:reader READ ALLOW"]
              }
            }""";

    private EmbeddedKafkaBroker kafka;
    private Admin admin;
    private ScenarioSeeder seeder;
    private SeededMesh seeded;

    @BeforeAll
    void seedBothParts() throws Exception {
        MeshScenario scenario = MeshScenario.read(new ByteArrayInputStream(SCENARIO.getBytes(StandardCharsets.UTF_8)));
        EmbeddedKafkaBroker.Builder builder = EmbeddedKafkaBroker.builder();
        scenario.users().forEach(u -> builder.user(u, u + "-secret"));
        kafka = builder.start();
        admin = Admin.create(kafka.adminProperties());
        seeder = new ScenarioSeeder(kafka.adminProperties(), kafka::clientProperties, BASE, TIMEOUT);
        seeded = seeder.seed(scenario);
        seeder.seedLater(seeded, scenario.later());
    }

    @AfterAll
    void stop() {
        if (seeded != null) {
            seeded.close();
        }
        if (admin != null) {
            admin.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void laterTopicIsCreated() throws Exception {
        assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("orders", "refunds");
    }

    @Test
    void stoppedGroupIsEmpty() throws Exception {
        assertThat(state("g-stopped-later")).isEqualTo(GroupState.EMPTY);
    }

    @Test
    void groupNotStoppedKeepsItsMember() throws Exception {
        assertThat(state("g-kept")).isEqualTo(GroupState.STABLE);
        assertThat(seeded.activeGroupIds()).containsExactlyInAnyOrder("g-kept", "g-new");
    }

    @Test
    void laterGroupCommitsItsShareOfTheLaterTopic() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("g-new")
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);

        assertThat(committed).containsOnlyKeys(new TopicPartition("refunds", 0));
        assertThat(committed.get(new TopicPartition("refunds", 0)).offset()).isEqualTo(2);
    }

    @Test
    void laterRecordsContinueTheHeaderChainsOfEarlierRecords() {
        List<String> orderIds = read("orders").stream().map(r -> r.topic() + "-" + r.partition() + "@" + r.offset())
                .toList();

        for (ConsumerRecord<String, String> refund : read("refunds")) {
            List<LineageHeader> headers = headers(refund);
            assertThat(headers).extracting(LineageHeader::service).containsExactly("User:checkout", "User:refunder");
            assertThat(headers.get(0).parent()).isNull();
            assertThat(orderIds).contains(headers.get(1).parent());
        }
    }

    @Test
    void laterRecordsAreLaterThanEveryEarlierRecord() {
        Instant lastOrder = read("orders").stream().map(r -> headers(r).get(0).at()).max(Instant::compareTo)
                .orElseThrow();

        assertThat(read("refunds")).allSatisfy(r -> assertThat(headers(r).get(1).at()).isAfter(lastOrder));
    }

    @Test
    void laterRevocationDeletesTheAclAndKeepsTheOthers() throws Exception {
        Collection<AclBinding> acls = admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS);

        assertThat(acls).noneMatch(b -> b.pattern().name().equals("orders")
                && b.entry().operation() == AclOperation.READ);
        assertThat(acls).anyMatch(b -> b.pattern().name().equals("refunds")
                && b.entry().principal().equals("User:analyst"));
    }

    @Test
    void stoppingAGroupWithoutALiveMemberIsRejected() {
        MeshScenario.Later stopTwice = new MeshScenario.Later(null, null, null, null, null,
                List.of("g-stopped-later"), null);

        assertThatThrownBy(() -> seeder.seedLater(seeded, stopTwice))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'g-stopped-later'");
    }

    private GroupState state(String group) throws Exception {
        return admin.describeConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS).get(group).groupState();
    }

    private static List<LineageHeader> headers(ConsumerRecord<?, ?> record) {
        List<LineageHeader> headers = new ArrayList<>();
        for (Header h : record.headers().headers(ScenarioSeeder.LINEAGE_HEADER)) {
            headers.add(LineageHeader.parse(new String(h.value(), StandardCharsets.UTF_8)));
        }
        return headers;
    }

    /** Every record of a topic, read from the beginning as the super user. */
    private List<ConsumerRecord<String, String>> read(String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(kafka.adminProperties(),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long total = consumer.endOffsets(partitions, TIMEOUT).values().stream().mapToLong(Long::longValue).sum();
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (records.size() < total && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            assertThat(records).hasSize((int) total);
            return records;
        }
    }
}
