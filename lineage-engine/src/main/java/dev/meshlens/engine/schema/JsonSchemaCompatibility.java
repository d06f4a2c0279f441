package dev.meshlens.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A structural check of whether every document valid under a writer JSON Schema is valid under a reader
 * JSON Schema. The rules are documented on {@link CompatibilityChecker}; kinds are named from the point of
 * view of the schema evolution (new versus registered), so the same rule reads {@code TYPE_NARROWED} when
 * the new schema is the reader and {@code TYPE_WIDENED} when it is the writer.
 */
final class JsonSchemaCompatibility {
    /** Keywords this check does not compare: a difference in them is reported as not judged. */
    private static final List<String> NOT_COMPARED = List.of("oneOf", "anyOf", "allOf", "not", "if", "then",
            "else", "patternProperties", "dependentSchemas", "dependentRequired", "dependencies", "propertyNames",
            "unevaluatedProperties", "unevaluatedItems", "prefixItems", "contains", "additionalItems");
    private static final List<String> UPPER_BOUNDS = List.of("maxLength", "maxItems", "maxProperties", "maximum",
            "exclusiveMaximum");
    private static final List<String> LOWER_BOUNDS = List.of("minLength", "minItems", "minProperties", "minimum",
            "exclusiveMinimum");

    private final JsonSchemaDocument reader;
    private final JsonSchemaDocument writer;
    private final boolean readerIsNew;
    private final List<Finding> out = new ArrayList<>();
    /** Reader/writer schema pairs on the current path, so recursive definitions end. */
    private final Set<Pair> open = new HashSet<>();

    private JsonSchemaCompatibility(JsonNode reader, JsonNode writer, boolean readerIsNew) {
        this.reader = new JsonSchemaDocument(reader);
        this.writer = new JsonSchemaDocument(writer);
        this.readerIsNew = readerIsNew;
    }

    /**
     * @param readerIsNew whether the reader is the proposed schema (a BACKWARD check) or a registered one
     */
    static List<Finding> judge(JsonNode reader, JsonNode writer, boolean readerIsNew) {
        JsonSchemaCompatibility check = new JsonSchemaCompatibility(reader, writer, readerIsNew);
        check.compare(reader, writer, "");
        return List.copyOf(check.out);
    }

    private void compare(JsonNode readerNode, JsonNode writerNode, String path) {
        String readerRef = reader.unresolvedRef(readerNode);
        String writerRef = writer.unresolvedRef(writerNode);
        if (readerRef != null || writerRef != null) {
            if (!Objects.equals(readerRef, writerRef)) {
                out.add(new Finding(path, Finding.NOT_JUDGED, "external or missing $ref "
                        + (readerRef != null ? readerRef : writerRef) + " is not followed"));
            }
            return;
        }
        JsonNode r = reader.resolve(readerNode);
        JsonNode w = writer.resolve(writerNode);
        Pair pair = new Pair(r, w);
        if (!open.add(pair)) {
            return;
        }
        if (JsonSchemaDocument.isFalse(w)) {
            open.remove(pair);
            return; // the writer writes nothing here
        }
        if (JsonSchemaDocument.isFalse(r)) {
            add(path, "TYPE_NARROWED", "TYPE_WIDENED", "the reader accepts no value here");
        } else {
            compareKeywords(r, w, path);
            compareTypes(r, w, path);
            compareValues(r, w, path);
            compareBounds(r, w, path);
            compareObjects(r, w, path);
            compareItems(r, w, path);
        }
        open.remove(pair);
    }

    private void compareKeywords(JsonNode r, JsonNode w, String path) {
        for (String keyword : NOT_COMPARED) {
            if (!Objects.equals(r.get(keyword), w.get(keyword))) {
                out.add(new Finding(path, Finding.NOT_JUDGED, "a change in '" + keyword + "' is not judged"));
            }
        }
        if (r.has("pattern") && !Objects.equals(r.get("pattern"), w.get("pattern"))) {
            if (w.has("pattern")) {
                out.add(new Finding(path, Finding.NOT_JUDGED, "a changed 'pattern' is not judged"));
            } else {
                add(path, "PATTERN_ADDED", "PATTERN_REMOVED", "the reader requires the pattern " + r.get("pattern")
                        + " the writer does not");
            }
        }
    }

    private void compareTypes(JsonNode r, JsonNode w, String path) {
        Set<String> readerTypes = JsonSchemaDocument.types(r);
        if (readerTypes == null) {
            return;
        }
        Set<String> writerTypes = JsonSchemaDocument.types(w);
        if (writerTypes == null) {
            add(path, "TYPE_NARROWED", "TYPE_WIDENED", "the reader accepts only " + readerTypes
                    + ", the writer any type");
            return;
        }
        Set<String> unreadable = new LinkedHashSet<>(writerTypes);
        unreadable.removeAll(readerTypes);
        if (readerTypes.contains("number")) {
            unreadable.remove("integer"); // every integer is a number
        }
        if (unreadable.isEmpty()) {
            return;
        }
        // integer and number overlap both ways: some numbers are integers.
        boolean overlap = writerTypes.stream().anyMatch(t -> readerTypes.contains(t)
                || (t.equals("integer") && readerTypes.contains("number"))
                || (t.equals("number") && readerTypes.contains("integer")));
        String detail = "the reader accepts " + readerTypes + ", the writer writes " + writerTypes;
        if (overlap) {
            add(path, "TYPE_NARROWED", "TYPE_WIDENED", detail);
        } else {
            out.add(new Finding(path, "TYPE_CHANGED", detail));
        }
    }

