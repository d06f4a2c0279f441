package dev.meshlens.engine.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshlens.engine.model.AclBinding;
import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.ConsumerGroup;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.GroupMapping;
import dev.meshlens.engine.model.MeshContent;
import dev.meshlens.engine.model.RecordHop;
import dev.meshlens.engine.model.SchemaVersion;
import dev.meshlens.engine.model.ServiceInfo;
import dev.meshlens.engine.model.SourceKind;
import dev.meshlens.engine.model.Topic;
import dev.meshlens.engine.store.FactSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class MeshJsonExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FactSerializer FACTS = new FactSerializer();

    @TempDir
    static Path catalog;
    private static ExportMesh mesh;
    private static CatalogState state;

    @TempDir
    Path dir;

    @BeforeAll
    static void importMesh() {
        mesh = new ExportMesh(catalog);
        state = mesh.imported();
    }

    @AfterAll
    static void closeStore() {
        mesh.close();
    }

    private static JsonNode exportJson(CatalogState exported, Path out) throws IOException {
        new SnapshotExporter(exported, ExportMesh.lineage(exported))
                .export(out, EnumSet.of(ExportFormat.JSON), ExportOptions.of("1"));
        return JSON.readTree(out.resolve("mesh.json").toFile());
    }

    private static <T> List<T> section(JsonNode root, String key, Class<T> type) {
        List<T> facts = new ArrayList<>();
        root.get(key).forEach(element -> facts.add(FACTS.fromJson(element.toString(), type)));
        return facts;
    }

    @Test
    void jsonHoldsEveryFactOfTheState() throws IOException {
        JsonNode root = exportJson(state, dir.resolve("out"));

        MeshContent content = state.content();
        assertThat(section(root, "acls", AclBinding.class)).isEqualTo(content.acls());
        assertThat(section(root, "topics", Topic.class)).isEqualTo(content.topics());
        assertThat(section(root, "groups", ConsumerGroup.class)).isEqualTo(content.groups());
        assertThat(section(root, "products", DataProduct.class)).isEqualTo(content.products());
        assertThat(section(root, "services", ServiceInfo.class)).isEqualTo(content.services());
        assertThat(section(root, "groupMappings", GroupMapping.class)).isEqualTo(content.groupMappings());
        assertThat(section(root, "schemas", SchemaVersion.class)).isEqualTo(content.schemas());
        assertThat(section(root, "hops", RecordHop.class)).isEqualTo(content.hops());
        assertThat(root.get("cluster").asText()).isEqualTo("prod");
    }

    @Test
    void topLevelKeysAreInAlphabeticalOrder() throws IOException {
        JsonNode root = exportJson(state, dir.resolve("out"));

        List<String> keys = new ArrayList<>();
        root.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("acls", "cluster", "groupMappings", "groups", "hops", "lineage", "products",
                "schemas", "services", "snapshot", "topics");
    }

    @Test
    void propertiesOfEveryElementAreInAlphabeticalOrder() throws IOException {
        JsonNode root = exportJson(state, dir.resolve("out"));

        List<String> offsetKeys = new ArrayList<>();
        root.get("groups").get(1).get("offsets").get(0).fieldNames().forEachRemaining(offsetKeys::add);
        assertThat(offsetKeys).containsExactly("committedOffset", "endOffset", "lag", "memberId", "partition",
                "topic");
        List<String> productKeys = new ArrayList<>();
        root.get("products").get(0).fieldNames().forEachRemaining(productKeys::add);
        assertThat(productKeys).isSorted();
    }

    @Test
    void offsetsCarryTheirLag() throws IOException {
        JsonNode root = exportJson(state, dir.resolve("out"));

        JsonNode billing = root.get("groups").get(1);
        assertThat(billing.get("groupId").asText()).isEqualTo("billing-app");
        assertThat(billing.get("offsets").get(0).get("lag").asLong()).isEqualTo(10);
        assertThat(billing.get("offsets").get(1).get("lag").asLong()).isZero();
    }

    @Test
    void snapshotHeaderNamesTheSnapshotEachSourceComesFrom() throws IOException {
        MeshContent.Collector catalogOnly = new MeshContent.Collector();
        catalogOnly.cover(SourceKind.CATALOG);
        try (ExportMesh twoImports = new ExportMesh(dir.resolve("catalog"))) {
            twoImports.importContent(ExportMesh.full(), ExportMesh.T1);
            CatalogState later = twoImports.state(
                    twoImports.importContent(catalogOnly.content(), ExportMesh.T1.plusSeconds(3600)));

            JsonNode snapshot = exportJson(later, dir.resolve("out")).get("snapshot");

            assertThat(snapshot.get("id").asLong()).isEqualTo(2);
            assertThat(snapshot.get("takenAt").asText()).isEqualTo("2026-03-01T09:00:00Z");
            assertThat(snapshot.get("cluster").asText()).isEqualTo("prod");
            assertThat(snapshot.get("sources").get("catalog").asLong()).isEqualTo(2);
            assertThat(snapshot.get("sources").get("acls").asLong()).isEqualTo(1);
            assertThat(snapshot.get("sources").get("group-mapping").asLong()).isEqualTo(1);
        }
    }

    @Test
    void onlySourcesTheStateHoldsGetAKey() throws IOException {
        MeshContent.Collector aclsAndTopics = new MeshContent.Collector();
        aclsAndTopics.cover(SourceKind.ACLS);
        aclsAndTopics.cover(SourceKind.TOPICS);
        ExportMesh.full().acls().forEach(aclsAndTopics::acl);
        try (ExportMesh partial = new ExportMesh(dir.resolve("catalog"))) {
            CatalogState partialState = partial.state(partial.importContent(aclsAndTopics.content(), ExportMesh.T1));

            JsonNode root = exportJson(partialState, dir.resolve("out"));

            List<String> keys = new ArrayList<>();
            root.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).containsExactly("acls", "cluster", "lineage", "snapshot", "topics");
            assertThat(root.get("topics")).isEmpty();
            assertThat(Set.copyOf(JSON.convertValue(root.get("snapshot").get("sources"), java.util.Map.class)
                    .keySet())).containsExactlyInAnyOrder("acls", "topics");
        }
    }

    @Test
    void lineageSectionListsEveryNodeAndEdgeWithItsFacts() throws IOException {
        JsonNode lineage = exportJson(state, dir.resolve("out")).get("lineage");

        assertThat(lineage.get("edges")).hasSize(ExportMesh.lineage(state).facts().size());
        assertThat(lineage.get("nodes")).hasSize(ExportMesh.lineage(state).graph().vertexSet().size());
        JsonNode read = find(lineage.get("edges"), "read:product:orders->service:User:billing-svc");
        assertThat(JSON.convertValue(read, java.util.Map.class)).containsEntry("kind", "read")
                .containsEntry("source", "product:orders").containsEntry("target", "service:User:billing-svc")
                .containsEntry("state", "lagging").containsEntry("lag", 10)
                .containsEntry("evidence", List.of("acl", "group")).containsEntry("groups", List.of("billing-app"))
                .containsEntry("hosts", List.of("*"));
        JsonNode orders = find(lineage.get("nodes"), "product:orders");
        assertThat(JSON.convertValue(orders, java.util.Map.class)).containsEntry("label", "Orders")
                .containsEntry("owner", "team-orders@acme.example").containsEntry("tier", 1)
                .containsEntry("quality", "gold").containsEntry("domain", "sales")
                .containsEntry("tags", List.of("pii", "financial")).containsEntry("registered", true);
    }

    private static JsonNode find(JsonNode array, String id) {
        for (JsonNode element : array) {
            if (element.get("id").asText().equals(id)) {
                return element;
            }
        }
        throw new AssertionError("no " + id + " in " + array);
    }
}
