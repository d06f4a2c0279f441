package dev.meshlens.app.ui.product;

import dev.meshlens.app.ui.service.LoadedCatalog;
import dev.meshlens.engine.model.DataProduct;

/**
 * What the product page's action buttons do beyond the page itself. The main window supplies the
 * implementation; other features (a lineage graph, the breaking-change planner) plug in here.
 */
public interface ProductActions {

    /** Opens the page of {@code product} (a product linked from another page). */
    void open(DataProduct product);

    /** Shows where {@code product} comes from and who uses it, as of {@code catalog}. */
    void showLineage(DataProduct product, LoadedCatalog catalog);

    /** Starts planning a breaking schema change to {@code product}, as of {@code catalog}. */
    void planBreakingChange(DataProduct product, LoadedCatalog catalog);
}
