package dev.meshlens.engine.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The OpenLineage contract under test resources (see openlineage/README.md): the event and facet structure the
 * OpenLineage specification publishes for what Meshlens writes. Formats (uri, date-time) are asserted, not just
 * annotated.
 */
final class OpenLineageSpec {
    private static final String EVENTS = "classpath:openlineage/event-contract.json";
    private static final String FACETS = "classpath:openlineage/facet-contract.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true)
            .build();
    private final JsonSchema events = factory.getSchema(SchemaLocation.of(EVENTS), config);
    private final JsonSchema facets = factory.getSchema(SchemaLocation.of(FACETS), config);

    /** What is wrong with {@code event}; empty when it validates. */
    Set<ValidationMessage> validateEvent(JsonNode event) {
        return events.validate(event);
    }

    /**
     * What is wrong with {@code facet}, stored under {@code name}. The name must be one the contract declares, so
     * a facet under a misspelt name cannot pass unchecked.
     */
    Set<ValidationMessage> validateFacet(String name, JsonNode facet) {
        JsonNode declared = raw(FACETS).path("properties");
        if (!declared.has(name)) {
            List<String> names = new ArrayList<>();
            declared.fieldNames().forEachRemaining(names::add);
            throw new AssertionError("facet '" + name + "' is not one the contract describes: " + names);
        }
        ObjectNode wrapper = JSON.createObjectNode();
        wrapper.set(name, facet);
        return facets.validate(wrapper);
    }

    private static JsonNode raw(String location) {
        String resource = location.substring("classpath:".length());
        try (InputStream in = OpenLineageSpec.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("no schema " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
