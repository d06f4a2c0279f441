package dev.meshlens.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A parsed JSON Schema document and the keyword reading both the field listing and the compatibility check
 * need: {@code $ref} resolution within the document ({@code #/definitions/...}, {@code #/$defs/...} and any
 * other local JSON pointer), types, enums and properties.
 */
final class JsonSchemaDocument {
    private static final ObjectNode ANY = JsonNodeFactory.instance.objectNode();
    private final JsonNode root;

    JsonSchemaDocument(JsonNode root) {
        this.root = root;
    }

    JsonNode root() {
        return resolve(root);
    }

    /**
     * Follows local {@code $ref}s to the schema they point at; {@code true} reads as the empty schema.
     * Returns the node itself when its reference is not local or points nowhere (see {@link #unresolvedRef}).
     */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        Set<String> seen = new LinkedHashSet<>();
        while (current != null && current.isObject() && current.path("$ref").isTextual()) {
            String ref = current.get("$ref").asText();
            JsonNode target = target(ref);
            if (target == null || !seen.add(ref)) {
                return current;
            }
            current = target;
        }
        if (current == null || current.isMissingNode() || current.isNull()
                || (current.isBoolean() && current.asBoolean())) {
            return ANY;
        }
        return current;
    }

    /** The reference of {@code node} when it cannot be followed (another document, a missing target), or null. */
    String unresolvedRef(JsonNode node) {
        JsonNode resolved = resolve(node);
        return resolved.path("$ref").isTextual() ? resolved.get("$ref").asText() : null;
    }

    /** The name a reference gives its target, e.g. {@code Address} for {@code #/$defs/Address}, or null. */
    static String refName(JsonNode node) {
        if (node == null || !node.path("$ref").isTextual()) {
            return null;
        }
        String ref = node.get("$ref").asText();
        String name = ref.substring(ref.lastIndexOf('/') + 1);
        return name.isEmpty() || name.equals("#") ? null : name;
    }

    private JsonNode target(String ref) {
        if (ref.equals("#")) {
            return root;
        }
        if (!ref.startsWith("#/")) {
            return null;
        }
        JsonNode target = root.at(ref.substring(1));
        return target.isMissingNode() ? null : target;
    }

    /** Whether {@code node} is the schema {@code false}, which no value satisfies. */
    static boolean isFalse(JsonNode node) {
        return node != null && node.isBoolean() && !node.asBoolean();
    }

    /** The declared types, or null when the schema allows any type. */
    static Set<String> types(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return null;
        }
        Set<String> types = new LinkedHashSet<>();
        if (type.isTextual()) {
            types.add(type.asText());
        } else {
            type.forEach(t -> types.add(t.asText()));
        }
        return types;
    }

    /** The allowed values from {@code enum} or {@code const}, as JSON text, or null when not restricted. */
    static List<String> allowedValues(JsonNode schema) {
        if (schema.has("const")) {
            return List.of(schema.get("const").toString());
        }
        JsonNode values = schema.get("enum");
        if (values == null || !values.isArray()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(v.toString()));
        return out;
    }

    /** The names listed in {@code required}. */
    static Set<String> required(JsonNode schema) {
        Set<String> names = new LinkedHashSet<>();
        JsonNode required = schema.get("required");
        if (required != null && required.isArray()) {
            required.forEach(n -> names.add(n.asText()));
        }
        return names;
    }
}
