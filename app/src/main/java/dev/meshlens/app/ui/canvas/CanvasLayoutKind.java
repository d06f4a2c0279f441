package dev.meshlens.app.ui.canvas;

/** How the canvas places nodes. */
public enum CanvasLayoutKind {
    /** Columns by lineage depth, upstream left, the focus in the middle, downstream right. */
    LAYERED("Layered"),
    /** GraphStream's spring-box force-directed layout, running live. */
    FORCE_DIRECTED("Force-directed");

    private final String label;

    CanvasLayoutKind(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
