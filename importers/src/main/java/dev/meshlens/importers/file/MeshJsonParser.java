package dev.meshlens.importers.file;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.meshlens.engine.export.ExportedSnapshot;
import dev.meshlens.engine.model.AclBinding;
import dev.meshlens.engine.model.ConsumerGroup;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.GroupMapping;
import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.MeshSink;
import dev.meshlens.engine.model.PartitionOffset;
import dev.meshlens.engine.model.RecordHop;
import dev.meshlens.engine.model.SchemaVersion;
import dev.meshlens.engine.model.ServiceInfo;
import dev.meshlens.engine.model.SourceKind;
import dev.meshlens.engine.model.Topic;
import dev.meshlens.engine.model.TopicPartition;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * Reads the mesh JSON document: {@code {"cluster": "...", "acls": [...], "topics": [...], "groups": [...],
 * "products": [...], "services": [...], "groupMappings": [...], "schemas": [...], "hops": [...]}}, whose
 * elements are the model records as Jackson writes them (see importers/FORMATS.md). Each key present covers
 * its source, even with an empty array; keys left out cover nothing.
 *
 * <p>A JSON export ({@code mesh.json} of {@code meshlens export}) is such a document with two more keys:
 * {@code snapshot}, the {@link ExportedSnapshot} header, whose cluster must be the import's and whose sources must
 * be exactly the sections present (so an import restores the covered sources), and {@code lineage}, the derived
 * lineage graph, which is skipped (the importer rebuilds lineage from the facts). {@link #readSnapshot} reads the
 * header alone, e.g. to restore the snapshot's time.
 *
 * <p>The document is streamed: Jackson's token parser walks the arrays and binds one element at a time, so
 * a file of any size needs memory for one element only.
 */
public final class MeshJsonParser implements MeshFileParser {
    private static final String CLUSTER_KEY = "cluster";
    private static final String SNAPSHOT_KEY = "snapshot";
    private static final String LINEAGE_KEY = "lineage";
    private static final List<String> SNAPSHOT_FIELDS = List.of("cluster", "id", "sources", "takenAt");

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    // a key given twice would silently lose one of its values
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    // the caller owns the reader
                    .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                    .build())
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // a tier of 1.5 is a mistake, not tier 1
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .addMixIn(Topic.class, TopicRequired.class)
            .addMixIn(SchemaVersion.class, SchemaVersionRequired.class)
            .addMixIn(PartitionOffset.class, OffsetRequired.class)
            .addMixIn(TopicPartition.class, PartitionRequired.class)
            .addHandler(new DerivedProperties())
            .build();

    private static final Map<String, Section<?>> SECTIONS = sections();

    private final String cluster;

    /** A parser for the cluster named {@code default}. */
    public MeshJsonParser() {
        this("default");
    }

    /**
     * A parser for an import into {@code cluster}. A document that names another cluster is refused, and
     * products that name none are given this one.
     */
    public MeshJsonParser(String cluster) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
    }

    /**
     * {@inheritDoc}
     *
     * <p>Errors name the file, the line and the JSON path of the culprit, e.g.
     * {@code mesh.json:14: at $.acls[2].operation: 'REED' is not one of [ALL, READ, ...]}.
     */
    @Override
    public void parse(String fileName, Reader reader, MeshSink sink) throws IOException {
        try (JsonParser parser = MAPPER.createParser(TextInput.skipBom(reader))) {
            new Walk(fileName, parser, Objects.requireNonNull(sink, "sink")).document();
        }
    }

    /**
     * Reads only the {@code snapshot} header of a document (a JSON export), skipping everything else without
     * binding it. The header's cluster is not checked against any import.
     *
     * @return the header, or empty when the document has none (it is not an export)
     * @throws InputException naming the file and line when the document is malformed up to the header, or the
     *                        header is
     * @throws IOException    when reading fails
     */
    public static Optional<ExportedSnapshot> readSnapshot(String fileName, Reader reader) throws IOException {
        try (JsonParser parser = MAPPER.createParser(TextInput.skipBom(reader))) {
            return Optional.ofNullable(new MeshJsonParser().new Walk(fileName, parser, null).document());
        }
    }

    /**
     * One pass over one document; holds where the parser is, for error messages. Without a sink it only looks for
     * the snapshot header.
     */
    private final class Walk {
        private final String fileName;
        private final JsonParser parser;
        private final MeshSink sink;
        private final Set<SourceKind> sections = EnumSet.noneOf(SourceKind.class);
        private ExportedSnapshot snapshot;
        private long snapshotLine;
        private String path = "$";

        Walk(String fileName, JsonParser parser, MeshSink sink) {
            this.fileName = fileName;
            this.parser = parser;
            this.sink = sink;
        }

        /** Reads the document; returns its snapshot header, or null when it has none. */
        ExportedSnapshot document() throws IOException {
            JsonToken token = next();
            if (token == null) {
                throw new InputException(fileName, 1, "the file is empty; expected a JSON object " + shape());
            }
            if (token != JsonToken.START_OBJECT) {
                throw expected("a JSON object " + shape(), token);
            }
            while ((token = next()) == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                path = "$." + key;
                if (CLUSTER_KEY.equals(key)) {
                    clusterName();
                } else if (SNAPSHOT_KEY.equals(key)) {
                    snapshot();
                    if (sink == null) {
                        return snapshot;
                    }
                } else if (LINEAGE_KEY.equals(key)) {
                    skipObject("the lineage object {\"nodes\": [...], \"edges\": [...]}");
                } else {
                    Section<?> section = SECTIONS.get(key);
                    if (section == null) {
                        throw new InputException(fileName, line(parser.currentTokenLocation()), "unknown key '" + key
                                + "', expected one of " + CLUSTER_KEY + ", " + String.join(", ", SECTIONS.keySet())
                                + ", " + SNAPSHOT_KEY + ", " + LINEAGE_KEY);
                    }
                    if (sink == null) {
                        skipSection(section);
                    } else {
                        section(section);
                    }
                }
                path = "$";
            }
            token = next();
            if (token != null) {
                throw new InputException(fileName, line(parser.currentTokenLocation()),
                        "unexpected content after the end of the document");
            }
            if (snapshot != null && !snapshot.sources().keySet().equals(sections)) {
                throw new InputException(fileName, snapshotLine, "at $." + SNAPSHOT_KEY + ".sources: the snapshot "
                        + "lists the sources " + labels(snapshot.sources().keySet()) + " but the document has "
                        + "sections for " + labels(sections) + "; an export is imported whole");
            }
            return snapshot;
        }

        /** Reads and checks the snapshot header of an export. */
        private void snapshot() throws IOException {
            JsonToken token = next();
            if (token != JsonToken.START_OBJECT) {
                throw expected("the snapshot object {\"id\": ..., \"takenAt\": ..., \"cluster\": ..., "
                        + "\"sources\": {...}}", token);
            }
            snapshotLine = line(parser.currentTokenLocation());
            JsonNode header;
            try {
                header = parser.readValueAsTree();
            } catch (JsonProcessingException e) {
                throw new InputException(fileName, line(e.getLocation()), "malformed JSON at " + path + ": "
                        + e.getOriginalMessage(), e);
            }
            for (Iterator<String> names = header.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!SNAPSHOT_FIELDS.contains(name)) {
                    throw headerError("." + name, "unknown field '" + name + "', expected one of "
                            + String.join(", ", SNAPSHOT_FIELDS));
                }
            }
            JsonNode id = header.get("id");
            if (id == null || !id.canConvertToExactIntegral() || !id.canConvertToLong() || id.asLong() < 1) {
                throw headerError(".id", "expected the snapshot id as a whole number of 1 or more");
            }
            Instant takenAt;
            try {
                takenAt = Instant.parse(textField(header, "takenAt", "the snapshot time as ISO-8601"));
            } catch (DateTimeParseException e) {
                throw headerError(".takenAt", "'" + header.get("takenAt").asText() + "' is not an ISO-8601 instant "
                        + "such as 2026-11-21T10:00:00Z");
            }
            String named = textField(header, "cluster", "the cluster name as a string");
            if (sink != null && !named.equals(cluster)) {
                throw headerError(".cluster", "the export is of cluster '" + named + "' but this import is for "
                        + "cluster '" + cluster + "'; import it with --cluster " + named);
            }
            JsonNode sources = header.get("sources");
            if (sources == null || !sources.isObject()) {
                throw headerError(".sources", "expected an object of source labels and snapshot ids");
            }
            Map<SourceKind, Long> bySource = new EnumMap<>(SourceKind.class);
            for (Iterator<Map.Entry<String, JsonNode>> it = sources.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                SourceKind source;
                try {
                    source = SourceKind.fromLabel(entry.getKey());
                } catch (IllegalArgumentException e) {
                    throw headerError(".sources." + entry.getKey(), e.getMessage());
                }
                JsonNode from = entry.getValue();
                if (!from.canConvertToExactIntegral() || !from.canConvertToLong() || from.asLong() < 1) {
                    throw headerError(".sources." + entry.getKey(), "expected a snapshot id (a whole number of 1 or "
                            + "more)");
                }
                bySource.put(source, from.asLong());
            }
            snapshot = new ExportedSnapshot(id.asLong(), takenAt, named, bySource);
        }

        private String textField(JsonNode header, String field, String what) {
            JsonNode value = header.get(field);
            if (value == null || !value.isTextual()) {
                throw headerError("." + field, "expected " + what);
            }
            return value.asText();
        }

        private InputException headerError(String field, String message) {
            return new InputException(fileName, snapshotLine, "at " + path + field + ": " + message);
        }

        /** Skips a derived object without reading it into memory. */
        private void skipObject(String what) throws IOException {
            JsonToken token = next();
            if (token != JsonToken.START_OBJECT) {
                throw expected(what, token);
            }
            skipChildren();
        }

        /** Skips a section when only the header is wanted; it still counts as present. */
        private void skipSection(Section<?> section) throws IOException {
            JsonToken token = next();
            if (token != JsonToken.START_ARRAY) {
                throw expected("an array of " + section.what() + " objects", token);
            }
            skipChildren();
            sections.add(section.source());
        }

        private void skipChildren() throws IOException {
            try {
                parser.skipChildren();
            } catch (JsonProcessingException e) {
                throw new InputException(fileName, line(e.getLocation()), "malformed JSON at " + path + ": "
                        + e.getOriginalMessage(), e);
            }
        }

        private void clusterName() throws IOException {
            JsonToken token = next();
            if (token != JsonToken.VALUE_STRING) {
                throw expected("the cluster name as a string", token);
            }
            String named = parser.getText();
            if (sink != null && !named.equals(cluster)) {
                throw new InputException(fileName, line(parser.currentTokenLocation()), "the document is for cluster '"
                        + named + "' but this import is for cluster '" + cluster + "'; import it with --cluster "
                        + named);
            }
        }

        private <T> void section(Section<T> section) throws IOException {
            JsonToken token = next();
            if (token != JsonToken.START_ARRAY) {
                throw expected("an array of " + section.what() + " objects", token);
            }
            String arrayPath = path;
            int index = 0;
            while ((token = next()) != JsonToken.END_ARRAY) {
                path = arrayPath + "[" + index + "]";
                if (token != JsonToken.START_OBJECT) {
                    String article = "AEIOUaeiou".indexOf(section.what().charAt(0)) >= 0 ? "an " : "a ";
                    throw expected(article + section.what() + " object", token);
                }
                long elementLine = line(parser.currentTokenLocation());
                T element = element(section, elementLine);
                if (element instanceof DataProduct product) {
                    section.emit().accept(sink, section.type().cast(ownCluster(product, elementLine)));
                } else {
                    section.emit().accept(sink, element);
                }
                index++;
                path = arrayPath;
            }
            path = arrayPath;
            sink.cover(section.source());
            sections.add(section.source());
        }

        private <T> T element(Section<T> section, long elementLine) throws IOException {
            try {
                return parser.readValueAs(section.type());
            } catch (JsonMappingException e) {
                String where = path + jacksonPath(e);
                // a missing field is a fault of the whole element, best shown where the element starts
                boolean wholeElement = e instanceof ValueInstantiationException
                        || e.getOriginalMessage().startsWith("Missing required creator property");
                long line = wholeElement ? elementLine : line(e.getLocation());
                throw new InputException(fileName, line, "at " + where + ": " + describe(e, found()), e);
            } catch (JsonProcessingException e) {
                throw new InputException(fileName, line(e.getLocation()), "malformed JSON at " + path + ": "
                        + e.getOriginalMessage(), e);
            }
        }

        private DataProduct ownCluster(DataProduct product, long elementLine) {
            if (product.cluster() == null) {
                return new DataProduct(product.name(), product.topic(), cluster, product.bootstrapUri(),
                        product.domain(), product.owner(), product.description(), product.slaTier(),
                        product.quality(), product.tags(), product.schemaUri(), product.lifecycle());
            }
            if (!product.cluster().equals(cluster)) {
                throw new InputException(fileName, elementLine, "at " + path + ": product '" + product.name()
                        + "' is on cluster '" + product.cluster() + "' but this import is for cluster '" + cluster
                        + "'; import it with --cluster " + product.cluster());
            }
            return product;
        }

        /** The next token; malformed JSON becomes an {@link InputException} at its line. */
        private JsonToken next() throws IOException {
            try {
                return parser.nextToken();
            } catch (JsonProcessingException e) {
                throw new InputException(fileName, line(e.getLocation()), "malformed JSON at " + path + ": "
                        + e.getOriginalMessage(), e);
            }
        }

        /** The token the parser stopped on, with its text when it is a value, e.g. {@code a string 'pii'}. */
        private String found() {
            JsonToken token = parser.currentToken();
            String text;
            try {
                text = token != null && token.isScalarValue() && token != JsonToken.VALUE_NULL
                        ? " '" + parser.getText() + "'" : "";
            } catch (IOException e) {
                text = "";
            }
            return describe(token) + text;
        }

        private InputException expected(String what, JsonToken found) {
            long line = found == null ? line(parser.currentLocation()) : line(parser.currentTokenLocation());
            return new InputException(fileName, line, "at " + path + ": expected " + what + " but found "
                    + describe(found));
        }

        private long line(JsonLocation location) {
            if (location != null && location.getLineNr() > 0) {
                return location.getLineNr();
            }
            return Math.max(1, parser.currentLocation().getLineNr());
        }
    }

    private static String labels(Set<SourceKind> sources) {
        return sources.stream().map(SourceKind::label).toList().toString();
    }

    private static String shape() {
        return "{\"cluster\": ..., \"acls\": [...], \"topics\": [...], ...}";
    }

    /** Jackson's path inside an element, e.g. {@code .offsets[1].partition}. */
    private static String jacksonPath(JsonMappingException e) {
        StringBuilder where = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                where.append('.').append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                where.append('[').append(reference.getIndex()).append(']');
            }
        }
        return where.toString();
    }

    /**
     * What went wrong, in the user's terms rather than Java's.
     *
     * @param found what the parser stopped on, for type mismatches
     */
    private static String describe(JsonMappingException e, String found) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            TreeSet<String> known = new TreeSet<>();
            unknown.getKnownPropertyIds().forEach(id -> known.add(String.valueOf(id)));
            return "unknown field '" + unknown.getPropertyName() + "', expected one of " + String.join(", ", known);
        }
        if (e instanceof InvalidFormatException invalid) {
            Class<?> target = invalid.getTargetType();
            if (target != null && target.isEnum()) {
                return "'" + invalid.getValue() + "' is not one of " + Arrays.toString(target.getEnumConstants());
            }
            return "'" + invalid.getValue() + "' is not a valid " + simpleName(target);
        }
        String message = e.getOriginalMessage();
        if (message.startsWith("Missing required creator property")) {
            return "missing required field " + message.replaceAll("^[^']*('[^']*').*$", "$1");
        }
        if (e instanceof ValueInstantiationException && e.getCause() instanceof NullPointerException missing) {
            // the model's constructors name the missing component in Objects.requireNonNull
            return "missing required field '" + missing.getMessage() + "'";
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            return e.getCause().getMessage();
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "expected " + expected(mismatch.getTargetType()) + " but found " + found;
        }
        // Jackson names Java types in full; the user knows the record names only
        return message.replaceAll("`?\\b(?:[a-z][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_$]*)`?", "$1");
    }

    /** What a JSON value of {@code type} looks like, e.g. {@code an array} for a list. */
    private static String expected(Class<?> type) {
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a " + simpleName(type);
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        return "an object";
    }

    private static String simpleName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean (true or false)";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "number";
        }
        return type.getSimpleName();
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the file";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case END_OBJECT -> "the end of an object";
            case END_ARRAY -> "the end of an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }

    private static Map<String, Section<?>> sections() {
        Map<String, Section<?>> sections = new LinkedHashMap<>();
        for (Section<?> section : new Section<?>[] {
                new Section<>("acls", SourceKind.ACLS, AclBinding.class, "ACL binding", MeshSink::acl),
                new Section<>("topics", SourceKind.TOPICS, Topic.class, "topic", MeshSink::topic),
                new Section<>("groups", SourceKind.GROUPS, ConsumerGroup.class, "consumer group", MeshSink::group),
                new Section<>("products", SourceKind.CATALOG, DataProduct.class, "data product", MeshSink::product),
                new Section<>("services", SourceKind.SERVICES, ServiceInfo.class, "service", MeshSink::service),
                new Section<>("groupMappings", SourceKind.GROUP_MAPPING, GroupMapping.class, "group mapping",
                        MeshSink::groupMapping),
                new Section<>("schemas", SourceKind.SCHEMAS, SchemaVersion.class, "schema version", MeshSink::schema),
                new Section<>("hops", SourceKind.HOPS, RecordHop.class, "record hop", MeshSink::hop)}) {
            sections.put(section.key(), section);
        }
        return java.util.Collections.unmodifiableMap(sections);
    }

    /** A top-level array of the document: its key, the source it covers and how its elements reach the sink. */
    private record Section<T>(String key, SourceKind source, Class<T> type, String what, BiConsumer<MeshSink, T> emit) {
    }

    /**
     * Jackson writes read-only properties of the records too (e.g. {@code AclBinding.isWildcardResource()} as
     * {@code wildcardResource}); a document Jackson wrote must read back, so such properties are skipped while
     * any other unknown field stays an error.
     */
    private static final class DerivedProperties extends DeserializationProblemHandler {
        @Override
        public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
                                             JsonDeserializer<?> deserializer, Object beanOrClass, String property)
                throws IOException {
            Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass.getClass();
            if (hasGetter(type, property)) {
                parser.skipChildren();
                return true;
            }
            return false;
        }

        private static boolean hasGetter(Class<?> type, String property) {
            if (property.isEmpty()) {
                return false;
            }
            String suffix = Character.toUpperCase(property.charAt(0)) + property.substring(1);
            return Arrays.stream(type.getMethods())
                    .filter(m -> m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers()))
                    .anyMatch(m -> m.getName().equals("get" + suffix)
                            || m.getName().equals("is" + suffix) && isBoolean(m));
        }

        private static boolean isBoolean(Method method) {
            return method.getReturnType() == boolean.class || method.getReturnType() == Boolean.class;
        }
    }

    /** Numbers that default to 0 when left out would be silently wrong, so they must be given. */
    private abstract static class TopicRequired {
        @JsonProperty(required = true)
        int partitions;
        @JsonProperty(required = true)
        int replicationFactor;
    }

    private abstract static class SchemaVersionRequired {
        @JsonProperty(required = true)
        int version;
        @JsonProperty(required = true)
        int id;
    }

    private abstract static class PartitionRequired {
        @JsonProperty(required = true)
        int partition;
    }

    /** An export writes each offset's derived lag too; it is recomputed from the offsets, never read. */
    @JsonIgnoreProperties("lag")
    private abstract static class OffsetRequired {
        @JsonProperty(required = true)
        int partition;
    }
}
