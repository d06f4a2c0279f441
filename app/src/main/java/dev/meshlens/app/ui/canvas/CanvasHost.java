package dev.meshlens.app.ui.canvas;

import dev.meshlens.app.ui.service.LoadedCatalog;

/**
 * What a canvas mode (impact, breaking change, tier paths, record trace, diff) may ask of the lineage canvas it
 * runs in. Implemented by the canvas's view model; called on the JavaFX thread.
 */
public interface CanvasHost {

    /** The catalog as of the snapshot the canvas shows. */
    LoadedCatalog catalog();

    /** The id of the current focus node, e.g. {@code product:sales.orders.placed}. */
    String focus();

    /** The neighbourhood of the focus as the canvas drew it before any mode changed it. */
    CanvasGraph neighbourhood();

    /** Draws {@code graph} instead of what the canvas shows now (laid out by the canvas's layout). */
    void draw(CanvasGraph graph);

    /** Draws the neighbourhood of the focus again, without any mode's marks. */
    void restore();
}
