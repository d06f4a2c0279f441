package dev.meshlens.app.ui.main;

import dev.meshlens.app.ui.common.Stylesheets;
import dev.meshlens.app.ui.common.TableCopy;
import dev.meshlens.app.ui.impact.ImpactView;
import dev.meshlens.app.ui.impact.ImpactViewModel;
import dev.meshlens.app.ui.canvas.CanvasIds;
import dev.meshlens.app.ui.canvas.LineageCanvasView;
import dev.meshlens.app.ui.canvas.LineageCanvasViewModel;
import dev.meshlens.app.ui.product.ProductActions;
import dev.meshlens.app.ui.service.LoadedCatalog;
import dev.meshlens.app.ui.task.DefaultTaskExecutor;
import dev.meshlens.engine.model.DataProduct;
import javafx.stage.Window;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The product actions of the desktop window: the lineage and the breaking-change impact open in windows of
 * their own over the main window.
 */
public final class DialogProductActions implements ProductActions {
    private final Supplier<Window> owner;
    private Consumer<DataProduct> opener = product -> { };
    private boolean dark;

    /** @param owner the window the dialogs belong to */
    public DialogProductActions(Supplier<Window> owner) {
        this.owner = Objects.requireNonNull(owner);
    }

    /** Sets what picking a product in the lineage window does (open its page). */
    public void setOpener(Consumer<DataProduct> opener) {
        this.opener = Objects.requireNonNull(opener);
    }

    /** Sets the theme of windows opened from now on. */
    public void setDark(boolean dark) {
        this.dark = dark;
    }

    /** Opens the page of {@code product} through the opener. */
    @Override
    public void open(DataProduct product) {
        opener.accept(product);
    }

    /**
     * Opens the lineage canvas centred on {@code product}, in a window of its own with its own worker threads
     * (stopped when the window closes).
     */
    @Override
    public void showLineage(DataProduct product, LoadedCatalog catalog) {
        DefaultTaskExecutor executor = new DefaultTaskExecutor();
        LineageCanvasViewModel model = new LineageCanvasViewModel(catalog, executor, opener);
        javafx.stage.Stage stage = LineageCanvasView.show(owner.get(), model, Stylesheets.forTheme(dark), dark);
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> executor.shutdown());
        model.refocus(CanvasIds.product(product.topic()));
    }

    /** Opens the breaking-change impact window of {@code product}. */
    @Override
    public void planBreakingChange(DataProduct product, LoadedCatalog catalog) {
        ImpactView.show(owner.get(), new ImpactViewModel(catalog, product, TableCopy::copyToClipboard),
                Stylesheets.forTheme(dark));
    }
}
