package dev.meshlens.engine.model;

import java.util.List;
import java.util.Objects;

/**
 * One registered schema version of a subject.
 *
 * @param schemaType    AVRO, JSON or PROTOBUF
 * @param compatibility the compatibility level in force for the subject (BACKWARD, FULL_TRANSITIVE, ...), or null
 * @param references    references to other subjects as {@code subject:version}
 */
public record SchemaVersion(String subject, int version, int id, String schemaType, String schema,
                            List<String> references, String compatibility) {

    public SchemaVersion {
        Objects.requireNonNull(subject, "subject");
        schemaType = schemaType == null || schemaType.isBlank() ? "AVRO" : schemaType;
        references = references == null ? List.of() : List.copyOf(references);
    }
}
