package dev.meshlens.engine.change;

import dev.meshlens.engine.schema.SchemaType;

import java.util.Objects;

/**
 * A schema an owner proposes to register.
 *
 * @param source names the schema in errors, e.g. the file name {@code orders-v3.avsc}
 * @param type   AVRO, JSON or PROTOBUF
 * @param text   the schema text
 */
public record ProposedSchema(String source, SchemaType type, String text) {

    /** @throws NullPointerException when a component is null */
    public ProposedSchema {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
    }
}
