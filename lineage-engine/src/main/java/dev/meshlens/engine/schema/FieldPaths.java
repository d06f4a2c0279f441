package dev.meshlens.engine.schema;

/** Joins field paths as the package documentation writes them. */
final class FieldPaths {
    static final String ITEMS = "[]";
    static final String VALUES = "{}";

    private FieldPaths() {
    }

    /** {@code parent.name}, or {@code name} at the top. */
    static String child(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    /** Appends a path found inside the schema at {@code parent}: {@code a} + {@code b.c} = {@code a.b.c}. */
    static String join(String parent, String inner) {
        if (inner.isEmpty()) {
            return parent;
        }
        if (parent.isEmpty() || inner.startsWith(ITEMS) || inner.startsWith(VALUES)) {
            return parent + inner;
        }
        return parent + "." + inner;
    }
}
