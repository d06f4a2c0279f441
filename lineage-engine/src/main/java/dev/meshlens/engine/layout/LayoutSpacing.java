package dev.meshlens.engine.layout;

/**
 * How far apart a {@link LayeredLayout} places its vertices.
 *
 * @param columnGap        the horizontal distance between two neighbouring columns, in layout units
 * @param rowGap           the vertical distance between two vertices of one column
 * @param maxRowsPerColumn a layer with more vertices than this is wrapped into several sub-columns side by side
 *                         (each {@code subColumnGap} apart), so a fan-out of thousands stays roughly square
 *                         instead of one column thousands of rows tall
 * @param subColumnGap     the horizontal distance between the sub-columns of one wrapped layer
 */
public record LayoutSpacing(double columnGap, double rowGap, int maxRowsPerColumn, double subColumnGap) {

    /** Spacing fit for labelled boxes about 160 by 24 units, layers of up to 40 rows before wrapping. */
    public static final LayoutSpacing DEFAULT = new LayoutSpacing(260, 40, 40, 200);

    /** @throws IllegalArgumentException when a gap is not positive or {@code maxRowsPerColumn} is below 1 */
    public LayoutSpacing {
        if (!(columnGap > 0) || !(rowGap > 0) || !(subColumnGap > 0)) {
            throw new IllegalArgumentException("layout gaps must be positive: columnGap " + columnGap + ", rowGap "
                    + rowGap + ", subColumnGap " + subColumnGap);
        }
        if (maxRowsPerColumn < 1) {
            throw new IllegalArgumentException("maxRowsPerColumn must be 1 or more, got " + maxRowsPerColumn);
        }
    }
}
