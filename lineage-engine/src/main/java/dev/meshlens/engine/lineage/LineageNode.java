package dev.meshlens.engine.lineage;

import java.util.Comparator;

/**
 * A vertex of the lineage graph: a small immutable identifier. Attributes (owner, tier, state) never live in a
 * node; they live in the store or in maps beside the graph, so equality is identity of the thing named.
 */
public sealed interface LineageNode permits ProductNode, ServiceNode, GroupNode {

    /** Orders nodes by kind label, then name: the order every lineage answer lists nodes in. */
    Comparator<LineageNode> ORDER = Comparator.comparing(LineageNode::kind).thenComparing(LineageNode::name);

    /** {@code product}, {@code service} or {@code group}: stable, used in output. */
    String kind();

    /** The topic, the principal or the group id. */
    String name();
}
