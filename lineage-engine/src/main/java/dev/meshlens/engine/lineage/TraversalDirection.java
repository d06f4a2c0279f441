package dev.meshlens.engine.lineage;

/** Which way a traversal follows the edges. */
public enum TraversalDirection {
    /** Along the data flow: who is fed by the root. */
    DOWNSTREAM,
    /** Against the data flow: what feeds the root. */
    UPSTREAM
}
