package dev.meshlens.importers.testkit;

import dev.meshlens.localkafka.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.apache.kafka.common.acl.AclOperation.ALL;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE_CONFIGS;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE_TOKENS;
import static org.apache.kafka.common.acl.AclOperation.IDEMPOTENT_WRITE;
import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;
import static org.apache.kafka.common.acl.AclPermissionType.ALLOW;
import static org.apache.kafka.common.acl.AclPermissionType.DENY;
import static org.apache.kafka.common.resource.PatternType.LITERAL;
import static org.apache.kafka.common.resource.PatternType.PREFIXED;

/**
 * The small but varied data mesh the Kafka CLI fixtures are captured from.
 *
 * <ul>
 *   <li>Topics with several partitions and non-default configs, one whose value holds a comma
 *       ({@code cleanup.policy=compact,delete}).</li>
 *   <li>ACLs: LITERAL, PREFIXED, the {@code *} topic and the {@code User:*} principal, DENY, host-restricted,
 *       ALL, GROUP READ, CLUSTER, TRANSACTIONAL_ID and USER resources, a group name with a space and an
 *       X.500-style principal with commas and spaces.</li>
 *   <li>Groups: {@code billing-app} (Stable, two classic members, one static, one with a space in its client
 *       id, two topics, lag on some partitions, no committed offset on {@code payments-2});
 *       {@code shipping-tracker} (Stable, KIP-848 consumer protocol, caught up); {@code shipping-replayer}
 *       (classic, held in PreparingRebalance: its first member stopped polling when a second one asked to
 *       join); {@code audit-archiver}
 *       (consumed two topics, committed and left: Empty, then two more records arrive so it lags);
 *       {@code analytics-batch} (only committed offsets on one partition, never joined: Empty, no members).</li>
 * </ul>
 * Every group runs as its own principal, so the ACLs above are what lets it work.
 */
public final class FixtureMesh {
    /** Users (name to password) the broker must know for this mesh. */
    public static final Map<String, String> USERS = Map.of(
            "billing-svc", "billing-secret",
            "shipping-svc", "shipping-secret",
            "auditor", "auditor-secret",
            "analyst", "analyst-secret",
            "orders-svc", "orders-secret");

    /** Records per partition of each topic, before the groups start. */
    private static final Map<String, int[]> RECORDS = new LinkedHashMap<>();

    static {
        RECORDS.put("orders", new int[]{20, 25, 30, 35, 40, 45});
        RECORDS.put("payments", new int[]{12, 16, 20});
        RECORDS.put("shipments", new int[]{8, 9, 10, 11});
        RECORDS.put("customers", new int[]{30, 40});
        RECORDS.put("billing.invoices", new int[]{5, 5, 5});
        RECORDS.put("audit.events", new int[]{15});
        RECORDS.put("public.announcements", new int[]{3});
    }

    private FixtureMesh() {
    }

    /** A broker builder that knows every user of this mesh. */
    public static EmbeddedKafkaBroker.Builder brokerWithUsers() {
        EmbeddedKafkaBroker.Builder builder = EmbeddedKafkaBroker.builder();
        USERS.forEach(builder::user);
        return builder;
    }

