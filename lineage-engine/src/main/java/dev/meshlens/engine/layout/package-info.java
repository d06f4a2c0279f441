/**
 * Graph layouts the lineage canvas draws with: {@link dev.meshlens.engine.layout.LayeredLayout} places nodes in
 * columns by lineage depth (upstream left, focus in the middle, downstream right) and orders each column to keep
 * edge crossings few. Pure geometry over a JGraphT graph, so it is tested and timed without a window.
 */
package dev.meshlens.engine.layout;
