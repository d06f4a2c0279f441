package dev.meshlens.app.cli;

import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.SchemaVersion;
import dev.meshlens.engine.model.SourceKind;
import dev.meshlens.engine.store.CatalogStore;
import dev.meshlens.localkafka.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.meshlens.importers.registry.SchemasRecords.configKey;
import static dev.meshlens.importers.registry.SchemasRecords.configValue;
import static dev.meshlens.importers.registry.SchemasRecords.deleteSubjectKey;
import static dev.meshlens.importers.registry.SchemasRecords.deleteSubjectValue;
import static dev.meshlens.importers.registry.SchemasRecords.schemaKey;
import static dev.meshlens.importers.registry.SchemasRecords.schemaValue;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code meshlens import --schemas-topic} against a real {@code _schemas} topic on the in-process broker. */
class ImportSchemasTopicCommandTest {
    private static final String ORDER = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\","
            + "\"type\":\"string\"}]}";

    @TempDir
    static Path brokerDir;
    private static EmbeddedKafkaBroker kafka;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = EmbeddedKafkaBroker.builder().dataDir(brokerDir).start();
        try (Admin admin = Admin.create(kafka.adminProperties())) {
            admin.createTopics(List.of(new NewTopic("_schemas", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.adminProperties(),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("_schemas", configKey(null), configValue("FULL"))).get();
            producer.send(new ProducerRecord<>("_schemas", schemaKey("orders-value", 1),
                    schemaValue("orders-value", 1, 7, "AVRO", ORDER, false))).get();
            producer.send(new ProducerRecord<>("_schemas", schemaKey("gone-value", 1),
                    schemaValue("gone-value", 1, 8, "AVRO", ORDER, false))).get();
            producer.send(new ProducerRecord<>("_schemas", deleteSubjectKey("gone-value"),
                    deleteSubjectValue("gone-value", 1))).get();
        }
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void schemasTopicIsReadThroughTheGivenClientPropertiesAndTheirPasswordIsNotStored() throws IOException {
        Path clientConfig = dir.resolve("client.properties");
        try (OutputStream out = Files.newOutputStream(clientConfig)) {
            kafka.adminProperties().store(out, null);
        }
        Path db = dir.resolve("catalog");

        CliRun run = CliRun.meshlens(db, "import", "--cluster", "prod", "--schemas-topic", "--schemas-topic-config",
                clientConfig.toString());

        assertThat(run.exitCode).as(run.toString()).isZero();
        try (CatalogStore store = CatalogStore.open(CatalogLocation.resolve(db.toString(), Map.of()))) {
            CatalogState state = store.state("prod", store.latest("prod").orElseThrow().id());
            assertThat(state.asOf().sources()).containsExactly(SourceKind.SCHEMAS);
            assertThat(state.asOf().origin()).isEqualTo("topic _schemas at " + kafka.bootstrapServers());
            assertThat(state.content().schemas()).containsExactly(
                    new SchemaVersion("orders-value", 1, 7, "AVRO", ORDER, List.of(), "FULL"));
        }
        assertThat(ImportRegistryCommandTest.catalogBytes(dir)).doesNotContain(EmbeddedKafkaBroker.ADMIN_PASSWORD);
    }
}
