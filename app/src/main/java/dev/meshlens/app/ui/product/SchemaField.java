package dev.meshlens.app.ui.product;

import java.util.Objects;

/**
 * One field of a schema, flattened for reading: nested record fields are named by their path.
 *
 * @param name {@code customer.address.city}
 * @param type readable type, e.g. {@code string}, {@code long (timestamp-millis)}, {@code optional string},
 *             {@code array<string>}, {@code enum Status}
 * @param doc  the field's documentation, or an empty string
 */
public record SchemaField(String name, String type, String doc) {

    public SchemaField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        doc = doc == null ? "" : doc;
    }
}
