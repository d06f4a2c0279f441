package dev.meshlens.app.ui.product;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshlens.engine.model.SchemaVersion;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a registered schema into the flat field list the product page shows: Avro records, JSON Schema
 * objects and Protobuf messages, nested fields named by path. Stateless and thread-safe.
 */
public final class SchemaFieldReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PROTO_MESSAGE = Pattern.compile("\\bmessage\\s+(\\w+)\\s*\\{");
    private static final Pattern PROTO_FIELD = Pattern.compile(
            "^\\s*(optional\\s+|repeated\\s+|required\\s+)?(map\\s*<[^>]+>|[\\w.]+)\\s+(\\w+)\\s*=\\s*\\d+[^;]*;"
                    + "\\s*(?://\\s*(.*))?$");

    /**
     * Reads the fields of {@code version}.
     *
     * @return the fields, in declaration order, nested ones after their parent
     * @throws IllegalArgumentException naming the subject and version when the schema text does not parse
     */
    public List<SchemaField> read(SchemaVersion version) {
        String type = version.schemaType().toUpperCase(Locale.ROOT);
        try {
            return switch (type) {
                case "JSON" -> readJson(version.schema());
                case "PROTOBUF" -> readProtobuf(version.schema());
                default -> readAvro(version.schema());
            };
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(version.subject() + " version " + version.version()
                    + ": the " + type + " schema does not parse: " + e.getMessage(), e);
        }
    }

    /** Only the field names of {@code version}, or no names when it does not parse (for the search index). */
    public List<String> fieldNames(SchemaVersion version) {
        try {
            return read(version).stream().map(SchemaField::name).toList();
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    // ---- Avro

    private static List<SchemaField> readAvro(String text) {
        Schema schema = new Schema.Parser().setValidateDefaults(false).parse(text);
        List<SchemaField> out = new ArrayList<>();
        if (schema.getType() == Schema.Type.RECORD) {
            avroFields(schema, "", out, new HashSet<>());
        } else {
            out.add(new SchemaField("(value)", avroType(schema), schema.getDoc()));
        }
        return out;
    }

    private static void avroFields(Schema record, String prefix, List<SchemaField> out, Set<String> visiting) {
        if (!visiting.add(record.getFullName())) {
            return; // a recursive type: its fields were listed above
        }
        for (Schema.Field field : record.getFields()) {
            String name = prefix + field.name();
            out.add(new SchemaField(name, avroType(field.schema()), field.doc()));
            Schema nested = nestedRecord(field.schema());
            if (nested != null) {
                avroFields(nested, name + ".", out, visiting);
            }
        }
        visiting.remove(record.getFullName());
    }

    private static Schema nestedRecord(Schema schema) {
        if (schema.getType() == Schema.Type.RECORD) {
            return schema;
        }
        if (schema.getType() == Schema.Type.UNION) {
            List<Schema> nonNull = schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
            if (nonNull.size() == 1 && nonNull.get(0).getType() == Schema.Type.RECORD) {
                return nonNull.get(0);
            }
        }
        return null;
    }

    private static String avroType(Schema schema) {
        LogicalType logical = schema.getLogicalType();
        String base = switch (schema.getType()) {
            case RECORD -> "record " + schema.getName();
            case ENUM -> "enum " + schema.getName() + " " + schema.getEnumSymbols();
            case ARRAY -> "array<" + avroType(schema.getElementType()) + ">";
            case MAP -> "map<string, " + avroType(schema.getValueType()) + ">";
            case FIXED -> "fixed " + schema.getName() + "(" + schema.getFixedSize() + ")";
            case UNION -> avroUnion(schema);
            default -> schema.getType().getName();
        };
        return logical != null ? base + " (" + logical.getName() + ")" : base;
    }

    private static String avroUnion(Schema union) {
        List<Schema> types = union.getTypes();
        List<Schema> nonNull = types.stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
        if (nonNull.size() == 1 && types.size() == 2) {
            return "optional " + avroType(nonNull.get(0));
        }
        return "union<" + String.join(", ", types.stream().map(SchemaFieldReader::avroType).toList()) + ">";
    }

    // ---- JSON Schema

    private static List<SchemaField> readJson(String text) throws IOException {
        JsonNode root = JSON.readTree(text);
        List<SchemaField> out = new ArrayList<>();
        jsonProperties(root, "", out, 0);
        return out;
    }

    private static void jsonProperties(JsonNode object, String prefix, List<SchemaField> out, int depth) {
        JsonNode properties = object.path("properties");
        if (!properties.isObject() || depth > 32) {
            return;
        }
        Set<String> required = new HashSet<>();
        object.path("required").forEach(r -> required.add(r.asText()));
        Iterator<Map.Entry<String, JsonNode>> it = properties.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> property = it.next();
            String name = prefix + property.getKey();
            JsonNode node = property.getValue();
            String type = jsonType(node);
            out.add(new SchemaField(name, required.contains(property.getKey()) ? type : "optional " + type,
                    node.path("description").asText("")));
            jsonProperties(node, name + ".", out, depth + 1);
        }
    }

    private static String jsonType(JsonNode node) {
        if (node.has("$ref")) {
            return "ref " + node.get("$ref").asText();
        }
        JsonNode type = node.path("type");
        String base = type.isArray() ? String.join(" | ", iterable(type)) : type.asText("any");
        if ("array".equals(base)) {
            return "array<" + jsonType(node.path("items")) + ">";
        }
        String format = node.path("format").asText("");
        return format.isEmpty() ? base : base + " (" + format + ")";
    }

    private static List<String> iterable(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    // ---- Protobuf: message fields line by line; nested messages named by their path

    private static List<SchemaField> readProtobuf(String text) {
        List<SchemaField> out = new ArrayList<>();
        List<String> scope = new ArrayList<>();
        List<Integer> scopeDepth = new ArrayList<>();
        int depth = 0;
        for (String line : text.split("\\R")) {
            Matcher message = PROTO_MESSAGE.matcher(line);
            if (message.find()) {
                scope.add(message.group(1));
                scopeDepth.add(depth);
            } else if (!scope.isEmpty()) {
                Matcher field = PROTO_FIELD.matcher(line);
                if (field.find()) {
                    String label = field.group(1) == null ? "" : field.group(1).trim() + " ";
                    String path = scope.size() > 1 ? String.join(".", scope.subList(1, scope.size())) + "." : "";
                    out.add(new SchemaField(path + field.group(3), label + field.group(2).replace(" ", ""),
                            field.group(4) == null ? "" : field.group(4).trim()));
                }
            }
            depth += count(line, '{') - count(line, '}');
            while (!scopeDepth.isEmpty() && depth <= scopeDepth.get(scopeDepth.size() - 1)) {
                scope.remove(scope.size() - 1);
                scopeDepth.remove(scopeDepth.size() - 1);
            }
        }
        return out;
    }

    private static int count(String line, char c) {
        return (int) line.chars().filter(ch -> ch == c).count();
    }
}
