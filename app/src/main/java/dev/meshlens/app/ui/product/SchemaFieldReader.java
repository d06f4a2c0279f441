package dev.meshlens.app.ui.product;

import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.SchemaVersion;
import dev.meshlens.engine.schema.SchemaField;
import dev.meshlens.engine.schema.SchemaFields;

import java.util.List;

/**
 * Reads the fields of registered schema versions for the product page and the search, through the engine's
 * {@link SchemaFields} (Avro, JSON Schema, Protobuf; nested fields by path). Stateless and thread-safe.
 */
public final class SchemaFieldReader {

    /**
     * The fields of {@code version}, parents before their nested fields.
     *
     * @throws InputException           naming the subject and version when the schema does not parse
     * @throws IllegalArgumentException when the schema type is unknown
     */
    public List<SchemaField> read(SchemaVersion version) {
        return SchemaFields.of(version);
    }

    /** The field paths of {@code version}, or none when it does not parse (for the search index). */
    public List<String> fieldNames(SchemaVersion version) {
        try {
            return read(version).stream().map(SchemaField::path).filter(p -> !p.isEmpty()).toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
