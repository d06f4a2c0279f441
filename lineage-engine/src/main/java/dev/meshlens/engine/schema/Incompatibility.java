package dev.meshlens.engine.schema;

import java.util.Objects;

/**
 * One reason a proposed schema is not compatible with a registered version.
 *
 * @param againstVersion the registered version it conflicts with
 * @param fieldPath      the field concerned, written as in {@link SchemaField#path()}; empty when the problem
 *                       is the schema as a whole (a renamed root record, a changed schema type)
 * @param kind           what kind of problem: Avro's {@code SchemaIncompatibilityType} name for Avro
 *                       ({@code READER_FIELD_MISSING_DEFAULT_VALUE}, {@code TYPE_MISMATCH}, ...), one of the
 *                       kinds documented on {@link CompatibilityChecker} otherwise
 * @param message        a sentence for the owner, naming the direction (which side cannot read which)
 */
public record Incompatibility(int againstVersion, String fieldPath, String kind, String message) {

    public Incompatibility {
        Objects.requireNonNull(fieldPath, "fieldPath");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}
