package dev.meshlens.engine.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Lists the fields of an Avro schema, nested records flattened to dotted paths. */
final class AvroFields {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<SchemaField> out = new ArrayList<>();
    private final Set<String> open = new HashSet<>();

    private AvroFields() {
    }

    static List<SchemaField> list(Schema root) {
        AvroFields fields = new AvroFields();
        if (root.getType() == Schema.Type.RECORD) {
            fields.record(root, "");
        } else {
            fields.out.add(new SchemaField("", typeOf(root), root.getDoc(), !root.isNullable()));
            fields.descend(root, "");
        }
        return List.copyOf(fields.out);
    }

    private void record(Schema record, String prefix) {
        if (!open.add(record.getFullName())) {
            return; // a recursive record: its fields are listed where it first appears
        }
        for (Schema.Field f : record.getFields()) {
            String path = FieldPaths.child(prefix, f.name());
            boolean required = !f.hasDefaultValue() && !f.schema().isNullable();
            String type = typeOf(f.schema()) + (f.hasDefaultValue() ? " = " + json(f.defaultVal()) : "");
            out.add(new SchemaField(path, type, f.doc(), required));
            descend(f.schema(), path);
        }
        open.remove(record.getFullName());
    }

    private void descend(Schema schema, String path) {
        switch (schema.getType()) {
            case RECORD -> record(schema, path);
            case ARRAY -> descend(schema.getElementType(), path + FieldPaths.ITEMS);
            case MAP -> descend(schema.getValueType(), path + FieldPaths.VALUES);
            case UNION -> {
                // Only an optional value ("null" or one type) has one set of nested fields to show.
                List<Schema> values = schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
                if (values.size() == 1) {
                    descend(values.get(0), path);
                }
            }
            default -> {
            }
        }
    }

    /** The type as the field listing writes it, e.g. {@code null|array<record OrderLine>}. */
    static String typeOf(Schema s) {
        LogicalType logical = s.getLogicalType();
        if (logical instanceof LogicalTypes.Decimal decimal) {
            return "decimal(" + decimal.getPrecision() + "," + decimal.getScale() + ")";
        }
        if (logical != null) {
            return logical.getName();
        }
        return switch (s.getType()) {
            case RECORD -> "record " + s.getName();
            case ENUM -> "enum " + s.getName() + "{" + String.join(",", s.getEnumSymbols()) + "}";
            case FIXED -> "fixed " + s.getName() + "(" + s.getFixedSize() + ")";
            case ARRAY -> "array<" + typeOf(s.getElementType()) + ">";
            case MAP -> "map<" + typeOf(s.getValueType()) + ">";
            case UNION -> s.getTypes().stream().map(AvroFields::typeOf).collect(Collectors.joining("|"));
            default -> s.getType().getName();
        };
    }

    /** Renders a default as JSON; Avro hands defaults over as Java values. */
    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(plain(value));
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    private static Object plain(Object value) {
        if (value == null || value == JsonProperties.NULL_VALUE) {
            return null;
        }
        if (value instanceof CharSequence text) {
            return text.toString();
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.ISO_8859_1); // Avro writes bytes defaults this way
        }
        if (value instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
            return copy;
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(AvroFields::plain).toList();
        }
        return value;
    }
}
