package dev.meshlens.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** Lists the properties of a JSON Schema recursively, local {@code $ref}s resolved. */
final class JsonSchemaFields {
    private final JsonSchemaDocument document;
    private final List<SchemaField> out = new ArrayList<>();
    /** Schemas being listed on the current path, so a recursive definition is listed once. */
    private final Set<JsonNode> open = Collections.newSetFromMap(new IdentityHashMap<>());

    private JsonSchemaFields(JsonSchemaDocument document) {
        this.document = document;
    }

    static List<SchemaField> list(JsonNode root) {
        JsonSchemaFields fields = new JsonSchemaFields(new JsonSchemaDocument(root));
        JsonNode schema = fields.document.root();
        if (hasProperties(schema) || schema.has("allOf")) {
            fields.object(schema, "");
        } else {
            fields.out.add(new SchemaField("", fields.typeOf(root), describe(schema), true));
            fields.descend(schema, "");
        }
        return List.copyOf(fields.out);
    }

    private void object(JsonNode schema, String prefix) {
        if (!open.add(schema)) {
            return;
        }
        Set<String> required = JsonSchemaDocument.required(schema);
        JsonNode properties = schema.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            String path = FieldPaths.child(prefix, property.getKey());
            JsonNode resolved = document.resolve(property.getValue());
            String doc = describe(property.getValue()) != null ? describe(property.getValue()) : describe(resolved);
            out.add(new SchemaField(path, typeOf(property.getValue()), doc, required.contains(property.getKey())));
            descend(resolved, path);
        }
        // allOf parts all apply to the same object, so their properties are this object's properties.
        schema.path("allOf").forEach(part -> object(document.resolve(part), prefix));
        open.remove(schema);
    }

    private void descend(JsonNode schema, String path) {
        if (hasProperties(schema) || schema.has("allOf")) {
            object(schema, path);
        }
        JsonNode items = schema.get("items");
        if (items != null && (items.isObject() || items.isBoolean())) {
            descend(document.resolve(items), path + FieldPaths.ITEMS);
        }
        for (String keyword : List.of("anyOf", "oneOf")) {
            // An optional value (null or one schema) has one set of nested fields to show.
            List<JsonNode> branches = StreamSupport.stream(schema.path(keyword).spliterator(), false)
                    .map(document::resolve)
                    .filter(b -> !Set.of("null").equals(JsonSchemaDocument.types(b)))
                    .toList();
            if (branches.size() == 1) {
                descend(branches.get(0), path);
            }
        }
    }

    /** The type as the field listing writes it, e.g. {@code string(date-time)} or {@code object Address}. */
    String typeOf(JsonNode node) {
        String external = document.unresolvedRef(node);
        if (external != null) {
            return "$ref " + external;
        }
        JsonNode schema = document.resolve(node);
        String type = baseType(schema);
        String name = JsonSchemaDocument.refName(node);
        if (name != null && type.equals("object")) {
            type = "object " + name;
        }
        if (schema.has("default")) {
            type += " = " + schema.get("default");
        }
        return type;
    }

    private String baseType(JsonNode schema) {
        if (JsonSchemaDocument.isFalse(schema)) {
            return "never";
        }
        if (schema.has("const")) {
            return "const " + schema.get("const");
        }
        Set<String> types = JsonSchemaDocument.types(schema);
        String type;
        if (types != null) {
            type = types.stream().map(t -> single(t, schema)).collect(Collectors.joining("|"));
        } else if (schema.has("anyOf") || schema.has("oneOf")) {
            JsonNode branches = schema.has("anyOf") ? schema.get("anyOf") : schema.get("oneOf");
            type = StreamSupport.stream(branches.spliterator(), false).map(this::typeOf)
                    .collect(Collectors.joining("|"));
        } else if (hasProperties(schema) || schema.has("allOf")) {
            type = "object";
        } else if (schema.has("items")) {
            type = single("array", schema);
        } else {
            type = schema.has("enum") ? "" : "any";
        }
        List<String> values = JsonSchemaDocument.allowedValues(schema);
        if (values != null) {
            type = (type.isEmpty() ? "" : type + " ") + "enum{" + String.join(",", values) + "}";
        }
        return type;
    }

    private String single(String type, JsonNode schema) {
        if (type.equals("array")) {
            JsonNode items = schema.get("items");
            return items != null && (items.isObject() || items.isBoolean()) ? "array<" + typeOf(items) + ">" : "array";
        }
        if (type.equals("string") && schema.path("format").isTextual()) {
            return "string(" + schema.get("format").asText() + ")";
        }
        return type;
    }

    private static boolean hasProperties(JsonNode schema) {
        return schema.path("properties").isObject();
    }

    private static String describe(JsonNode schema) {
        if (schema.path("description").isTextual()) {
            return schema.get("description").asText();
        }
        return schema.path("title").isTextual() ? schema.get("title").asText() : null;
    }
}
