package dev.meshlens.engine.lineage;

import java.util.Objects;

/** An edge a traversal followed, in the graph's own orientation (also for upstream traversals), with its facts. */
public record TraversedEdge(LineageEdge edge, EdgeFacts facts) {

    /** @throws NullPointerException when a component is null */
    public TraversedEdge {
        Objects.requireNonNull(edge, "edge");
        Objects.requireNonNull(facts, "facts");
    }
}
