package dev.meshlens.importers.registry;

import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.MeshContent;
import dev.meshlens.engine.model.SchemaVersion;
import dev.meshlens.engine.model.SourceKind;
import dev.meshlens.engine.schema.SubjectNaming;
import dev.meshlens.importers.registry.FakeSchemaRegistry.Reference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class RegistryImporterTest {
    private static final String ORDER_V1 = "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"shop\","
            + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";
    private static final String ORDER_V2 = "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"shop\","
            + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"note\",\"type\":[\"null\",\"string\"],"
            + "\"default\":null}]}";
    private static final String CUSTOMER_JSON = "{\"$schema\":\"http://json-schema.org/draft-07/schema#\","
            + "\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}}}";
    private static final String ADDRESS_PROTO = "syntax = \"proto3\";\nmessage Address { string city = 1; }\n";
    private static final String SHIPMENT_PROTO = "syntax = \"proto3\";\nimport \"address.proto\";\n"
            + "message Shipment { Address to = 1; }\n";

    private final FakeSchemaRegistry registry = FakeSchemaRegistry.start();
    private final MeshContent.Collector sink = new MeshContent.Collector();

    @AfterEach
    void stop() {
        registry.close();
    }

    private RegistryImporter importer(RegistryImportOptions options) {
        return new RegistryImporter(SchemaRegistryClient.builder(registry.url()).build(), options);
    }

    private void registerMesh() {
        registry.globalLevel("FORWARD")
                .register("sales.orders-value", 1, 101, "AVRO", ORDER_V1)
                .register("sales.orders-value", 2, 102, "AVRO", ORDER_V2)
                .subjectLevel("sales.orders-value", "FULL_TRANSITIVE")
                .register("crm.customers-value", 1, 201, "JSON", CUSTOMER_JSON)
                .register("address", 1, 301, "PROTOBUF", ADDRESS_PROTO)
                .register("logistics.shipments-value", 4, 302, "PROTOBUF", SHIPMENT_PROTO,
                        new Reference("address.proto", "address", 1));
    }

    @Test
    void importsEveryVersionWithTheCompatibilityLevelInForce() {
        registerMesh();

        RegistryImportResult result = importer(RegistryImportOptions.defaults()).importTo(sink);

        assertThat(sink.content().sources()).containsExactly(SourceKind.SCHEMAS);
        assertThat(sink.content().schemas()).containsExactly(
                new SchemaVersion("address", 1, 301, "PROTOBUF", ADDRESS_PROTO, List.of(), "FORWARD"),
                new SchemaVersion("crm.customers-value", 1, 201, "JSON", CUSTOMER_JSON, List.of(), "FORWARD"),
                new SchemaVersion("logistics.shipments-value", 4, 302, "PROTOBUF", SHIPMENT_PROTO,
                        List.of("address:1"), "FORWARD"),
                new SchemaVersion("sales.orders-value", 1, 101, "AVRO", ORDER_V1, List.of(), "FULL_TRANSITIVE"),
                new SchemaVersion("sales.orders-value", 2, 102, "AVRO", ORDER_V2, List.of(), "FULL_TRANSITIVE"));
        assertThat(result.versionCount()).isEqualTo(5);
        assertThat(result.failures()).isEmpty();
    }

    @Test
    void emptyRegistryCoversSchemasSoEarlierSchemasAreGone() {
        RegistryImportResult result = importer(RegistryImportOptions.defaults()).importTo(sink);

        assertThat(sink.content().sources()).containsExactly(SourceKind.SCHEMAS);
        assertThat(sink.content().schemas()).isEmpty();
        assertThat(result.subjects()).isEmpty();
    }

    @Test
    void subjectAnswering500IsReportedAndTheOthersAreImported() {
        registerMesh();
        registry.answer("/subjects/sales.orders-value/versions/2", 500,
                "{\"error_code\":50001,\"message\":\"Error in the backend data store\"}");

        RegistryImportResult result = importer(RegistryImportOptions.defaults()).importTo(sink);

        assertThat(result.failures()).singleElement().satisfies(failed -> {
            assertThat(failed.subject()).isEqualTo("sales.orders-value");
            assertThat(failed.failure()).isEqualTo("GET " + registry.url() + "/subjects/sales.orders-value/versions/2: "
                    + "subject 'sales.orders-value': the registry answered HTTP 500, error 50001: Error in the "
                    + "backend data store");
        });
        assertThat(sink.content().schemas()).extracting(SchemaVersion::subject)
                .containsExactly("address", "crm.customers-value", "logistics.shipments-value");
        assertThat(sink.content().sources()).containsExactly(SourceKind.SCHEMAS);
    }

    @Test
    void subjectAnsweringMalformedJsonIsReportedByName() {
        registerMesh();
        registry.answer("/subjects/crm.customers-value/versions", 200, "[1, 2");

        RegistryImportResult result = importer(RegistryImportOptions.defaults()).importTo(sink);

        assertThat(result.failures()).extracting(SubjectResult::subject).containsExactly("crm.customers-value");
        assertThat(result.failures().get(0).failure()).contains("subject 'crm.customers-value': the answer is not "
                + "valid JSON");
        assertThat(result.versionCount()).isEqualTo(4);
    }

    @Test
    void allOrNothingFailsOnTheFailingSubjectAndSendsNothing() {
        registerMesh();
        registry.answer("/subjects/crm.customers-value/versions/1", 500, "{\"error_code\":50001,\"message\":\"down\"}");
        RegistryImporter importer = importer(RegistryImportOptions.defaults().withAllOrNothing(true));

        assertThatThrownBy(() -> importer.importTo(sink))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("subject 'crm.customers-value': the registry answered HTTP 500, error 50001: down");
        assertThat(sink.content()).isEqualTo(MeshContent.empty());
    }

    @Test
    void failedSubjectKeepsTheVersionsTheCatalogHeldBefore() {
        registerMesh();
        registry.answer("/config/sales.orders-value", 503, "");
        SchemaVersion before = new SchemaVersion("sales.orders-value", 1, 101, "AVRO", ORDER_V1, List.of(), "FULL");
        RegistryImportOptions options = RegistryImportOptions.defaults()
                .withPrevious(subject -> subject.equals("sales.orders-value") ? List.of(before) : List.of());

        RegistryImportResult result = importer(options).importTo(sink);

        assertThat(result.failures()).singleElement().satisfies(failed -> {
            assertThat(failed.keptVersions()).isEqualTo(1);
            assertThat(failed.failure()).endsWith("subject 'sales.orders-value': the registry answered HTTP 503 "
                    + "with no body");
        });
        assertThat(sink.content().schemas()).contains(before)
                .filteredOn(v -> v.subject().equals("sales.orders-value")).hasSize(1);
    }

    @Test
    void unreadableSubjectListFailsTheWholeImport() {
        registerMesh();
        registry.answer("/subjects", 500, "{\"error_code\":50001,\"message\":\"Error in the backend data store\"}");

        assertThatThrownBy(() -> importer(RegistryImportOptions.defaults()).importTo(sink))
                .isInstanceOf(InputException.class)
                .hasMessage("GET " + registry.url() + "/subjects: the registry answered HTTP 500, error 50001: "
                        + "Error in the backend data store");
        assertThat(sink.content()).isEqualTo(MeshContent.empty());
    }

    @Test
    void timeLimitBoundsTheWholeRead() {
        // unbounded, this read would take 4 x 5 s
        IntStream.rangeClosed(1, 4).forEach(i -> registry.register("t" + i + "-value", 1, i, "AVRO", ORDER_V1)
                .delay("/subjects/t" + i + "-value/versions", Duration.ofSeconds(5)));
        RegistryImportOptions options = RegistryImportOptions.defaults().withConcurrency(1)
                .withTimeLimit(Duration.ofSeconds(1));
        long start = System.nanoTime();

        assertThatThrownBy(() -> importer(options).importTo(sink))
                .isInstanceOf(InputException.class)
                .hasMessage("registry " + registry.url() + "/: reading the registry did not finish within the time "
                        + "limit of 1 s: 0 of 4 subjects read; raise the time limit or the concurrency");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(sink.content()).isEqualTo(MeshContent.empty());
    }

    @Test
    void interruptingTheImportingThreadCancelsIt() throws Exception {
        registry.register("slow-value", 1, 1, "AVRO", ORDER_V1)
                .delay("/subjects/slow-value/versions", Duration.ofSeconds(30));
        RegistryImporter importer = importer(RegistryImportOptions.defaults());
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                importer.importTo(sink);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        thread.start();
        while (registry.requests().stream().noneMatch(r -> r.rawPath().endsWith("/versions"))) {
            Thread.sleep(10);
        }

        thread.interrupt();
        thread.join(10_000);

        assertThat(thread.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(CancellationException.class);
        assertThat(sink.content()).isEqualTo(MeshContent.empty());
    }

    @Test
    void subjectsMapToTopicsByTopicNameStrategyOrTheMapping() {
        registry.register("sales.orders-value", 1, 1, "AVRO", ORDER_V1)
                .register("sales.orders-key", 1, 2, "AVRO", "\"string\"")
                .register("shop.Order", 1, 1, "AVRO", ORDER_V1)
                .register("shop.Unmapped", 1, 3, "AVRO", ORDER_V2);
        RegistryImportOptions options = RegistryImportOptions.defaults()
                .withNaming(SubjectNaming.withExplicit(Map.of("shop.Order", "sales.orders")));

        RegistryImportResult result = importer(options).importTo(sink);

        assertThat(result.subjects()).extracting(SubjectResult::subject, SubjectResult::topic).containsExactly(
                tuple("sales.orders-key", "sales.orders"),
                tuple("sales.orders-value", "sales.orders"),
                tuple("shop.Order", "sales.orders"),
                tuple("shop.Unmapped", null));
        assertThat(result.unmapped()).extracting(SubjectResult::subject).containsExactly("shop.Unmapped");
    }

    @Test
    void manySubjectsReadConcurrentlyAreReportedInNameOrder() {
        IntStream.range(0, 120).forEach(i -> registry.register(String.format("s%03d-value", 119 - i), 1, i + 1,
                "AVRO", ORDER_V1));

        RegistryImportResult result = importer(RegistryImportOptions.defaults().withConcurrency(8)).importTo(sink);

        List<String> expected = IntStream.range(0, 120).mapToObj(i -> String.format("s%03d-value", i)).toList();
        assertThat(result.subjects()).extracting(SubjectResult::subject).containsExactlyElementsOf(expected);
        assertThat(sink.content().schemas()).hasSize(120);
    }

    @Test
    void progressTellsTheSubjectCountAndTheSummary() {
        registerMesh();
        List<String> messages = new ArrayList<>();

        importer(RegistryImportOptions.defaults().withProgress(messages::add)).importTo(sink);

        assertThat(messages).containsExactly(
                "registry " + registry.url() + "/: 4 subjects",
                "registry " + registry.url() + "/: 5 schema versions of 4 subjects");
    }
}
