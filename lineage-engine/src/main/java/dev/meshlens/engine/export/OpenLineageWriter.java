package dev.meshlens.engine.export;

import dev.meshlens.engine.lineage.EdgeKind;
import dev.meshlens.engine.lineage.GroupNode;
import dev.meshlens.engine.lineage.LineageEdge;
import dev.meshlens.engine.lineage.LineageNode;
import dev.meshlens.engine.lineage.ProductNode;
import dev.meshlens.engine.lineage.ServiceNode;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.SchemaVersion;
import dev.meshlens.engine.model.ServiceInfo;
import dev.meshlens.engine.schema.SchemaField;
import dev.meshlens.engine.schema.SchemaFields;
import dev.meshlens.engine.schema.SubjectNaming;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Writer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes {@code openlineage.jsonl}: the static lineage of the snapshot as OpenLineage 2-0-2 events, one compact
 * JSON event per line, dated at the snapshot's time, so Marquez, DataHub or OpenMetadata can ingest it.
 *
 * <ul>
 *   <li>One {@code DatasetEvent} per product (topic), sorted by topic: dataset namespace
 *       {@code kafka://<bootstrap host:port>} (the catalog's Bootstrap URI, else {@code kafka://<cluster>}), name
 *       the topic, with the {@code schema} facet from the registered value schema (the subject and version the
 *       catalog's Schema URI names, else {@code <topic>-value}, latest version), the {@code ownership} facet from
 *       the catalog owner and the {@code documentation} facet from its description.</li>
 *   <li>One {@code JobEvent} per service (principal) and per consumer group standing for an unknown principal,
 *       in namespace {@code meshlens://<cluster>}, named by principal ({@code consumer-group:<id>} for groups),
 *       with the topics it reads as inputs and writes as outputs (the same dataset facets), a {@code jobType}
 *       facet (STREAMING, integration KAFKA) and an {@code ownership} facet from services.csv.</li>
 * </ul>
 */
final class OpenLineageWriter {
    static final String FILE = "openlineage.jsonl";

    private static final Logger LOG = LoggerFactory.getLogger(OpenLineageWriter.class);
    private static final String SPEC = "https://openlineage.io/spec/2-0-2/OpenLineage.json";
    private static final String SCHEMA_FACET =
            "https://openlineage.io/spec/facets/1-0-0/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet";
    private static final String OWNERSHIP_DATASET_FACET =
            "https://openlineage.io/spec/facets/1-0-0/OwnershipDatasetFacet.json#/$defs/OwnershipDatasetFacet";
    private static final String DOCUMENTATION_DATASET_FACET =
            "https://openlineage.io/spec/1-0-1/DocumentationDatasetFacet.json#/$defs/DocumentationDatasetFacet";
    private static final String OWNERSHIP_JOB_FACET =
            "https://openlineage.io/spec/facets/1-0-0/OwnershipJobFacet.json#/$defs/OwnershipJobFacet";
    private static final String JOB_TYPE_FACET =
            "https://openlineage.io/spec/facets/2-0-4/JobTypeJobFacet.json#/$defs/JobTypeJobFacet";
    /** A registry URI such as {@code https://registry/subjects/orders-value/versions/3}. */
    private static final Pattern SUBJECT_URI = Pattern.compile("/subjects/([^/?#]+)/versions/([^/?#]+)");
    /** The job name prefix of a consumer group; principals always have a {@code Type:} prefix of their own. */
    static final String GROUP_JOB_PREFIX = "consumer-group:";

    private final ExportGraph graph;
    private final String producer;
    private final String eventTime;
    private final String datasetNamespace;
    private final String jobNamespace;
    private final Map<String, List<SchemaVersion>> schemasBySubject = new HashMap<>();
    private final Map<String, ServiceInfo> services = new HashMap<>();
    private final Map<String, Map<String, Object>> datasetFacets = new HashMap<>();

    OpenLineageWriter(ExportGraph graph, String meshlensVersion) {
        this.graph = graph;
        this.producer = producer(meshlensVersion);
        this.eventTime = graph.state().asOf().takenAt().toString();
        String bootstrap = BootstrapServers.primary(graph.state().content().products());
        this.datasetNamespace = "kafka://" + (bootstrap != null ? bootstrap : graph.state().cluster());
        this.jobNamespace = "meshlens://" + graph.state().cluster();
        // canonical content: versions of a subject come in ascending order
        graph.state().content().schemas().forEach(s ->
                schemasBySubject.computeIfAbsent(s.subject(), k -> new ArrayList<>()).add(s));
        graph.state().content().services().forEach(s -> services.putIfAbsent(s.principal(), s));
    }

    /** The producer URI of the events: Meshlens and its version. */
    static String producer(String meshlensVersion) {
        return "urn:meshlens:" + URLEncoderLite.encode(meshlensVersion);
    }

    void write(Writer out) throws IOException {
        for (LineageNode node : graph.nodes()) {
            if (node instanceof ProductNode product) {
                line(out, datasetEvent(product));
            }
        }
        for (LineageNode node : graph.nodes()) {
            if (!(node instanceof ProductNode)) {
                line(out, jobEvent(node));
            }
        }
    }

    private Map<String, Object> datasetEvent(ProductNode product) {
        Map<String, Object> event = base("DatasetEvent");
        event.put("dataset", dataset(product.topic()));
        return event;
    }

    private Map<String, Object> jobEvent(LineageNode node) {
        Map<String, Object> event = base("JobEvent");
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("namespace", jobNamespace);
        job.put("name", node instanceof GroupNode g ? GROUP_JOB_PREFIX + g.groupId() : node.name());
        job.put("facets", jobFacets(node));
        event.put("job", job);
        TreeSet<String> inputs = new TreeSet<>();
        TreeSet<String> outputs = new TreeSet<>();
        for (LineageEdge edge : graph.lineage().graph().edgesOf(node)) {
            if (edge.kind() == EdgeKind.READ && edge.to().equals(node)) {
                inputs.add(edge.from().name());
            } else if (edge.kind() == EdgeKind.WRITE && edge.from().equals(node)) {
                outputs.add(edge.to().name());
            }
        }
        event.put("inputs", inputs.stream().map(this::dataset).toList());
        event.put("outputs", outputs.stream().map(this::dataset).toList());
        return event;
    }

    private Map<String, Object> base(String eventType) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventTime", eventTime);
        event.put("producer", producer);
        event.put("schemaURL", SPEC + "#/$defs/" + eventType);
        return event;
    }

    private Map<String, Object> dataset(String topic) {
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("namespace", datasetNamespace);
        dataset.put("name", topic);
        Map<String, Object> facets = datasetFacets.computeIfAbsent(topic, this::datasetFacets);
        if (!facets.isEmpty()) {
            dataset.put("facets", facets);
        }
        return dataset;
    }

    private Map<String, Object> datasetFacets(String topic) {
        Map<String, Object> facets = new TreeMap<>();
        DataProduct product = graph.product(topic);
        schemaFacet(topic, product).ifPresent(f -> facets.put("schema", f));
        if (product != null && product.owner() != null && !product.owner().isBlank()) {
            facets.put("ownership", ownership(product.owner(), OWNERSHIP_DATASET_FACET));
        }
        if (product != null && product.description() != null && !product.description().isBlank()) {
            Map<String, Object> documentation = facet(DOCUMENTATION_DATASET_FACET);
            documentation.put("description", product.description());
            facets.put("documentation", documentation);
        }
        return facets;
    }

    private Map<String, Object> jobFacets(LineageNode node) {
        Map<String, Object> facets = new TreeMap<>();
        Map<String, Object> jobType = facet(JOB_TYPE_FACET);
        jobType.put("processingType", "STREAMING");
        jobType.put("integration", "KAFKA");
        jobType.put("jobType", node instanceof ServiceNode ? "SERVICE" : "CONSUMER_GROUP");
        facets.put("jobType", jobType);
        if (node instanceof ServiceNode s) {
            ServiceInfo service = services.get(s.principal());
            if (service != null && service.owner() != null && !service.owner().isBlank()) {
                facets.put("ownership", ownership(service.owner(), OWNERSHIP_JOB_FACET));
            }
        }
        return facets;
    }

    private Map<String, Object> ownership(String owner, String schemaUrl) {
        Map<String, Object> facet = facet(schemaUrl);
        facet.put("owners", List.of(Map.of("name", owner)));
        return facet;
    }

    private Optional<Map<String, Object>> schemaFacet(String topic, DataProduct product) {
        Optional<SchemaVersion> version = registeredSchema(topic, product);
        if (version.isEmpty()) {
            return Optional.empty();
        }
        List<SchemaField> fields;
        try {
            fields = SchemaFields.of(version.get());
        } catch (InputException | IllegalArgumentException e) {
            LOG.warn("no schema facet for topic {}: {}", topic, e.getMessage());
            return Optional.empty();
        }
        List<Map<String, Object>> json = new ArrayList<>(fields.size());
        for (SchemaField field : fields) {
            Map<String, Object> f = new LinkedHashMap<>();
            // a schema that is not a record has one unnamed field: the record value itself
            f.put("name", field.path().isEmpty() ? "value" : field.path());
            f.put("type", field.type());
            if (field.doc() != null) {
                f.put("description", field.doc());
            }
            json.add(f);
        }
        Map<String, Object> facet = facet(SCHEMA_FACET);
        facet.put("fields", json);
        return Optional.of(facet);
    }

    /** The schema version the catalog's Schema URI names, else the latest version of {@code <topic>-value}. */
    private Optional<SchemaVersion> registeredSchema(String topic, DataProduct product) {
        String subject = SubjectNaming.valueSubject(topic);
        String version = "latest";
        if (product != null && product.schemaUri() != null) {
            Matcher m = SUBJECT_URI.matcher(product.schemaUri());
            if (m.find()) {
                subject = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
                version = m.group(2);
            }
        }
        List<SchemaVersion> versions = schemasBySubject.getOrDefault(subject, List.of());
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        if ("latest".equalsIgnoreCase(version)) {
            return Optional.of(versions.get(versions.size() - 1));
        }
        String wanted = version;
        return versions.stream().filter(v -> Integer.toString(v.version()).equals(wanted)).findFirst();
    }

    private Map<String, Object> facet(String schemaUrl) {
        Map<String, Object> facet = new LinkedHashMap<>();
        facet.put("_producer", producer);
        facet.put("_schemaURL", schemaUrl);
        return facet;
    }

    private static void line(Writer out, Map<String, Object> event) throws IOException {
        out.write(ExportJson.MAPPER.writeValueAsString(event));
        out.write('\n');
    }

    /** Percent-encodes what a URN must not hold, keeping the characters versions are made of. */
    private static final class URLEncoderLite {
        private URLEncoderLite() {
        }

        static String encode(String text) {
            StringBuilder encoded = new StringBuilder();
            for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
                char c = (char) (b & 0xff);
                if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                    encoded.append(c);
                } else {
                    encoded.append('%').append(String.format("%02X", b & 0xff));
                }
            }
            return encoded.toString();
        }
    }
}
