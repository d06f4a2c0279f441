package dev.meshlens.engine.schema;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lists the fields of a .proto file's first top-level message (the one a Confluent serializer writes by
 * default), descending into fields whose type is a message declared in the same file.
 */
final class ProtobufFields {
    private final List<ProtoMessage> topLevel;
    private final List<SchemaField> out = new ArrayList<>();
    private final Set<ProtoMessage> open = new HashSet<>();

    private ProtobufFields(List<ProtoMessage> topLevel) {
        this.topLevel = topLevel;
    }

    static List<SchemaField> list(List<ProtoMessage> topLevel) {
        if (topLevel.isEmpty()) {
            return List.of();
        }
        ProtobufFields fields = new ProtobufFields(topLevel);
        Deque<ProtoMessage> scope = new ArrayDeque<>();
        fields.message(topLevel.get(0), "", scope);
        return List.copyOf(fields.out);
    }

    private void message(ProtoMessage message, String prefix, Deque<ProtoMessage> scope) {
        if (!open.add(message)) {
            return; // a recursive message: list it once
        }
        scope.push(message);
        for (ProtoMessage.Field f : message.fields()) {
            String path = FieldPaths.child(prefix, f.name());
            String doc = f.oneof() == null ? f.doc()
                    : "(oneof " + f.oneof() + ")" + (f.doc() == null ? "" : " " + f.doc());
            String type = f.label().equals("repeated") ? "repeated " + f.type() : f.type();
            out.add(new SchemaField(path, type, doc, f.label().equals("required")));
            String valueType = f.type();
            String inner = path;
            if (f.type().startsWith("map<")) {
                valueType = f.type().substring(f.type().indexOf(',') + 1, f.type().length() - 1).strip();
                inner = path + FieldPaths.VALUES;
            } else if (f.label().equals("repeated")) {
                inner = path + FieldPaths.ITEMS;
            }
            ProtoMessage target = resolve(valueType, scope);
            if (target != null) {
                message(target, inner, scope);
            }
        }
        scope.pop();
        open.remove(message);
    }

    /** Finds a message by the name a field uses: nested scopes first, then the file, package prefix ignored. */
    private ProtoMessage resolve(String type, Deque<ProtoMessage> scope) {
        String name = type.startsWith(".") ? type.substring(1) : type;
        String[] parts = name.split("\\.");
        if (parts.length == 1) {
            for (ProtoMessage enclosing : scope) {
                for (ProtoMessage nested : enclosing.nested()) {
                    if (nested.name().equals(name)) {
                        return nested;
                    }
                }
            }
        }
        for (int from = 0; from < parts.length; from++) {
            ProtoMessage found = walk(topLevel, parts, from);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static ProtoMessage walk(List<ProtoMessage> level, String[] parts, int from) {
        ProtoMessage current = null;
        List<ProtoMessage> candidates = level;
        for (int i = from; i < parts.length; i++) {
            current = null;
            for (ProtoMessage m : candidates) {
                if (m.name().equals(parts[i])) {
                    current = m;
                    break;
                }
            }
            if (current == null) {
                return null;
            }
            candidates = current.nested();
        }
        return current;
    }
}
