package dev.meshlens.app.ui.canvas;

/**
 * A highlight laid over a node or an edge by what the user is doing; the renderer draws each mark in a style of
 * its own, so a mark set is also what component tests assert on.
 */
public enum Mark {
    /** The node the canvas is centred on. */
    FOCUS,
    /** The node the user clicked; its details are in the side panel. */
    SELECTED,
    /** Downstream of the focus in impact mode. */
    IMPACTED,
    /** Would break under a proposed schema change. */
    BREAKS,
    /** On the limiting path of a tier violation. */
    LIMITING,
    /** Only in the newer snapshot of a diff. */
    ADDED,
    /** Only in the older snapshot of a diff. */
    REMOVED,
    /** In both snapshots of a diff, with different facts. */
    CHANGED,
    /** A missing link (a record trace gap). */
    GAP,
    /** Drawn faintly: present for context, not part of the answer shown. */
    DIMMED
}
