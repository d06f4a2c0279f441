package dev.meshlens.app.ui.product;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One row of a side-by-side schema diff: a field as it is in the older and in the newer version.
 *
 * @param left  the field in the older version, or null when it was added
 * @param right the field in the newer version, or null when it was removed
 */
public record FieldDiff(String name, Change change, SchemaField left, SchemaField right) {

    /** How a field differs between the two versions. */
    public enum Change {
        UNCHANGED("unchanged"), ADDED("added"), REMOVED("removed"), TYPE_CHANGED("type changed"),
        DOC_CHANGED("doc changed");

        private final String label;

        Change(String label) {
            this.label = label;
        }

        /** The label shown in the diff table. */
        public String label() {
            return label;
        }

        /** The CSS style class of rows with this change, e.g. {@code diff-added}. */
        public String styleClass() {
            return "diff-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public FieldDiff {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(change, "change");
    }

    /**
     * Aligns two field lists by field name, in the newer version's order, each removed field placed after the
     * field that preceded it in the older version.
     */
    public static List<FieldDiff> between(List<SchemaField> older, List<SchemaField> newer) {
        Map<String, SchemaField> left = byName(older);
        Map<String, SchemaField> right = byName(newer);
        List<String> order = new ArrayList<>(right.keySet());
        String previous = null;
        for (String name : left.keySet()) {
            if (!right.containsKey(name)) {
                int at = previous == null ? 0 : order.indexOf(previous) + 1;
                order.add(at, name);
            }
            previous = name;
        }
        List<FieldDiff> rows = new ArrayList<>(order.size());
        for (String name : order) {
            SchemaField l = left.get(name);
            SchemaField r = right.get(name);
            rows.add(new FieldDiff(name, changeOf(l, r), l, r));
        }
        return rows;
    }

    private static Change changeOf(SchemaField l, SchemaField r) {
        if (l == null) {
            return Change.ADDED;
        }
        if (r == null) {
            return Change.REMOVED;
        }
        if (!l.type().equals(r.type())) {
            return Change.TYPE_CHANGED;
        }
        return l.doc().equals(r.doc()) ? Change.UNCHANGED : Change.DOC_CHANGED;
    }

    private static Map<String, SchemaField> byName(List<SchemaField> fields) {
        Map<String, SchemaField> map = new LinkedHashMap<>();
        fields.forEach(f -> map.putIfAbsent(f.name(), f));
        return map;
    }
}
