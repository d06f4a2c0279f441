package dev.meshlens.importers.registry;

import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.MeshContent;
import dev.meshlens.engine.model.SchemaVersion;
import dev.meshlens.engine.model.SourceKind;
import dev.meshlens.localkafka.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static dev.meshlens.importers.registry.SchemasRecords.clearSubjectKey;
import static dev.meshlens.importers.registry.SchemasRecords.clearSubjectValue;
import static dev.meshlens.importers.registry.SchemasRecords.configKey;
import static dev.meshlens.importers.registry.SchemasRecords.configValue;
import static dev.meshlens.importers.registry.SchemasRecords.deleteSubjectKey;
import static dev.meshlens.importers.registry.SchemasRecords.deleteSubjectValue;
import static dev.meshlens.importers.registry.SchemasRecords.noopKey;
import static dev.meshlens.importers.registry.SchemasRecords.schemaKey;
import static dev.meshlens.importers.registry.SchemasRecords.schemaValue;
import static dev.meshlens.importers.registry.SchemasRecords.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reads a real {@code _schemas} topic on the in-process broker, written with the registry's exact records. */
class SchemasTopicReaderTest {
    static final String ORDER_V1 = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\","
            + "\"type\":\"string\"}]}";
    static final String ORDER_V2 = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\","
            + "\"type\":\"string\"},{\"name\":\"qty\",\"type\":\"int\",\"default\":1}]}";
    static final String CUSTOMER_JSON = "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}}}";
    static final String ADDRESS_PROTO = "syntax = \"proto3\";\nmessage Address { string city = 1; }\n";
    static final String SHIPMENT_PROTO = "syntax = \"proto3\";\nimport \"address.proto\";\n"
            + "message Shipment { Address to = 1; }\n";

    @TempDir
    static Path dataDir;
    private static EmbeddedKafkaBroker kafka;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafkaBroker.builder().dataDir(dataDir).user("reader", "reader-secret")
                .user("outsider", "outsider-secret").start();
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void replaysTheRegistryRecordsIntoExactVersions() throws Exception {
        String topic = createTopic("_schemas", 1);
        writeMeshHistory(topic, 0);

        MeshContent.Collector sink = new MeshContent.Collector();
        RegistryImportResult result = reader(kafka.adminProperties(), topic, RegistryImportOptions.defaults())
                .importTo(sink);

        assertThat(sink.content().sources()).containsExactly(SourceKind.SCHEMAS);
        assertThat(sink.content().schemas()).containsExactlyElementsOf(expectedMesh());
        assertThat(result.failures()).isEmpty();
        assertThat(result.origin()).isEqualTo("topic " + topic + " at " + kafka.bootstrapServers());
    }

    @Test
    void everyPartitionIsRead() throws Exception {
        String topic = createTopic("_schemas_partitioned", 3);
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (int p = 0; p < 3; p++) {
                String subject = "p" + p + "-value";
                producer.send(new ProducerRecord<>(topic, p, schemaKey(subject, 1),
                        schemaValue(subject, 1, 10 + p, "AVRO", ORDER_V1, false))).get();
            }
        }

        MeshContent.Collector sink = new MeshContent.Collector();
        reader(kafka.adminProperties(), topic, RegistryImportOptions.defaults()).importTo(sink);

