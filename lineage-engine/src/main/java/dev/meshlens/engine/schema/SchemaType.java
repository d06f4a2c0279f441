package dev.meshlens.engine.schema;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The schema types a Confluent-compatible registry knows, named as its REST API names them. */
public enum SchemaType {
    AVRO, JSON, PROTOBUF;

    /**
     * Parses the registry's {@code schemaType}. A missing type means AVRO, as it does in the registry's API.
     *
     * @throws IllegalArgumentException naming the accepted types when {@code text} is none of them
     */
    public static SchemaType parse(String text) {
        if (text == null || text.isBlank()) {
            return AVRO;
        }
        String wanted = text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(t -> t.name().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown schema type '" + text
                        + "', expected one of " + Arrays.toString(values())));
    }

    /**
     * The type a schema file's extension names: {@code .avsc} AVRO, {@code .json} JSON Schema, {@code .proto}
     * PROTOBUF (case ignored); empty for any other file.
     */
    public static Optional<SchemaType> forFileName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".avsc")) {
            return Optional.of(AVRO);
        }
        if (name.endsWith(".json")) {
            return Optional.of(JSON);
        }
        return name.endsWith(".proto") ? Optional.of(PROTOBUF) : Optional.empty();
    }
}
