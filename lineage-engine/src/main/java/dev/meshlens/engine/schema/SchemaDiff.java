package dev.meshlens.engine.schema;

import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.SchemaVersion;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The field-level difference between two versions of a subject: one row per field path of either version,
 * in an order fit for a side-by-side view (the newer version's order, each removed field right after the
 * field it followed in the older version).
 *
 * @param rows every field of either version; see {@link #added()}, {@link #removed()}, {@link #changed()}
 */
public record SchemaDiff(List<Row> rows) {

    /** What happened to a field between the two versions. */
    public enum Status { UNCHANGED, ADDED, REMOVED, CHANGED }

    /** Which part of a field changed. A default added or dropped changes the type (see {@link SchemaField#type()}). */
    public enum Aspect { TYPE, DOC, REQUIRED }

    /**
     * One line of a side-by-side view.
     *
     * @param before  the field in the older version, or null when added
     * @param after   the field in the newer version, or null when removed
     * @param changed what changed; empty unless {@code status} is CHANGED
     */
    public record Row(String path, SchemaField before, SchemaField after, Status status, Set<Aspect> changed) {

        public Row {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(status, "status");
            changed = changed.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(changed));
        }
    }

    public SchemaDiff {
        rows = List.copyOf(rows);
    }

    /**
     * Compares two versions of a subject.
     *
     * @throws InputException naming the subject and version whose schema text does not parse
     */
    public static SchemaDiff between(SchemaVersion older, SchemaVersion newer) {
        return of(SchemaFields.of(older), SchemaFields.of(newer));
    }

    /** Compares two field listings, matching fields by path. */
    public static SchemaDiff of(List<SchemaField> before, List<SchemaField> after) {
        Map<String, SchemaField> oldByPath = byPath(before);
        Map<String, SchemaField> newByPath = byPath(after);
        // Removed fields are placed after the nearest earlier field of the old version that still exists.
        Map<String, List<SchemaField>> removedAfter = new HashMap<>();
        String anchor = "";
        for (SchemaField field : oldByPath.values()) {
            if (newByPath.containsKey(field.path())) {
                anchor = field.path();
            } else {
                removedAfter.computeIfAbsent(anchor, k -> new ArrayList<>()).add(field);
            }
        }
        List<Row> rows = new ArrayList<>();
        removedAfter.getOrDefault("", List.of()).forEach(f -> rows.add(removed(f)));
        for (SchemaField field : newByPath.values()) {
            SchemaField old = oldByPath.get(field.path());
            rows.add(old == null ? new Row(field.path(), null, field, Status.ADDED, Set.of()) : compare(old, field));
            if (old != null) {
                removedAfter.getOrDefault(field.path(), List.of()).forEach(f -> rows.add(removed(f)));
            }
        }
        return new SchemaDiff(rows);
    }

    /** Fields only the newer version has. */
    public List<SchemaField> added() {
        return rows.stream().filter(r -> r.status() == Status.ADDED).map(Row::after).toList();
    }

    /** Fields only the older version has. */
    public List<SchemaField> removed() {
        return rows.stream().filter(r -> r.status() == Status.REMOVED).map(Row::before).toList();
    }

    /** Fields both versions have, with a different type, doc or required flag. */
    public List<Row> changed() {
        return rows.stream().filter(r -> r.status() == Status.CHANGED).toList();
    }

    /** Whether the two versions have the same fields, types, docs and required flags. */
    public boolean isEmpty() {
        return rows.stream().allMatch(r -> r.status() == Status.UNCHANGED);
    }

    private static Row compare(SchemaField before, SchemaField after) {
        Set<Aspect> changed = EnumSet.noneOf(Aspect.class);
        if (!before.type().equals(after.type())) {
            changed.add(Aspect.TYPE);
        }
        if (!Objects.equals(before.doc(), after.doc())) {
            changed.add(Aspect.DOC);
        }
        if (before.required() != after.required()) {
            changed.add(Aspect.REQUIRED);
        }
        return new Row(after.path(), before, after, changed.isEmpty() ? Status.UNCHANGED : Status.CHANGED, changed);
    }

    private static Row removed(SchemaField field) {
        return new Row(field.path(), field, null, Status.REMOVED, Set.of());
    }

    private static Map<String, SchemaField> byPath(List<SchemaField> fields) {
        Map<String, SchemaField> byPath = new LinkedHashMap<>();
        fields.forEach(f -> byPath.putIfAbsent(f.path(), f));
        return byPath;
    }
}