    private void compareValues(JsonNode r, JsonNode w, String path) {
        List<String> readerValues = JsonSchemaDocument.allowedValues(r);
        if (readerValues == null) {
            return;
        }
        List<String> writerValues = JsonSchemaDocument.allowedValues(w);
        if (writerValues == null) {
            add(path, "ENUM_VALUES_REMOVED", "ENUM_VALUES_ADDED", "the reader accepts only " + readerValues
                    + ", the writer any value");
            return;
        }
        List<String> unreadable = writerValues.stream().filter(v -> !readerValues.contains(v)).toList();
        if (!unreadable.isEmpty()) {
            add(path, "ENUM_VALUES_REMOVED", "ENUM_VALUES_ADDED", "the reader does not accept " + unreadable);
        }
    }

    private void compareBounds(JsonNode r, JsonNode w, String path) {
        for (String keyword : UPPER_BOUNDS) {
            if (r.path(keyword).isNumber() && (!w.path(keyword).isNumber()
                    || r.get(keyword).decimalValue().compareTo(w.get(keyword).decimalValue()) < 0)) {
                add(path, "RANGE_NARROWED", "RANGE_WIDENED", bound(keyword, r, w));
            }
        }
        for (String keyword : LOWER_BOUNDS) {
            if (r.path(keyword).isNumber() && (!w.path(keyword).isNumber()
                    || r.get(keyword).decimalValue().compareTo(w.get(keyword).decimalValue()) > 0)) {
                add(path, "RANGE_NARROWED", "RANGE_WIDENED", bound(keyword, r, w));
            }
        }
    }

    private static String bound(String keyword, JsonNode r, JsonNode w) {
        return "the reader's " + keyword + " is " + r.get(keyword) + ", the writer's "
                + (w.has(keyword) ? w.get(keyword) : "unset");
    }

    private void compareObjects(JsonNode r, JsonNode w, String path) {
        for (String name : JsonSchemaDocument.required(r)) {
            if (!JsonSchemaDocument.required(w).contains(name)) {
                add(FieldPaths.child(path, name), "REQUIRED_PROPERTY_ADDED", "REQUIRED_PROPERTY_REMOVED",
                        "the reader requires '" + name + "', the writer does not always write it");
            }
        }
        JsonNode readerProps = r.path("properties");
        JsonNode writerProps = w.path("properties");
        JsonNode readerExtra = r.get("additionalProperties");
        JsonNode writerExtra = w.get("additionalProperties");
        for (Iterator<Map.Entry<String, JsonNode>> it = writerProps.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            String child = FieldPaths.child(path, property.getKey());
            if (readerProps.has(property.getKey())) {
                compare(readerProps.get(property.getKey()), property.getValue(), child);
            } else if (JsonSchemaDocument.isFalse(readerExtra)) {
                add(child, "PROPERTY_REMOVED", "PROPERTY_ADDED", "the writer writes '" + property.getKey()
                        + "', the reader does not know it and allows no additional properties");
            } else if (readerExtra != null && readerExtra.isObject()) {
                compare(readerExtra, property.getValue(), child);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = readerProps.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            // A property the writer does not declare: only an additionalProperties schema says what it writes.
            if (!writerProps.has(property.getKey()) && writerExtra != null && writerExtra.isObject()) {
                compare(property.getValue(), writerExtra, FieldPaths.child(path, property.getKey()));
            }
        }
        boolean readerClosed = JsonSchemaDocument.isFalse(readerExtra);
        boolean writerClosed = JsonSchemaDocument.isFalse(writerExtra);
        if (readerClosed && !writerClosed) {
            add(path, "ADDITIONAL_PROPERTIES_CLOSED", "ADDITIONAL_PROPERTIES_OPENED",
                    "the reader allows no additional properties, the writer does");
        } else if (readerExtra != null && readerExtra.isObject() && !writerClosed) {
            compare(readerExtra, writerExtra == null ? JsonNodeFactory.instance.booleanNode(true) : writerExtra, path + FieldPaths.VALUES);
        }
    }

    private void compareItems(JsonNode r, JsonNode w, String path) {
        JsonNode readerItems = r.get("items");
        JsonNode writerItems = w.get("items");
        if (readerItems == null || readerItems.isArray() || (writerItems != null && writerItems.isArray())) {
            if (!Objects.equals(readerItems, writerItems) && (readerItems != null && readerItems.isArray()
                    || writerItems != null && writerItems.isArray())) {
                out.add(new Finding(path, Finding.NOT_JUDGED, "a change in tuple 'items' is not judged"));
            }
            return;
        }
        compare(readerItems, writerItems == null ? JsonNodeFactory.instance.booleanNode(true) : writerItems, path + FieldPaths.ITEMS);
    }

    /** Adds a finding, its kind named for the evolution: the first when the reader is the new schema. */
    private void add(String path, String kindWhenReaderIsNew, String kindWhenReaderIsOld, String detail) {
        out.add(new Finding(path, readerIsNew ? kindWhenReaderIsNew : kindWhenReaderIsOld, detail));
    }

    /** A reader/writer pair compared by identity: the same definitions met again, not equal-looking ones. */
    private record Pair(JsonNode reader, JsonNode writer) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Pair p && p.reader == reader && p.writer == writer;
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(reader) + System.identityHashCode(writer);
        }
    }
}
