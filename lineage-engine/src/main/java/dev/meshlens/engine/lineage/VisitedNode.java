package dev.meshlens.engine.lineage;

import java.util.Objects;

/**
 * A node reached by a traversal.
 *
 * @param depth the number of graph hops on a shortest path from the root; 0 for the root
 */
public record VisitedNode(LineageNode node, int depth) {

    /** @throws IllegalArgumentException when {@code depth} is negative */
    public VisitedNode {
        Objects.requireNonNull(node, "node");
        if (depth < 0) {
            throw new IllegalArgumentException("depth must be 0 or more, got " + depth);
        }
    }
}
