package dev.meshlens.engine.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshlens.engine.model.CatalogState;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.graphml.GraphMLImporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GraphExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static ExportMesh mesh;
    private static CatalogState state;
    private static Path export;

    @BeforeAll
    static void export() {
        mesh = new ExportMesh(dir.resolve("catalog"));
        state = mesh.imported();
        export = dir.resolve("out");
        new SnapshotExporter(state, ExportMesh.lineage(state))
                .export(export, EnumSet.of(ExportFormat.GRAPHML, ExportFormat.DOT), ExportOptions.of("1"));
    }

    @AfterAll
    static void closeStore() {
        mesh.close();
    }

    @Test
    void graphmlMatchesTheGraphMlSchemaAndReadsBackWithEveryNodeAndEdge() throws Exception {
        Graph<String, DefaultEdge> graph = new DefaultDirectedGraph<>(DefaultEdge.class);
        GraphMLImporter<String, DefaultEdge> importer = new GraphMLImporter<>();
        importer.setSchemaValidation(true);
        importer.setVertexFactory(id -> id);
        Map<String, Map<String, Attribute>> nodeAttributes = new HashMap<>();
        importer.addVertexAttributeConsumer((vertexAndKey, attribute) -> nodeAttributes.computeIfAbsent(
                vertexAndKey.getFirst(), v -> new HashMap<>()).put(vertexAndKey.getSecond(), attribute));
        try (Reader reader = Files.newBufferedReader(export.resolve("lineage.graphml"), StandardCharsets.UTF_8)) {
            importer.importGraph(graph, reader);
        }

        assertThat(graph.vertexSet()).hasSize(ExportMesh.lineage(state).graph().vertexSet().size());
        assertThat(graph.edgeSet()).hasSize(ExportMesh.lineage(state).graph().edgeSet().size());
        Map<String, String> byName = new HashMap<>();
        nodeAttributes.forEach((id, attributes) -> byName.put(attributes.get("kind").getValue() + ":"
                + attributes.get("name").getValue(), id));
        assertThat(graph.containsEdge(byName.get("product:orders"), byName.get("service:User:billing-svc"))).isTrue();
        Map<String, Attribute> orders = nodeAttributes.get(byName.get("product:orders"));
        assertThat(orders.get("tier").getValue()).isEqualTo("1");
        assertThat(orders.get("tier").getType()).isEqualTo(AttributeType.INT);
        assertThat(orders.get("owner").getValue()).isEqualTo("team-orders@acme.example");
        assertThat(byName).containsKey("service:" + ExportMesh.AUDITOR);
    }

    @Test
    void graphmlDeclaresATypedKeyForEveryAttribute() throws Exception {
        Document xml = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
                .parse(export.resolve("lineage.graphml").toFile());

        Map<String, String> types = new HashMap<>();
        NodeList keys = xml.getElementsByTagName("key");
        for (int i = 0; i < keys.getLength(); i++) {
            Element key = (Element) keys.item(i);
            types.put(key.getAttribute("attr.name") + "@" + key.getAttribute("for"), key.getAttribute("attr.type"));
        }
        assertThat(types).containsEntry("kind@all", "string").containsEntry("tier@node", "int")
                .containsEntry("quality@node", "string").containsEntry("owner@node", "string")
                .containsEntry("domain@node", "string").containsEntry("state@all", "string")
                .containsEntry("lag@edge", "long").containsEntry("evidence@edge", "string")
                .containsEntry("production@node", "boolean");
    }

    @Test
    void dotRendersWithGraphviz() throws Exception {
        Graphviz.Run run = Graphviz.dot("-Tsvg", export.resolve("lineage.dot").toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("<svg").contains("Orders");
    }

    @Test
    void graphvizReadsBackEveryNodeAndEdgeWithItsAttributes() throws Exception {
        Graphviz.Run run = Graphviz.dot("-Tjson0", export.resolve("lineage.dot").toString());
        assertThat(run.exit()).as(run.err()).isZero();

        JsonNode graph = JSON.readTree(run.out());
        assertThat(graph.get("objects")).hasSize(ExportMesh.lineage(state).graph().vertexSet().size());
        assertThat(graph.get("edges")).hasSize(ExportMesh.lineage(state).graph().edgeSet().size());
        JsonNode auditor = null;
        for (JsonNode node : graph.get("objects")) {
            if (ExportMesh.AUDITOR.equals(node.path("name").asText()) && "service".equals(node.path("kind").asText())) {
                auditor = node;
            }
        }
        assertThat(auditor).as("the principal with a backslash, a comma and quotes, read back exactly").isNotNull();
        JsonNode lagging = null;
        for (JsonNode edge : graph.get("edges")) {
            if ("lagging".equals(edge.path("state").asText())) {
                lagging = edge;
            }
        }
        assertThat(lagging).isNotNull();
        assertThat(lagging.get("lag").asText()).isEqualTo("10");
        assertThat(lagging.get("evidence").asText()).isEqualTo("acl;group");
        assertThat(lagging.get("groups").asText()).isEqualTo("billing-app");
    }
}
