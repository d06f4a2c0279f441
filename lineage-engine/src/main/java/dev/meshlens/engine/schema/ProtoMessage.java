package dev.meshlens.engine.schema;

import java.util.List;

/**
 * A Protobuf message as {@link ProtoParser} reads it: its fields and the messages declared inside it.
 */
record ProtoMessage(String name, List<Field> fields, List<ProtoMessage> nested) {

    ProtoMessage {
        fields = List.copyOf(fields);
        nested = List.copyOf(nested);
    }

    /**
     * @param label  {@code repeated}, {@code optional}, {@code required} or empty
     * @param type   the declared type, {@code map<string, int64>} for map fields
     * @param oneof  the enclosing {@code oneof}, or null
     * @param doc    the comment above the field (or after it on the same line), or null
     */
    record Field(String name, String type, String label, int number, String oneof, String doc) {
    }
}
