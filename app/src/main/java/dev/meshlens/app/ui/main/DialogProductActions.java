package dev.meshlens.app.ui.main;

import dev.meshlens.app.ui.canvas.CanvasIds;
import dev.meshlens.app.ui.canvas.LineageCanvasView;
import dev.meshlens.app.ui.canvas.LineageCanvasViewModel;
import dev.meshlens.app.ui.canvas.modes.FxFileDialogs;
import dev.meshlens.app.ui.canvas.modes.mount.CanvasModePanels;
import dev.meshlens.app.ui.canvas.modes.mount.MountedMode;
import dev.meshlens.app.ui.common.Stylesheets;
import dev.meshlens.app.ui.common.TableCopy;
import dev.meshlens.app.ui.product.ProductActions;
import dev.meshlens.app.ui.service.CatalogService;
import dev.meshlens.app.ui.service.LoadedCatalog;
import dev.meshlens.app.ui.task.DefaultTaskExecutor;
import dev.meshlens.engine.model.DataProduct;
import javafx.scene.control.Tab;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The product actions of the desktop window: the lineage canvas opens in a window of its own over the main
 * window, with its modes (impact, breaking change, tier chains, record trace, diff) beside it; planning a
 * breaking change opens the same window on the breaking-change mode.
 */
public final class DialogProductActions implements ProductActions {
    private static final String CHANGE_MODE = "change";

    private final Supplier<Window> owner;
    private Consumer<DataProduct> opener = product -> { };
    private Supplier<CatalogService> service = () -> null;
    private boolean dark;

    /** @param owner the window the dialogs belong to */
    public DialogProductActions(Supplier<Window> owner) {
        this.owner = Objects.requireNonNull(owner);
    }

    /** Sets what picking a product in the lineage window does (open its page). */
    public void setOpener(Consumer<DataProduct> opener) {
        this.opener = Objects.requireNonNull(opener);
    }

    /** Sets where the canvas's diff loads other snapshots from: the catalog the window has open. */
    public void setCatalogService(Supplier<CatalogService> service) {
        this.service = Objects.requireNonNull(service);
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

    /** Opens the lineage canvas around {@code product}. */
    @Override
    public void showLineage(DataProduct product, LoadedCatalog catalog) {
        openCanvas(product, catalog, null);
    }

    /** Opens the lineage canvas around {@code product} on its breaking-change planner. */
    @Override
    public void planBreakingChange(DataProduct product, LoadedCatalog catalog) {
        openCanvas(product, catalog, CHANGE_MODE);
    }

    private void openCanvas(DataProduct product, LoadedCatalog catalog, String selectedMode) {
        DefaultTaskExecutor executor = new DefaultTaskExecutor();
        LineageCanvasViewModel model = new LineageCanvasViewModel(catalog, executor, opener);
        CatalogService catalogs = service.get();
        Stage stage = LineageCanvasView.show(owner.get(), model, Stylesheets.forTheme(dark), dark, view -> {
            FxFileDialogs dialogs = new FxFileDialogs(() -> view.getScene().getWindow());
            for (MountedMode mode : CanvasModePanels.create(model, catalogs, executor, dialogs,
                    TableCopy::copyToClipboard, ZoneId.systemDefault())) {
                Tab tab = view.addModePanel(mode.title(), mode.panel());
                tab.setOnSelectionChanged(e -> {
                    if (tab.isSelected()) {
                        // each mode starts from the plain neighbourhood, not from what the previous mode drew
                        model.restore();
                        mode.enter().run();
                    }
                });
                if (mode.id().equals(selectedMode)) {
                    tab.getTabPane().getSelectionModel().select(tab);
                }
            }
        });
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> executor.shutdown());
        model.refocus(CanvasIds.product(product.topic()));
    }
}
