package dev.meshlens.engine.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The OpenLineage JSON Schemas vendored under test resources (see openlineage/README.md), served offline: every
 * {@code https://openlineage.io/spec/...} URL resolves to the copy there, and the core spec versions that older
 * facet schemas refer to resolve to 2-0-2. Formats (uri, date-time, uuid) are asserted, not just annotated.
 */
final class OpenLineageSpec {
    static final String CORE = "https://openlineage.io/spec/2-0-2/OpenLineage.json";
    private static final String ROOT = "https://openlineage.io/spec/";
    private static final Pattern OLDER_CORE =
            Pattern.compile("https://openlineage\\.io/spec/1-0-[0-9]+/OpenLineage\\.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Draft 2020-12, knowing the spec's {@code example} keyword as the annotation it is. */
    private static final JsonMetaSchema META = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
            .keyword(new AnnotationKeyword("example")).build();

    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.metaSchema(META).schemaMappers(mappers -> mappers.mappings(OpenLineageSpec::vendored)));
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true)
            .build();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    private static String vendored(String uri) {
        if (OLDER_CORE.matcher(uri).matches()) {
            return "classpath:openlineage/spec/2-0-2/OpenLineage.json";
        }
        return uri.startsWith(ROOT) ? "classpath:openlineage/spec/" + uri.substring(ROOT.length()) : null;
    }

    /** What is wrong with {@code event} by the core spec; empty when it validates. */
    Set<ValidationMessage> validateEvent(JsonNode event) {
        return schema(CORE).validate(event);
    }

    /**
     * What is wrong with {@code facet}, stored under {@code name}, by the schema its {@code _schemaURL} names. A
     * facet schema constrains the facet under its own property name only, so the name must be one it declares.
     */
    Set<ValidationMessage> validateFacet(String name, JsonNode facet) {
        String url = facet.get("_schemaURL").asText();
        String document = url.contains("#") ? url.substring(0, url.indexOf('#')) : url;
        JsonNode declared = rawSchema(document).path("properties");
        if (!declared.has(name)) {
            List<String> names = new java.util.ArrayList<>();
            declared.fieldNames().forEachRemaining(names::add);
            throw new AssertionError("facet '" + name + "' is not what " + document + " describes: " + names);
        }
        ObjectNode wrapper = JSON.createObjectNode();
        wrapper.set(name, facet);
        return schema(document).validate(wrapper);
    }

    private JsonSchema schema(String url) {
        return schemas.computeIfAbsent(url, u -> factory.getSchema(SchemaLocation.of(u), config));
    }

    private static JsonNode rawSchema(String url) {
        String resource = vendored(url).substring("classpath:".length());
        try (InputStream in = OpenLineageSpec.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("no vendored schema for " + url + " (" + resource + ")");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
