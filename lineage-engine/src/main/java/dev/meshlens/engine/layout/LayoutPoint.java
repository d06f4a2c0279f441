package dev.meshlens.engine.layout;

/**
 * Where a layout puts a vertex, in layout units (the renderer scales them): {@code x} grows to the right,
 * {@code y} grows downwards.
 */
public record LayoutPoint(double x, double y) {
}
