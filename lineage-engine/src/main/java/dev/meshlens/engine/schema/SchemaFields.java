package dev.meshlens.engine.schema;

import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.SchemaVersion;

import java.util.List;

/**
 * Lists the fields of a schema version, for the catalog's field view, search and diffs.
 *
 * <ul>
 *   <li><b>Avro:</b> every field of the root record, nested records flattened to dotted paths
 *       ({@code customer.address.city}), records inside arrays and maps under {@code []} and <code>{}</code>;
 *       unions written {@code null|string}, logical types by name ({@code timestamp-millis},
 *       {@code decimal(10,2)}), defaults after {@code =}; required means no default and not nullable.</li>
 *   <li><b>JSON Schema:</b> {@code properties} recursively (also inside {@code items}, {@code allOf} and
 *       optional {@code anyOf}/{@code oneOf}), local {@code $ref}s resolved ({@code #/definitions},
 *       {@code #/$defs}, any local pointer); required means named in the object's {@code required} array.</li>
 *   <li><b>Protobuf:</b> the fields of the file's first top-level message, descending into message-typed
 *       fields declared in the same file; oneof members say so in their doc; only proto2 {@code required}
 *       fields are required. Field comments become docs.</li>
 * </ul>
 * A recursive type is listed once, where it first appears.
 */
public final class SchemaFields {

    private SchemaFields() {
    }

    /**
     * The fields of a registered schema version, in schema order (parents before their nested fields).
     *
     * @throws InputException naming the subject and version when the schema text does not parse
     * @throws IllegalArgumentException when the version's schema type is unknown
     */
    public static List<SchemaField> of(SchemaVersion version) {
        return of(SchemaType.parse(version.schemaType()), SchemaTexts.sourceOf(version), version.schema());
    }

    /**
     * The fields of a schema text of the given type.
     *
     * @param source names the text in errors, e.g. a file name
     * @throws InputException naming {@code source} and the line when the text does not parse
     */
    public static List<SchemaField> of(SchemaType type, String source, String text) {
        return switch (type) {
            case AVRO -> AvroFields.list(SchemaTexts.parseAvro(source, text));
            case JSON -> JsonSchemaFields.list(SchemaTexts.parseJsonSchema(source, text));
            case PROTOBUF -> ProtobufFields.list(SchemaTexts.parseProtobuf(source, text));
        };
    }
}
