package dev.meshlens.engine.diff;

import dev.meshlens.engine.lineage.EdgeFacts;
import dev.meshlens.engine.lineage.LineageEdge;

import java.util.Objects;

/** A lineage edge with what one state knows about it. */
public record EdgeRow(LineageEdge edge, EdgeFacts facts) {

    /** @throws NullPointerException when a component is null */
    public EdgeRow {
        Objects.requireNonNull(edge, "edge");
        Objects.requireNonNull(facts, "facts");
    }
}
