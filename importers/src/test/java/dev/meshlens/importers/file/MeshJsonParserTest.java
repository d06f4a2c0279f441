package dev.meshlens.importers.file;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.meshlens.engine.model.AclBinding;
import dev.meshlens.engine.model.AclOperation;
import dev.meshlens.engine.model.AclPermission;
import dev.meshlens.engine.model.ConsumerGroup;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.GroupMapping;
import dev.meshlens.engine.model.GroupMember;
import dev.meshlens.engine.model.GroupState;
import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.Lifecycle;
import dev.meshlens.engine.model.MeshContent;
import dev.meshlens.engine.model.PartitionOffset;
import dev.meshlens.engine.model.PatternType;
import dev.meshlens.engine.model.HopEvent;
import dev.meshlens.engine.model.RecordHop;
import dev.meshlens.engine.model.ResourceType;
import dev.meshlens.engine.model.SchemaVersion;
import dev.meshlens.engine.model.ServiceInfo;
import dev.meshlens.engine.model.SourceKind;
import dev.meshlens.engine.model.Topic;
import dev.meshlens.engine.model.TopicPartition;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MeshJsonParserTest {
    private static final String BOOTSTRAP = "kafka://broker-1.acme.example:9092";

    private final MeshJsonParser parser = new MeshJsonParser();

    private MeshContent parse(String json) throws IOException {
        return Fixtures.parse(parser, "mesh.json", json);
    }

    private static AclBinding acl(String topic, String principal, AclOperation operation) {
        return new AclBinding(ResourceType.TOPIC, PatternType.LITERAL, topic, principal, "*", operation,
                AclPermission.ALLOW);
    }

    private static final String ACL_JSON = "{\"resourceType\": \"TOPIC\", \"patternType\": \"LITERAL\", "
            + "\"resourceName\": \"orders.v1\", \"principal\": \"User:a\", \"host\": \"*\", \"operation\": \"READ\", "
            + "\"permission\": \"ALLOW\"}";

    @Test
    void readsEverySectionOfTheDocument() throws IOException {
        MeshContent content = Fixtures.parseFixture(new MeshJsonParser("prod-eu"), "mesh.json");

        assertThat(content.sources()).isEqualTo(EnumSet.allOf(SourceKind.class));
        assertThat(content.acls()).containsExactly(
                acl("orders.v1", "User:order-service", AclOperation.WRITE),
                new AclBinding(ResourceType.TOPIC, PatternType.PREFIXED, "orders.", "User:analytics-etl", "10.0.0.12",
                        AclOperation.READ, AclPermission.ALLOW));
        assertThat(content.topics()).containsExactly(new Topic("orders.v1", "3xJ8w2mNQq2m7tVbHk1bVg", 2, 3,
                Map.of("retention.ms", "604800000", "cleanup.policy", "delete")));
        assertThat(content.groups()).containsExactly(new ConsumerGroup("order-enricher", GroupState.STABLE,
                "broker-1:9092 (1)", "range",
                List.of(new GroupMember("consumer-order-enricher-1-6f0c2b5e", "consumer-order-enricher-1",
                        "/10.0.0.12", List.of(new TopicPartition("orders.v1", 0)))),
                List.of(new PartitionOffset("orders.v1", 0, 1042L, 1050L, "consumer-order-enricher-1-6f0c2b5e"))));
        assertThat(content.products()).containsExactly(
                new DataProduct(null, "orders.v0", "prod-eu", null, null, null, null, 4, null, null, null,
                        Lifecycle.DEPRECATED),
                new DataProduct("Orders", "orders.v1", "prod-eu", BOOTSTRAP, "sales", "team-orders@acme.example",
                        "All customer orders, as placed", 1, "gold", List.of("pii", "financial"),
                        "https://registry.acme.example/subjects/orders.v1-value/versions/latest", Lifecycle.ACTIVE));
        assertThat(content.services()).containsExactly(
                new ServiceInfo("User:order-service", "Order service", "team-orders@acme.example", 1, true));
        assertThat(content.groupMappings()).containsExactly(new GroupMapping("order-enricher", "User:order-service"));
        assertThat(content.schemas()).containsExactly(new SchemaVersion("orders.v1-value", 3, 17, "AVRO",
                "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}",
                List.of(), "BACKWARD"));
        assertThat(content.hops()).containsExactly(
                new RecordHop("orders-enriched.v1-0@77", "order-enricher", Instant.parse("2024-05-01T12:00:01.250Z"),
                        List.of("orders.v1-0@1042")),
                new RecordHop("orders.v1-0@1042", "order-service", Instant.parse("2024-05-01T12:00:00Z"), List.of()));
    }

    @Test
    void eachKeyPresentCoversItsSourceEvenWhenEmpty() throws IOException {
        MeshContent content = parse("{\"acls\": [], \"hops\": [], \"groupMappings\": []}");

        assertThat(content.sources()).isEqualTo(Set.of(SourceKind.ACLS, SourceKind.HOPS, SourceKind.GROUP_MAPPING));
    }

    @Test
    void documentWithoutSectionsCoversNothing() throws IOException {
        assertThat(parse("{\"cluster\": \"default\"}")).isEqualTo(MeshContent.empty());
    }

    @Test
    void contentAsJacksonWritesItReadsBackUnchanged() throws IOException {
        MeshContent written = new MeshContent(EnumSet.allOf(SourceKind.class),
                List.of(new AclBinding(ResourceType.TOPIC, PatternType.LITERAL, "*", "User:*", "*", AclOperation.READ,
                        AclPermission.DENY)),
                List.of(new Topic("orders.v1", null, 3, -1, Map.of())),
                List.of(new ConsumerGroup("g", GroupState.EMPTY, null, null, List.of(),
                        List.of(new PartitionOffset("orders.v1", 2, 5L, null, null)))),
                List.of(new DataProduct("Orders", "orders.v1", "default", null, "sales", null, null, 2, "gold",
                        List.of("pii"), null, Lifecycle.DEPRECATED)),
                List.of(new ServiceInfo("User:svc", null, null, null, false)),
                List.of(new GroupMapping("g", "User:svc")),
                List.of(new SchemaVersion("orders.v1-value", 1, 4, "PROTOBUF", "syntax = \"proto3\";",
                        List.of("common:2"), null)),
                List.of(new RecordHop("orders.v1-2@5", "svc", Instant.parse("2024-05-01T12:00:00.123456Z"),
                        List.of("a-0@1", "b-0@2")))).canonical();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("cluster", "default");
        document.put("acls", written.acls());
        document.put("topics", written.topics());
        document.put("groups", written.groups());
        document.put("products", written.products());
        document.put("services", written.services());
        document.put("groupMappings", written.groupMappings());
        document.put("schemas", written.schemas());
        document.put("hops", written.hops());
        // Jackson's defaults, as anyone would write it (instants as numeric timestamps, derived getters included)
        String json = new ObjectMapper().registerModule(new JavaTimeModule()).writeValueAsString(document);

        assertThat(parse(json)).isEqualTo(written);
    }

    @Test
    void consumedHopAsJacksonWritesItReadsBackWithItsEvent() throws IOException {
        RecordHop consumed = new RecordHop("orders.v1-2@5", "audit", Instant.parse("2024-05-01T12:00:00Z"), List.of(),
                HopEvent.CONSUMED);
        // Jackson's defaults write the event and the derived "consumption" flag
        String json = new ObjectMapper().registerModule(new JavaTimeModule())
                .writeValueAsString(Map.of("hops", List.of(consumed)));

        assertThat(parse(json).hops()).containsExactly(consumed);
    }

    @Test
    void enumValuesMatchIgnoringCase() throws IOException {
        MeshContent content = parse("{\"acls\": [" + ACL_JSON.replace("\"READ\"", "\"read\"") + "]}");

        assertThat(content.acls()).extracting(AclBinding::operation).containsExactly(AclOperation.READ);
    }

    @Test
    void productsWithoutClusterBelongToTheImportCluster() throws IOException {
        MeshContent content = Fixtures.parse(new MeshJsonParser("prod-eu"), "mesh.json",
                "{\"products\": [{\"topic\": \"orders.v1\"}]}");

        assertThat(content.products()).extracting(DataProduct::cluster).containsExactly("prod-eu");
    }

    @Test
    void documentForAnotherClusterIsRefused() {
        assertThatThrownBy(() -> parse("{\n  \"cluster\": \"prod-eu\",\n  \"acls\": []\n}"))
                .isInstanceOf(InputException.class)
                .hasMessage("mesh.json:2: the document is for cluster 'prod-eu' but this import is for cluster "
                        + "'default'; import it with --cluster prod-eu");
    }

    @Test
    void productOfAnotherClusterIsRefused() {
        assertThatThrownBy(() -> parse("{\"products\": [\n{\"topic\": \"a\"},\n{\"topic\": \"b\", \"cluster\": \"x\"}]}"))
                .isInstanceOf(InputException.class)
                .hasMessage("mesh.json:3: at $.products[1]: product 'b' is on cluster 'x' but this import is for "
                        + "cluster 'default'; import it with --cluster x");
    }

    @Test
    void unknownEnumValueNamesLineAndPath() {
        String json = "{\n \"acls\": [\n  " + ACL_JSON + ",\n  " + ACL_JSON.replace("\"READ\"", "\"REED\"") + "\n ]\n}";

        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(InputException.class)
                .hasMessage("mesh.json:4: at $.acls[1].operation: 'REED' is not one of " + List.of(AclOperation.values()))
                .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(4));
    }

    @Test
    void missingRequiredFieldIsReportedWhereItsElementStarts() {
        String json = "{\"acls\": [\n{\n\"resourceType\": \"TOPIC\",\n\"patternType\": \"LITERAL\",\n"
                + "\"resourceName\": \"orders.v1\",\n\"operation\": \"READ\",\n\"permission\": \"ALLOW\"\n}\n]}";

        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(InputException.class)
                .hasMessage("mesh.json:2: at $.acls[0]: missing required field 'principal'");
    }

    @Test
    void leftOutNumberIsAnErrorRatherThanZero() {
        assertThatThrownBy(() -> parse("{\"topics\": [{\"name\": \"orders.v1\", \"partitions\": 3}]}"))
                .isInstanceOf(InputException.class)
                .hasMessage("mesh.json:1: at $.topics[0].replicationFactor: missing required field 'replicationFactor'");
    }

    @Test
    void wrongTypeNamesThePathInsideTheElement() {
        String json = "{\"groups\": [{\"groupId\": \"g\", \"offsets\": [\n{\"topic\": \"t\", \"partition\": \"first\"}]}]}";

        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(InputException.class)
                .hasMessage("mesh.json:2: at $.groups[0].offsets[0].partition: 'first' is not a valid whole number");
    }

    @Test
    void valueOfTheWrongShapeNamesWhatWasExpected() {
        assertThatThrownBy(() -> parse("{\"products\": [{\"topic\": \"orders.v1\", \"tags\": \"pii\"}]}"))
                .isInstanceOf(InputException.class)
                .hasMessage("mesh.json:1: at $.products[0].tags: expected an array but found a string 'pii'");
    }

    @Test
    void fractionalTierIsAnErrorRatherThanTruncated() {
        assertThatThrownBy(() -> parse("{\"products\": [{\"topic\": \"orders.v1\", \"slaTier\": 1.5}]}"))
                .isInstanceOf(InputException.class)
                .hasMessage("mesh.json:1: at $.products[0].slaTier: '1.5' is not a valid whole number");
    }

    @Test
    void nullForANumberIsAnError() {
        String json = "{\"topics\": [{\"name\": \"t\", \"partitions\": null, \"replicationFactor\": 1}]}";

        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(InputException.class)
                .hasMessage("mesh.json:1: at $.topics[0].partitions: expected a whole number but found null");
    }

    @Test
    void unknownFieldIsAnErrorNamingTheKnownOnes() {
        String json = "{\"groupMappings\": [\n{\"groupId\": \"g\", \"principal\": \"User:a\", \"owner\": \"x\"}]}";

        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(InputException.class)
                .hasMessage("mesh.json:2: at $.groupMappings[0].owner: unknown field 'owner', expected one of "
                        + "groupId, principal");
    }

    @Test
    void unknownTopLevelKeyIsAnError() {
        assertThatThrownBy(() -> parse("{\n\"acl\": []}"))
                .isInstanceOf(InputException.class)
                .hasMessage("mesh.json:2: unknown key 'acl', expected one of cluster, acls, topics, groups, products, "
                        + "services, groupMappings, schemas, hops, snapshot, lineage");
    }

    @Test
    void sectionThatIsNoArrayIsAnError() {
        assertThatThrownBy(() -> parse("{\"topics\": {\"name\": \"orders.v1\"}}"))
                .isInstanceOf(InputException.class)
                .hasMessage("mesh.json:1: at $.topics: expected an array of topic objects but found an object");
    }

    @Test
    void elementThatIsNoObjectIsAnError() {
        assertThatThrownBy(() -> parse("{\"hops\": [\n\"orders.v1-0@1\"]}"))
                .isInstanceOf(InputException.class)
                .hasMessage("mesh.json:2: at $.hops[0]: expected a record hop object but found a string");
    }

    @Test
    void nullElementIsAnError() {
        assertThatThrownBy(() -> parse("{\"acls\": [null]}"))
                .isInstanceOf(InputException.class)
                .hasMessage("mesh.json:1: at $.acls[0]: expected an ACL binding object but found null");
    }

    @Test
    void bareArrayIsRefused() {
        assertThatThrownBy(() -> parse("[" + ACL_JSON + "]"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("mesh.json:1: at $: expected a JSON object {\"cluster\": ...");
    }

    @Test
    void malformedJsonNamesItsLine() {
        assertThatThrownBy(() -> parse("{\n\"acls\": [\n" + ACL_JSON + ",\n" + ACL_JSON.replace("\"host\"", "host")
                + "]}"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("mesh.json:4: malformed JSON at $.acls[1]: Unexpected character ('h'");
    }

    @Test
    void repeatedKeyIsAnError() {
        assertThatThrownBy(() -> parse("{\"acls\": [],\n\"acls\": []}"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("mesh.json:2: malformed JSON")
                .hasMessageContaining("Duplicate field 'acls'");
    }

    @Test
    void contentAfterTheDocumentIsAnError() {
        assertThatThrownBy(() -> parse("{\"acls\": []}\n{\"topics\": []}"))
                .isInstanceOf(InputException.class)
                .hasMessage("mesh.json:2: unexpected content after the end of the document");
    }

    @Test
    void truncatedDocumentIsAnError() {
        assertThatThrownBy(() -> parse("{\"acls\": [\n" + ACL_JSON + ",\n"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("mesh.json:3: malformed JSON at $.acls: Unexpected end-of-input");
    }

    @Test
    void emptyFileIsAnError() {
        assertThatThrownBy(() -> parse("  \n"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("mesh.json:1: the file is empty; expected a JSON object");
    }

    @Test
    void byteOrderMarkIsSkipped() throws IOException {
        assertThat(parse("\uFEFF{\"acls\": [" + ACL_JSON + "]}").acls()).hasSize(1);
    }

    @Test
    void elementsReachTheSinkWhileTheDocumentIsStillBeingRead() throws IOException {
        int elements = 26_000;
        GeneratedDocument document = new GeneratedDocument(elements);
        long[] readAtFirst = {-1};
        long[] readAtThousandth = {-1};
        long[] received = {0};
        MeshContent.Collector ignored = new MeshContent.Collector();

        parser.parse("big.json", document, new CountingSink(ignored) {
            @Override
            public void acl(AclBinding acl) {
                received[0]++;
                if (received[0] == 1) {
                    readAtFirst[0] = document.produced();
                } else if (received[0] == 1_000) {
                    readAtThousandth[0] = document.produced();
                }
            }
        });

        assertThat(document.produced()).as("the document is about 50 MB").isGreaterThan(50_000_000L);
        assertThat(received[0]).isEqualTo(elements);
        // a parser that read the whole document first would have consumed all 50 MB before the first element
        assertThat(readAtFirst[0]).isLessThan(100_000L);
        assertThat(readAtThousandth[0]).isLessThan(1_000L * GeneratedDocument.ELEMENT_CHARS + 100_000L);
        assertThat(ignored.content().sources()).containsExactly(SourceKind.ACLS);
    }

    private static final String EXPORT_HEADER = "\"snapshot\": {\"cluster\": \"default\", \"id\": 7, "
            + "\"sources\": {\"acls\": 5, \"topics\": 7}, \"takenAt\": \"2026-03-01T08:00:00Z\"}";

    @Test
    void exportHeaderAndDerivedLineageAreAccepted() throws IOException {
        String json = "{\"acls\": [" + ACL_JSON + "],\n\"lineage\": {\"edges\": [{\"id\": \"x\"}], "
                + "\"nodes\": []},\n" + EXPORT_HEADER + ",\n\"topics\": []}";

        MeshContent content = parse(json);

        assertThat(content.sources()).containsExactlyInAnyOrder(SourceKind.ACLS, SourceKind.TOPICS);
        assertThat(content.acls()).containsExactly(acl("orders.v1", "User:a", AclOperation.READ));
    }

    @Test
    void snapshotHeaderIsReadWithoutTheRestOfTheDocument() throws IOException {
        String json = "{\"acls\": [" + ACL_JSON + "], " + EXPORT_HEADER + ", \"topics\": []}";

        var header = MeshJsonParser.readSnapshot("mesh.json", new java.io.StringReader(json)).orElseThrow();

        assertThat(header.id()).isEqualTo(7);
        assertThat(header.takenAt()).isEqualTo(Instant.parse("2026-03-01T08:00:00Z"));
        assertThat(header.cluster()).isEqualTo("default");
        assertThat(header.sources()).containsEntry(SourceKind.ACLS, 5L).containsEntry(SourceKind.TOPICS, 7L)
                .hasSize(2);
    }

    @Test
    void aDocumentWithoutHeaderHasNoSnapshot() throws IOException {
        assertThat(MeshJsonParser.readSnapshot("mesh.json", new java.io.StringReader("{\"acls\": []}"))).isEmpty();
    }

    @Test
    void aHeaderWhoseSourcesDifferFromTheSectionsIsRefused() {
        String json = "{\"acls\": [],\n" + EXPORT_HEADER + "}";

        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(InputException.class)
                .hasMessage("mesh.json:2: at $.snapshot.sources: the snapshot lists the sources [acls, topics] but "
                        + "the document has sections for [acls]; an export is imported whole");
    }

    @Test
    void aHeaderOfAnotherClusterIsRefused() {
        String json = "{\"acls\": [], \"topics\": [],\n" + EXPORT_HEADER + "}";

        assertThatThrownBy(() -> new MeshJsonParser("prod").parse("mesh.json", new java.io.StringReader(json),
                new MeshContent.Collector()))
                .isInstanceOf(InputException.class)
                .hasMessage("mesh.json:2: at $.snapshot.cluster: the export is of cluster 'default' but this import "
                        + "is for cluster 'prod'; import it with --cluster default");
    }

    @Test
    void aHeaderWithoutAValidTimeIsRefused() {
        String json = "{\n\"snapshot\": {\"cluster\": \"default\", \"id\": 7, \"sources\": {}, "
                + "\"takenAt\": \"yesterday\"}}";

        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(InputException.class)
                .hasMessage("mesh.json:2: at $.snapshot.takenAt: 'yesterday' is not an ISO-8601 instant such as "
                        + "2026-11-21T10:00:00Z");
    }

    @Test
    void aHeaderNamingAnUnknownSourceIsRefused() {
        String json = "{\"snapshot\": {\"cluster\": \"default\", \"id\": 7, \"sources\": {\"acl\": 1}, "
                + "\"takenAt\": \"2026-03-01T08:00:00Z\"}}";

        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("mesh.json:1: at $.snapshot.sources.acl: unknown source 'acl'");
    }

    @Test
    void aLineageThatIsNoObjectIsRefused() {
        assertThatThrownBy(() -> parse("{\"lineage\": []}"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("mesh.json:1: at $.lineage: expected the lineage object");
    }

    @Test
    void theLagAnExportWritesBesideEachOffsetIsIgnored() throws IOException {
        String json = "{\"groups\": [{\"groupId\": \"g\", \"offsets\": [{\"topic\": \"t\", \"partition\": 0, "
                + "\"committedOffset\": 5, \"endOffset\": 9, \"lag\": 4}]}]}";

        MeshContent content = parse(json);

        assertThat(content.groups().get(0).offsets()).containsExactly(new PartitionOffset("t", 0, 5L, 9L, null));
    }
}
