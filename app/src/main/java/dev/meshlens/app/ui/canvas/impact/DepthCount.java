package dev.meshlens.app.ui.canvas.impact;

/**
 * How many nodes are impacted at one depth.
 *
 * @param depth graph hops from the focus, 1 or more
 * @param count how many nodes are reached first at that depth
 */
public record DepthCount(int depth, int count) {
}
