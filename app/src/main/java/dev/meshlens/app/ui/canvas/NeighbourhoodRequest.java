package dev.meshlens.app.ui.canvas;

import dev.meshlens.engine.lineage.LineageTraversal;

import java.util.Objects;
import java.util.Set;

/**
 * Which neighbourhood of the lineage the canvas shows.
 *
 * @param focus            the id of the focus node, e.g. {@code product:sales.orders.placed}
 * @param upstream         how many hops upstream, {@link LineageTraversal#UNLIMITED} for all
 * @param downstream       how many hops downstream, {@link LineageTraversal#UNLIMITED} for all
 * @param groupBy          what big fan-outs are clustered by
 * @param expanded         ids of the clusters the user opened
 * @param clusterThreshold more nodes than this in one layer behind one common neighbour are clustered
 */
public record NeighbourhoodRequest(String focus, int upstream, int downstream, GroupBy groupBy, Set<String> expanded,
                                   int clusterThreshold) {

    /** The depth each way the canvas starts with. */
    public static final int DEFAULT_DEPTH = 2;
    /** The fan-out above which nodes are clustered unless told otherwise. */
    public static final int DEFAULT_CLUSTER_THRESHOLD = 40;

    /** @throws IllegalArgumentException when a depth is negative or the threshold below 1 */
    public NeighbourhoodRequest {
        Objects.requireNonNull(focus, "focus");
        Objects.requireNonNull(groupBy, "groupBy");
        expanded = Set.copyOf(expanded);
        if (upstream < 0 || downstream < 0) {
            throw new IllegalArgumentException("depths must be 0 or more, got " + upstream + " and " + downstream);
        }
        if (clusterThreshold < 1) {
            throw new IllegalArgumentException("cluster threshold must be 1 or more, got " + clusterThreshold);
        }
    }

    /** The neighbourhood of {@code focus} two hops each way, grouped by domain, nothing expanded. */
    public static NeighbourhoodRequest of(String focus) {
        return new NeighbourhoodRequest(focus, DEFAULT_DEPTH, DEFAULT_DEPTH, GroupBy.DOMAIN, Set.of(),
                DEFAULT_CLUSTER_THRESHOLD);
    }

    /** This request with other depths. */
    public NeighbourhoodRequest withDepths(int up, int down) {
        return new NeighbourhoodRequest(focus, up, down, groupBy, expanded, clusterThreshold);
    }

    /** This request around another focus, with nothing expanded. */
    public NeighbourhoodRequest withFocus(String newFocus) {
        return new NeighbourhoodRequest(newFocus, upstream, downstream, groupBy, Set.of(), clusterThreshold);
    }

    /** This request grouping by {@code key}, with nothing expanded (cluster ids name the key). */
    public NeighbourhoodRequest withGroupBy(GroupBy key) {
        return new NeighbourhoodRequest(focus, upstream, downstream, key, Set.of(), clusterThreshold);
    }

    /** This request with the cluster {@code clusterId} expanded too. */
    public NeighbourhoodRequest expanding(String clusterId) {
        java.util.Set<String> more = new java.util.HashSet<>(expanded);
        more.add(clusterId);
        return new NeighbourhoodRequest(focus, upstream, downstream, groupBy, more, clusterThreshold);
    }

    /** This request clustering above {@code threshold} nodes. */
    public NeighbourhoodRequest withClusterThreshold(int threshold) {
        return new NeighbourhoodRequest(focus, upstream, downstream, groupBy, expanded, threshold);
    }
}