    /**
     * Creates the topics and ACLs, writes the records and leaves behind the two Empty groups.
     *
     * @throws IllegalStateException when the broker refuses any step
     */
    public static void seed(EmbeddedKafkaBroker broker, Admin admin) {
        try {
            admin.createTopics(topics()).all().get(30, TimeUnit.SECONDS);
            admin.createAcls(acls()).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("seeding topics and ACLs failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        RECORDS.forEach((topic, counts) -> produce(broker, topic, counts));

        ConsumerGroupDriver groups = new ConsumerGroupDriver(broker, admin);
        groups.consumeAllAndLeave("auditor", "audit-archiver", List.of("customers", "audit.events"), "audit-archiver");
        produce(broker, "audit.events", new int[]{2});
        groups.commitWithoutJoining("analyst", "analytics-batch", Map.of(new TopicPartition("customers", 0), 10L));
    }

    /**
     * Starts the two Stable groups and the rebalancing one and returns once they hold still; closing the result
     * lets them leave.
     */
    public static AutoCloseable holdStableGroups(EmbeddedKafkaBroker broker, Admin admin) {
        ConsumerGroupDriver groups = new ConsumerGroupDriver(broker, admin);
        Map<TopicPartition, Long> billingPlan = new LinkedHashMap<>();
        int[] ordersLag = {0, 3, 0, 7, 1, 0};
        for (int p = 0; p < ordersLag.length; p++) {
            billingPlan.put(new TopicPartition("orders", p), (long) RECORDS.get("orders")[p] - ordersLag[p]);
        }
        billingPlan.put(new TopicPartition("payments", 0), (long) RECORDS.get("payments")[0] - 2);
        billingPlan.put(new TopicPartition("payments", 1), (long) RECORDS.get("payments")[1]);
        // payments-2 deliberately gets no committed offset

        Map<TopicPartition, Long> shippingPlan = new LinkedHashMap<>();
        int[] shipments = RECORDS.get("shipments");
        for (int p = 0; p < shipments.length; p++) {
            shippingPlan.put(new TopicPartition("shipments", p), (long) shipments[p]);
        }

        ConsumerGroupDriver.HeldGroup billing = groups.holdStable("billing-svc", "billing-app",
                List.of("orders", "payments"),
                List.of(new ConsumerGroupDriver.Member("billing-app-1", "billing-app-1", "classic"),
                        new ConsumerGroupDriver.Member("billing worker 2", null, "classic")),
                billingPlan);
        ConsumerGroupDriver.HeldGroup shipping;
        try {
            shipping = groups.holdStable("shipping-svc", "shipping-tracker", List.of("shipments"),
                    List.of(new ConsumerGroupDriver.Member("shipping-tracker", null, "consumer")), shippingPlan);
        } catch (RuntimeException e) {
            billing.close();
            throw e;
        }
        ConsumerGroupDriver.HeldGroup replaying;
        try {
            replaying = groups.holdRebalancing("shipping-svc", "shipping-replayer", List.of("shipments"),
                    Map.of(new TopicPartition("shipments", 0), 2L, new TopicPartition("shipments", 1), 9L));
        } catch (RuntimeException e) {
            shipping.close();
            billing.close();
            throw e;
        }
        return () -> {
            replaying.close();
            shipping.close();
            billing.close();
        };
    }

    private static List<NewTopic> topics() {
        List<NewTopic> topics = new ArrayList<>();
        topics.add(topic("orders", Map.of("cleanup.policy", "compact,delete", "retention.ms", "604800000")));
        topics.add(topic("payments", Map.of("retention.ms", "2592000000", "max.message.bytes", "2097152")));
        topics.add(topic("shipments", Map.of()));
        topics.add(topic("customers", Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "3600000")));
        topics.add(topic("billing.invoices", Map.of("compression.type", "zstd")));
        topics.add(topic("audit.events", Map.of("retention.bytes", "1073741824",
                "message.timestamp.type", "LogAppendTime")));
        topics.add(topic("public.announcements", Map.of()));
        return topics;
    }

    private static NewTopic topic(String name, Map<String, String> configs) {
        return new NewTopic(name, RECORDS.get(name).length, (short) 1).configs(configs);
    }

    private static List<AclBinding> acls() {
        List<AclBinding> acls = new ArrayList<>();
        // billing-svc reads orders and payments, owns everything billing.*, and consumes as group billing-app
        acls.add(acl(ResourceType.TOPIC, "orders", LITERAL, "User:billing-svc", "*", READ, ALLOW));
        acls.add(acl(ResourceType.TOPIC, "payments", LITERAL, "User:billing-svc", "*", READ, ALLOW));
        acls.add(acl(ResourceType.TOPIC, "billing.", PREFIXED, "User:billing-svc", "*", ALL, ALLOW));
        acls.add(acl(ResourceType.GROUP, "billing-app", LITERAL, "User:billing-svc", "*", READ, ALLOW));
        acls.add(acl(ResourceType.TRANSACTIONAL_ID, "billing-", PREFIXED, "User:billing-svc", "*", WRITE, ALLOW));
        // shipping-svc: shipments only from this machine; orders only from a host that is not this one
        acls.add(acl(ResourceType.TOPIC, "shipments", LITERAL, "User:shipping-svc", "127.0.0.1", READ, ALLOW));
        acls.add(acl(ResourceType.TOPIC, "orders", LITERAL, "User:shipping-svc", "10.20.30.40", READ, ALLOW));
        acls.add(acl(ResourceType.GROUP, "shipping-", PREFIXED, "User:shipping-svc", "*", READ, ALLOW));
        // auditor reads every topic through the wildcard resource
        acls.add(acl(ResourceType.TOPIC, "*", LITERAL, "User:auditor", "*", READ, ALLOW));
        acls.add(acl(ResourceType.TOPIC, "*", LITERAL, "User:auditor", "*", DESCRIBE_CONFIGS, ALLOW));
        acls.add(acl(ResourceType.GROUP, "audit-archiver", LITERAL, "User:auditor", "*", READ, ALLOW));
        // analyst: customers, analytics-* groups, a group with a space in its name; never payments
        acls.add(acl(ResourceType.TOPIC, "customers", LITERAL, "User:analyst", "*", READ, ALLOW));
        acls.add(acl(ResourceType.TOPIC, "customers", LITERAL, "User:analyst", "10.0.0.66", WRITE, DENY));
        acls.add(acl(ResourceType.TOPIC, "payments", PREFIXED, "User:analyst", "*", ALL, DENY));
        acls.add(acl(ResourceType.GROUP, "analytics-", PREFIXED, "User:analyst", "*", READ, ALLOW));
        acls.add(acl(ResourceType.GROUP, "ad hoc analysis", LITERAL, "User:analyst", "*", READ, ALLOW));
        // orders-svc produces orders, transactionally and idempotently
        acls.add(acl(ResourceType.TOPIC, "orders", LITERAL, "User:orders-svc", "*", WRITE, ALLOW));
        acls.add(acl(ResourceType.TRANSACTIONAL_ID, "orders-tx", LITERAL, "User:orders-svc", "*", WRITE, ALLOW));
        acls.add(acl(ResourceType.TRANSACTIONAL_ID, "orders-tx", LITERAL, "User:orders-svc", "*", DESCRIBE, ALLOW));
        acls.add(acl(ResourceType.CLUSTER, "kafka-cluster", LITERAL, "User:orders-svc", "*", IDEMPOTENT_WRITE, ALLOW));
        // operations and odd principals
        acls.add(acl(ResourceType.CLUSTER, "kafka-cluster", LITERAL, "User:ops", "*", DESCRIBE_CONFIGS, ALLOW));
        acls.add(acl(ResourceType.USER, "User:billing-svc", LITERAL, "User:ops", "*", DESCRIBE_TOKENS, ALLOW));
        acls.add(acl(ResourceType.TOPIC, "public.announcements", LITERAL, "User:*", "*", READ, ALLOW));
        acls.add(acl(ResourceType.TOPIC, "orders", LITERAL, "User:CN=legacy-app,OU=Batch Jobs,O=Example Corp", "*",
                DESCRIBE, ALLOW));
        return acls;
    }

    private static AclBinding acl(ResourceType type, String name, PatternType pattern, String principal, String host,
                                  AclOperation operation, AclPermissionType permission) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry(principal, host, operation, permission));
    }

    private static void produce(EmbeddedKafkaBroker broker, String topic, int[] countsPerPartition) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(broker.adminProperties(),
                new StringSerializer(), new StringSerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (int p = 0; p < countsPerPartition.length; p++) {
                for (int i = 0; i < countsPerPartition[p]; i++) {
                    sent.add(producer.send(new ProducerRecord<>(topic, p, topic + "-" + p + "-" + i,
                            "{\"n\":" + i + "}")));
                }
            }
            for (Future<RecordMetadata> f : sent) {
                f.get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("writing records to " + topic + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