        assertThat(sink.content().schemas()).extracting(SchemaVersion::subject)
                .containsExactly("p0-value", "p1-value", "p2-value");
    }

    @Test
    void emptyTopicCoversSchemasWithNone() {
        String topic = createTopic("_schemas_empty", 1);

        MeshContent.Collector sink = new MeshContent.Collector();
        reader(kafka.adminProperties(), topic, RegistryImportOptions.defaults()).importTo(sink);

        assertThat(sink.content().sources()).containsExactly(SourceKind.SCHEMAS);
        assertThat(sink.content().schemas()).isEmpty();
    }

    @Test
    void principalWithReadAndDescribeNeedsNothingElse() throws Exception {
        String topic = createTopic("_schemas_acl", 1);
        writeMeshHistory(topic, 0);
        allow("reader", topic, AclOperation.READ);
        allow("reader", topic, AclOperation.DESCRIBE);

        MeshContent.Collector sink = new MeshContent.Collector();
        reader(kafka.clientProperties("reader"), topic, RegistryImportOptions.defaults()).importTo(sink);

        assertThat(sink.content().schemas()).containsExactlyElementsOf(expectedMesh());
    }

    @Test
    void principalWithoutReadAclGetsAMessageNamingTheAcl() {
        String topic = createTopic("_schemas_closed", 1);
        SchemasTopicReader reader = reader(kafka.clientProperties("outsider"), topic,
                RegistryImportOptions.defaults().withTimeLimit(Duration.ofSeconds(20)));

        assertThatThrownBy(() -> reader.importTo(new MeshContent.Collector()))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("not allowed to read topic " + topic + ": the client's principal needs ACLs "
                        + "allowing READ and DESCRIBE on TOPIC " + topic);
    }

    @Test
    void missingTopicIsAClearFailure() {
        SchemasTopicReader reader = reader(kafka.adminProperties(), "_schemas_missing",
                RegistryImportOptions.defaults().withTimeLimit(Duration.ofSeconds(20)));

        assertThatThrownBy(() -> reader.importTo(new MeshContent.Collector()))
                .isInstanceOf(InputException.class)
                .hasMessage("KafkaConsumer.partitionsFor(_schemas_missing): topic _schemas_missing does not exist on "
                        + kafka.bootstrapServers() + " (the registry's kafkastore.topic names it)");
    }

    @Test
    void malformedRecordFailsItsSubjectOnly() throws Exception {
        String topic = createTopic("_schemas_bad", 1);
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, schemaKey("good-value", 1),
                    schemaValue("good-value", 1, 1, "AVRO", ORDER_V1, false))).get();
            producer.send(new ProducerRecord<>(topic, schemaKey("bad-value", 1), text("{\"schema\": 5}"))).get();
        }

        MeshContent.Collector sink = new MeshContent.Collector();
        RegistryImportResult result = reader(kafka.adminProperties(), topic, RegistryImportOptions.defaults())
                .importTo(sink);

        assertThat(sink.content().schemas()).extracting(SchemaVersion::subject).containsExactly("good-value");
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("bad-value");
            assertThat(f.failure()).isEqualTo(topic + "-0@1: the value has no 'schema' text");
        });
    }

    @Test
    void allOrNothingFailsAtTheMalformedRecord() throws Exception {
        String topic = createTopic("_schemas_strict", 1);
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, schemaKey("bad-value", 1), text("not json"))).get();
        }
        MeshContent.Collector sink = new MeshContent.Collector();
        SchemasTopicReader reader = reader(kafka.adminProperties(), topic,
                RegistryImportOptions.defaults().withAllOrNothing(true));

        assertThatThrownBy(() -> reader.importTo(sink))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(topic + "-0@0: subject 'bad-value': the value is not valid JSON");
        assertThat(sink.content()).isEqualTo(MeshContent.empty());
    }

    @Test
    void unreachableKafkaFailsWithinTheTimeLimit() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        Properties props = kafka.adminProperties();
        props.put("bootstrap.servers", "127.0.0.1:" + closedPort);
        SchemasTopicReader reader = reader(props, "_schemas",
                RegistryImportOptions.defaults().withTimeLimit(Duration.ofSeconds(2)));
        long start = System.nanoTime();

        assertThatThrownBy(() -> reader.importTo(new MeshContent.Collector()))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("KafkaConsumer.partitionsFor(_schemas): no answer from Kafka at 127.0.0.1:"
                        + closedPort + " within the time limit of 2 s");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    /** The versions {@link #writeMeshHistory} leaves registered. */
    static List<SchemaVersion> expectedMesh() {
        return List.of(
                new SchemaVersion("address", 1, 301, "PROTOBUF", ADDRESS_PROTO, List.of(), "FULL"),
                new SchemaVersion("crm.customers-value", 2, 202, "JSON", CUSTOMER_JSON, List.of(), "FULL"),
                new SchemaVersion("logistics.shipments-value", 1, 302, "PROTOBUF", SHIPMENT_PROTO,
                        List.of("address:1"), "NONE"),
                new SchemaVersion("sales.orders-value", 2, 102, "AVRO", ORDER_V2, List.of(), "BACKWARD"));
    }

    /**
     * A registry's history: registrations, a global and subject levels, a re-written version, a soft-deleted
     * version, a hard delete (tombstone), a deleted subject, a cleared subject and NOOP markers.
     */
    static void writeMeshHistory(String topic, int partition) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            List<byte[][]> records = List.of(
                    record(noopKey(), null),
                    record(configKey(null), configValue("BACKWARD")),
                    record(schemaKey("sales.orders-value", 1), schemaValue("sales.orders-value", 1, 101, "AVRO",
                            ORDER_V1, false)),
                    record(schemaKey("sales.orders-value", 2), schemaValue("sales.orders-value", 2, 102, "AVRO",
                            ORDER_V2, false)),
                    // v1 soft-deleted, then hard-deleted
                    record(schemaKey("sales.orders-value", 1), schemaValue("sales.orders-value", 1, 101, "AVRO",
                            ORDER_V1, true)),
                    record(schemaKey("sales.orders-value", 1), null),
                    record(schemaKey("crm.customers-value", 1), schemaValue("crm.customers-value", 1, 201, "JSON",
                            "{\"type\":\"object\"}", false)),
                    record(schemaKey("crm.customers-value", 2), schemaValue("crm.customers-value", 2, 299, "JSON",
                            CUSTOMER_JSON, false)),
                    // a later record of the same version wins
                    record(schemaKey("crm.customers-value", 2), schemaValue("crm.customers-value", 2, 202, "JSON",
                            CUSTOMER_JSON, false)),
                    record(deleteSubjectKey("crm.customers-value"), deleteSubjectValue("crm.customers-value", 1)),
                    record(clearSubjectKey("crm.customers-value"), clearSubjectValue("crm.customers-value")),
                    record(schemaKey("address", 1), schemaValue("address", 1, 301, "PROTOBUF", ADDRESS_PROTO, false)),
                    record(schemaKey("logistics.shipments-value", 1), schemaValue("logistics.shipments-value", 1,
                            302, "PROTOBUF", SHIPMENT_PROTO, false, "address.proto", "address:1")),
                    record(configKey("logistics.shipments-value"), configValue("NONE")),
                    record(configKey("crm.customers-value"), configValue("FORWARD")),
                    record(configKey("crm.customers-value"), null),
                    record(schemaKey("retired-value", 1), schemaValue("retired-value", 1, 401, "AVRO", ORDER_V1,
                            false)),
                    record(deleteSubjectKey("retired-value"), deleteSubjectValue("retired-value", 1)),
                    record(configKey(null), configValue("FULL")),
                    record(configKey("sales.orders-value"), configValue("BACKWARD")),
                    record(noopKey(), null));
            for (byte[][] r : records) {
                producer.send(new ProducerRecord<>(topic, partition, r[0], r[1])).get();
            }
        }
    }

    private static byte[][] record(byte[] key, byte[] value) {
        return new byte[][]{key, value};
    }

    private static SchemasTopicReader reader(Properties props, String topic, RegistryImportOptions options) {
        return new SchemasTopicReader(props, topic, options);
    }

    private static String createTopic(String name, int partitions) {
        try (Admin admin = Admin.create(kafka.adminProperties())) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1)
                    .configs(Map.of("cleanup.policy", "compact")))).all().get(30, TimeUnit.SECONDS);
            return name;
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topic " + name, e);
        }
    }

    private static void allow(String user, String topic, AclOperation operation) throws Exception {
        try (Admin admin = Admin.create(kafka.adminProperties())) {
            admin.createAcls(List.of(new AclBinding(new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL),
                    new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW))))
                    .all().get(30, TimeUnit.SECONDS);
        }
    }

    static KafkaProducer<byte[], byte[]> producer() {
        Properties props = kafka.adminProperties();
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "30000");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
