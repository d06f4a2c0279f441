package dev.meshlens.engine.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshlens.engine.model.CatalogState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OpenLineageExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenLineageSpec SPEC = new OpenLineageSpec();

    @TempDir
    static Path dir;
    private static ExportMesh mesh;
    private static List<JsonNode> events;

    @BeforeAll
    static void export() throws IOException {
        mesh = new ExportMesh(dir.resolve("catalog"));
        CatalogState state = mesh.imported();
        Path out = dir.resolve("out");
        new SnapshotExporter(state, ExportMesh.lineage(state))
                .export(out, EnumSet.of(ExportFormat.OPENLINEAGE), ExportOptions.of("1.2.3"));
        events = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("openlineage.jsonl"), StandardCharsets.UTF_8)) {
            events.add(JSON.readTree(line));
        }
    }

    @AfterAll
    static void closeStore() {
        mesh.close();
    }

    @Test
    void everyEventMeetsTheOpenLineageEventContract() {
        assertThat(events).isNotEmpty();
        for (JsonNode event : events) {
            assertThat(SPEC.validateEvent(event)).as(event.toString()).isEmpty();
        }
    }

    @Test
    void everyFacetMeetsTheOpenLineageFacetContract() {
        List<String> checked = new ArrayList<>();
        for (JsonNode event : events) {
            List<JsonNode> withFacets = new ArrayList<>();
            withFacets.add(event.path("dataset"));
            withFacets.add(event.path("job"));
            event.path("inputs").forEach(withFacets::add);
            event.path("outputs").forEach(withFacets::add);
            for (JsonNode entity : withFacets) {
                for (Iterator<Map.Entry<String, JsonNode>> it = entity.path("facets").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> facet = it.next();
                    assertThat(SPEC.validateFacet(facet.getKey(), facet.getValue())).as(facet.toString()).isEmpty();
                    checked.add(facet.getKey());
                }
            }
        }
        assertThat(checked).contains("schema", "ownership", "documentation", "jobType");
    }

    @Test
    void theContractRejectsAnEventWithoutProducer() {
        ObjectNode broken = events.get(0).deepCopy();
        broken.remove("producer");

        assertThat(SPEC.validateEvent(broken)).isNotEmpty();
    }

    @Test
    void theFacetContractRejectsASchemaFieldWithoutName() {
        ObjectNode facet = dataset("orders").get("facets").get("schema").deepCopy();
        ((ObjectNode) facet.get("fields").get(0)).remove("name");

        assertThat(SPEC.validateFacet("schema", facet)).isNotEmpty();
    }

    @Test
    void oneJobPerServiceAndPerUnnamedGroupWithWhatItReadsAndWrites() {
        List<String> jobs = jobs().stream().map(j -> j.get("job").get("name").asText()).toList();

        assertThat(jobs).containsExactly("consumer-group:rogue-group", ExportMesh.AUDITOR, "User:billing-svc",
                "User:orders-svc", "User:shipping-svc");
        JsonNode billing = job("User:billing-svc");
        assertThat(billing.get("job").get("namespace").asText()).isEqualTo("meshlens://prod");
        assertThat(names(billing.get("inputs"))).containsExactly("orders");
        assertThat(names(billing.get("outputs"))).containsExactly("invoices");
        assertThat(names(job("consumer-group:rogue-group").get("inputs"))).containsExactly("invoices");
    }

    @Test
    void everyProductIsADatasetInTheKafkaNamespaceOfTheCatalogsBootstrapServer() {
        List<JsonNode> datasets = events.stream().filter(e -> e.has("dataset")).map(e -> e.get("dataset")).toList();

        assertThat(names(datasets)).containsExactly("audit.log", "invoices", "orders");
        assertThat(datasets).allSatisfy(d -> assertThat(d.get("namespace").asText())
                .isEqualTo("kafka://broker-1:9093"));
    }

    @Test
    void schemaFacetListsTheFieldsOfTheLatestRegisteredVersion() {
        JsonNode fields = dataset("orders").get("facets").get("schema").get("fields");

        assertThat(names(fields)).containsExactly("id", "amount", "customer", "customer.email");
        assertThat(fields.get(1).get("type").asText()).isEqualTo("long");
        assertThat(fields.get(1).get("description").asText()).isEqualTo("in cents");
    }

    @Test
    void ownershipFacetsNameTheCatalogAndServiceOwners() {
        assertThat(dataset("orders").get("facets").get("ownership").get("owners").get(0).get("name").asText())
                .isEqualTo("team-orders@acme.example");
        assertThat(job("User:billing-svc").get("job").get("facets").get("ownership").get("owners").get(0)
                .get("name").asText()).isEqualTo("team-billing");
        assertThat(dataset("audit.log").has("facets")).isFalse();
    }

    @Test
    void eventsAreDatedAtTheSnapshotTime() {
        assertThat(events).allSatisfy(e -> assertThat(e.get("eventTime").asText()).isEqualTo("2026-03-01T08:00:00Z"));
        assertThat(events).allSatisfy(e -> assertThat(e.get("producer").asText()).isEqualTo("urn:meshlens:1.2.3"));
    }

    private static List<JsonNode> jobs() {
        return events.stream().filter(e -> e.has("job")).toList();
    }

    private static JsonNode job(String name) {
        return jobs().stream().filter(j -> j.get("job").get("name").asText().equals(name)).findFirst().orElseThrow();
    }

    private static JsonNode dataset(String topic) {
        return events.stream().filter(e -> e.has("dataset") && e.get("dataset").get("name").asText().equals(topic))
                .findFirst().orElseThrow().get("dataset");
    }

    private static List<String> names(Iterable<JsonNode> nodes) {
        List<String> names = new ArrayList<>();
        nodes.forEach(n -> names.add(n.get("name").asText()));
        return names;
    }
}
