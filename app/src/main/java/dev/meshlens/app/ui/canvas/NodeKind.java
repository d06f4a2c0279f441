package dev.meshlens.app.ui.canvas;

/** What a node on the lineage canvas stands for; the renderer shapes nodes by kind. */
public enum NodeKind {
    /** A data product (a topic, registered in the catalog or not). */
    PRODUCT,
    /** A service (a principal that writes or reads topics). */
    SERVICE,
    /** A consumer group no principal could be found for. */
    GROUP,
    /** Several nodes drawn as one expandable node (a big fan-out grouped by domain, owner or state). */
    CLUSTER,
    /** One hop of a record trace: a record written by a service at a time. */
    RECORD
}
