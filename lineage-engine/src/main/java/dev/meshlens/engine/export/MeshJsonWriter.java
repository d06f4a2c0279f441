package dev.meshlens.engine.export;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.meshlens.engine.lineage.LineageEdge;
import dev.meshlens.engine.lineage.LineageNode;
import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.MeshContent;
import dev.meshlens.engine.model.SourceKind;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Writes {@code mesh.json}: the catalog state as the mesh JSON document {@code meshlens import} reads (see
 * importers/FORMATS.md), so an export can be re-opened, plus two keys the importer knows: {@code snapshot}
 * (the {@link ExportedSnapshot} header) and {@code lineage} (the derived graph: nodes with their attributes,
 * edges with evidence, state and lag; read-only).
 *
 * <p>Canonical: top-level keys in alphabetical order, elements in the content's canonical order, properties
 * sorted; a source key is written exactly when the state holds that source, so an import covers the same
 * sources. The document is streamed element by element. User information in a product's Bootstrap or Schema
 * URI (a password a catalog sheet should not have held) is left out.
 */
final class MeshJsonWriter {
    private static final Logger LOG = LoggerFactory.getLogger(MeshJsonWriter.class);
    /** The file name inside an export directory. */
    static final String FILE = "mesh.json";

    private MeshJsonWriter() {
    }

    static void write(ExportGraph graph, Writer out) throws IOException {
        CatalogState state = graph.state();
        MeshContent content = state.content();
        try (JsonGenerator g = ExportJson.prettyGenerator(out)) {
            g.writeStartObject();
            // alphabetical: acls, cluster, groupMappings, groups, hops, lineage, products, schemas, services,
            // snapshot, topics
            section(g, state, SourceKind.ACLS, "acls", content.acls());
            g.writeStringField("cluster", state.cluster());
            section(g, state, SourceKind.GROUP_MAPPING, "groupMappings", content.groupMappings());
            section(g, state, SourceKind.GROUPS, "groups", content.groups());
            section(g, state, SourceKind.HOPS, "hops", content.hops());
            lineage(g, graph);
            section(g, state, SourceKind.CATALOG, "products", content.products().stream()
                    .map(MeshJsonWriter::withoutCredentials).toList());
            section(g, state, SourceKind.SCHEMAS, "schemas", content.schemas());
            section(g, state, SourceKind.SERVICES, "services", content.services());
            g.writeFieldName("snapshot");
            ExportJson.MAPPER.writeValue(g, snapshot(ExportedSnapshot.of(state)));
            section(g, state, SourceKind.TOPICS, "topics", content.topics());
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    /** The header as written: {@code {cluster, id, sources: {label: snapshot id}, takenAt}}. */
    static Map<String, Object> snapshot(ExportedSnapshot header) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("cluster", header.cluster());
        json.put("id", header.id());
        Map<String, Long> sources = new TreeMap<>();
        header.sources().forEach((source, id) -> sources.put(source.label(), id));
        json.put("sources", sources);
        json.put("takenAt", header.takenAt().toString());
        return json;
    }

    /**
     * The product with any user information left out of its Bootstrap and Schema URIs: credentials never reach
     * an export, even when a catalog sheet carried them.
     */
    private static DataProduct withoutCredentials(DataProduct p) {
        String bootstrap = BootstrapServers.withoutCredentials(p.bootstrapUri());
        String schema = BootstrapServers.withoutCredentials(p.schemaUri());
        if (Objects.equals(bootstrap, p.bootstrapUri()) && Objects.equals(schema, p.schemaUri())) {
            return p;
        }
        LOG.warn("the catalog entry of topic {} holds credentials in a URI; they are left out of the export",
                p.topic());
        return new DataProduct(p.name(), p.topic(), p.cluster(), bootstrap, p.domain(), p.owner(), p.description(),
                p.slaTier(), p.quality(), p.tags(), schema, p.lifecycle());
    }

    private static void section(JsonGenerator g, CatalogState state, SourceKind source, String key, List<?> facts)
            throws IOException {
        if (!state.has(source)) {
            return;
        }
        g.writeArrayFieldStart(key);
        for (Object fact : facts) {
            ExportJson.MAPPER.writeValue(g, fact);
        }
        g.writeEndArray();
    }

    private static void lineage(JsonGenerator g, ExportGraph graph) throws IOException {
        g.writeObjectFieldStart("lineage");
        g.writeArrayFieldStart("edges");
        for (LineageEdge edge : graph.edges()) {
            Map<String, Object> json = new LinkedHashMap<>(graph.attributes(edge));
            json.put("id", ExportGraph.id(edge));
            json.put("source", ExportGraph.id(edge.from()));
            json.put("target", ExportGraph.id(edge.to()));
            ExportJson.MAPPER.writeValue(g, json);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("nodes");
        for (LineageNode node : graph.nodes()) {
            Map<String, Object> json = new LinkedHashMap<>(graph.attributes(node));
            json.put("id", ExportGraph.id(node));
            ExportJson.MAPPER.writeValue(g, json);
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
