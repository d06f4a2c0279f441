package dev.meshlens.engine.schema;

import java.util.Objects;

/**
 * One field of a schema version, as a catalog lists it.
 *
 * @param path     where the field sits, written as described in the package documentation
 *                 ({@code customer.address.city}, {@code lines[].sku}); empty for a schema that is not a
 *                 record or object
 * @param type     the field's type as a reader would write it: {@code string}, {@code null|string},
 *                 {@code array<record OrderLine>}, {@code map<long>}, {@code decimal(10,2)},
 *                 {@code timestamp-millis}, {@code enum Currency{EUR,USD}}; a declared default follows as
 *                 {@code  = <json>}, e.g. {@code null|string = null} or {@code string = "web"}, so that a
 *                 default added or dropped shows in a diff
 * @param doc      the field's documentation ({@code doc}, {@code description} or a Protobuf comment), or null
 * @param required whether every record must carry a value: an Avro field with no default that is not
 *                 nullable, a JSON Schema property named in its object's {@code required}, a Protobuf
 *                 proto2 {@code required} field
 */
public record SchemaField(String path, String type, String doc, boolean required) {

    public SchemaField {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        doc = doc == null || doc.isBlank() ? null : doc.strip();
    }
}
