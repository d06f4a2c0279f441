package dev.meshlens.app.ui.main;

import dev.meshlens.app.ui.catalog.CatalogView;
import dev.meshlens.app.ui.catalog.ProductRow;
import dev.meshlens.app.ui.common.Icons;
import dev.meshlens.app.ui.common.Stylesheets;
import dev.meshlens.app.ui.export.ExportView;
import dev.meshlens.app.ui.importer.ImportView;
import dev.meshlens.app.ui.importer.ImportViewModel;
import dev.meshlens.app.ui.product.ProductView;
import dev.meshlens.app.ui.product.ProductViewModel;
import dev.meshlens.app.ui.settings.Theme;
import dev.meshlens.app.ui.timeline.TimelineView;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.controlsfx.control.MaskerPane;
import org.controlsfx.control.StatusBar;

import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The main window's content: menus, the product table and product pages as tabs, the timeline panel, the
 * historical banner and the status bar. Thin: binds to a {@link MainViewModel}; window-level settings (theme,
 * timeline panel) are reported through {@link Listener}.
 */
public final class MainView extends BorderPane {
    private static final PseudoClass HISTORICAL = PseudoClass.getPseudoClass("historical");
    private static final String READ_ONLY_TIP = "The catalog is open read-only (another Meshlens window has it):"
            + " import there, or close it there and reopen the catalog here.";

    /** What the window remembers and applies when the user changes it here. */
    public interface Listener {
        /** The user picked a theme setting. */
        void themeChosen(Theme theme);

        /** The timeline panel was shown or hidden. */
        void timelineToggled(boolean visible);

        /** The user asked for File ▸ Open catalog; the window shows the dialog. */
        default void openCatalogRequested() {
        }

        /** The user picked a recent catalog (a JDBC URL) to switch to. */
        default void catalogChosen(String jdbcUrl) {
        }

        /** The catalogs opened lately, newest first, for the File menu. */
        default List<String> recentCatalogs() {
            return List.of();
        }
    }

    private final MainViewModel viewModel;
    private final Listener listener;
    private final CatalogView catalogView;
    private final TimelineView timelineView;
    private final TabPane tabs = new TabPane();
    private final Tab catalogTab;
    private final SplitPane split = new SplitPane();
    private final HBox banner;
    private final Map<ProductViewModel, Tab> productTabs = new HashMap<>();
    private final CheckMenuItem timelineItem = new CheckMenuItem("Timeline");
    private final ToggleGroup themeGroup = new ToggleGroup();
    private boolean dark;

    /**
     * @param theme           the theme setting to show as checked
     * @param timelineVisible whether the timeline panel starts open
     */
    public MainView(MainViewModel viewModel, Theme theme, boolean timelineVisible, Listener listener) {
        this.viewModel = viewModel;
        this.listener = listener;
        getStyleClass().add("main-view");

        MenuItem lineageItem = new MenuItem("Show lineage");
        lineageItem.setOnAction(e -> withProduct(ProductViewModel::showLineage));
        catalogView = new CatalogView(viewModel.catalogViewModel(), List.of(lineageItem));
        catalogView.setOnImport(() -> openImport(List.of(), false));
        catalogView.setOnLoadDemo(viewModel::loadDemo, viewModel.emptyProperty());
        catalogView.toolbarEnd().getChildren().add(clusterPicker());
        catalogTab = new Tab("Catalog", catalogView);
        catalogTab.setClosable(false);
        catalogTab.setId("catalog-tab");
        catalogTab.setGraphic(Icons.icon("table"));
        tabs.getTabs().add(catalogTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        tabs.getStyleClass().add("main-tabs");
        bindProductTabs();

        timelineView = new TimelineView(viewModel.timelineViewModel());
        split.getItems().add(tabs);
        split.getStyleClass().add("main-split");
        setTimelineVisible(timelineVisible);

        // a bar above the content rather than an overlay, so the tabs and the timeline stay visible
        Label bannerText = new Label();
        bannerText.setId("historical-text");
        bannerText.setWrapText(true);
        bannerText.textProperty().bind(viewModel.historicalTextProperty());
        Button backToLatest = new Button("Back to the newest snapshot");
        backToLatest.setId("back-to-latest");
        backToLatest.setOnAction(e -> viewModel.showLatest());
        Region bannerSpacer = new Region();
        HBox.setHgrow(bannerSpacer, Priority.ALWAYS);
        banner = new HBox(12, bannerText, bannerSpacer, backToLatest);
        banner.setId("historical-banner");
        banner.getStyleClass().add("historical-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.visibleProperty().bind(viewModel.historicalProperty());
        banner.managedProperty().bind(banner.visibleProperty());
        viewModel.historicalProperty().addListener((obs, old, now) -> pseudoClassStateChanged(HISTORICAL, now));
        VBox.setVgrow(split, Priority.ALWAYS);
        VBox content = new VBox(banner, split);

        MaskerPane masker = new MaskerPane();
        masker.textProperty().bind(viewModel.busyMessageProperty());
        // only while nothing is shown yet: later loads keep the old snapshot visible and show progress below
        masker.visibleProperty().bind(viewModel.busyProperty().and(viewModel.catalogProperty().isNull()));
        StackPane center = new StackPane(content, masker);

        setTop(new VBox(menuBar(theme), errorBar()));
        setCenter(center);
        setBottom(statusBar());

        setOnDragOver(this::acceptDrop);
        setOnDragDropped(this::drop);
        viewModel.inUseProperty().addListener((obs, old, held) -> {
            if (!held.isEmpty()) {
                CatalogInUseDialog.ask(getScene() == null ? null : getScene().getWindow(), held,
                        Stylesheets.forTheme(dark), viewModel);
            }
        });
        catalogView.setImportsOff(viewModel.readOnlyProperty(), READ_ONLY_TIP);
    }

    /** Registers the window-wide shortcuts that have no menu item (Ctrl+K also focuses the search). */
    public void installAccelerators(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN),
                this::focusSearch);
    }

    /** Applies the light or dark stylesheets to the scene and remembers which, for dialogs. */
    public void applyTheme(Scene scene, boolean darkTheme) {
        this.dark = darkTheme;
        scene.getStylesheets().setAll(Stylesheets.forTheme(darkTheme));
    }

    /** Shows the product table and puts the cursor into the search field. */
    public void focusSearch() {
        tabs.getSelectionModel().select(catalogTab);
        catalogView.focusSearch();
    }

    /** The product table view (for tests and the window's menus). */
    public CatalogView catalogView() {
        return catalogView;
    }

    private Region errorBar() {
        Label text = new Label();
        text.setId("error-bar-text");
        text.setWrapText(true);
        text.textProperty().bind(viewModel.errorProperty());
        Button retry = new Button("Retry");
        retry.setOnAction(e -> {
            if (viewModel.serviceProperty().get() == null) {
                viewModel.start();
            } else {
                viewModel.reload();
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, text, spacer, retry);
        bar.getStyleClass().add("error-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 12, 6, 12));
        bar.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    private Region clusterPicker() {
        ComboBox<String> picker = new ComboBox<>(viewModel.clusters());
        picker.setId("cluster-picker");
        viewModel.clusterProperty().addListener((obs, old, now) -> picker.setValue(now));
        picker.setOnAction(e -> viewModel.selectCluster(picker.getValue()));
        Label label = new Label("Cluster");
        label.getStyleClass().add("muted");
        HBox box = new HBox(6, label, picker);
        box.setAlignment(Pos.CENTER_RIGHT);
        box.visibleProperty().bind(Bindings.size(viewModel.clusters()).greaterThan(1));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private StatusBar statusBar() {
        StatusBar bar = new StatusBar();
        bar.setId("status-bar");
        bar.textProperty().bind(viewModel.busyMessageProperty());
        bar.progressProperty().bind(Bindings.when(viewModel.busyProperty())
                .then(viewModel.busyProgressProperty()).otherwise(0.0));

        Label location = new Label();
        location.setId("status-location");
        location.setGraphic(Icons.icon("database"));
        location.textProperty().bind(viewModel.locationProperty());
        bar.getLeftItems().addAll(location, new javafx.scene.control.Separator(javafx.geometry.Orientation.VERTICAL));

        Label historicalChip = new Label("HISTORICAL");
        historicalChip.getStyleClass().addAll("chip", "chip-historical");
        historicalChip.visibleProperty().bind(viewModel.historicalProperty());
        historicalChip.managedProperty().bind(historicalChip.visibleProperty());
        Label snapshot = new Label();
        snapshot.setId("status-snapshot");
        snapshot.textProperty().bind(viewModel.snapshotTextProperty());
        Label summary = new Label();
        summary.textProperty().bind(viewModel.catalogViewModel().summaryProperty());
        summary.getStyleClass().add("muted");
        Label readOnlyChip = new Label("READ-ONLY");
        readOnlyChip.setId("status-read-only");
        readOnlyChip.getStyleClass().addAll("chip", "chip-historical");
        readOnlyChip.setTooltip(new javafx.scene.control.Tooltip(READ_ONLY_TIP));
        readOnlyChip.visibleProperty().bind(viewModel.readOnlyProperty());
        readOnlyChip.managedProperty().bind(readOnlyChip.visibleProperty());
        HBox right = new HBox(10, summary, readOnlyChip, historicalChip, snapshot);
        right.setAlignment(Pos.CENTER_RIGHT);
        bar.getRightItems().add(right);
        viewModel.historicalProperty().addListener((obs, old, now) -> bar.pseudoClassStateChanged(HISTORICAL, now));
        return bar;
    }

    private MenuBar menuBar(Theme theme) {
        MenuItem importFiles = item("Import files\u2026", shortcut(KeyCode.I), () -> openImport(List.of(), false));
        importFiles.disableProperty().bind(viewModel.serviceProperty().isNull().or(viewModel.readOnlyProperty()));
        // a menu item has no tooltip: the reason shows in its text
        importFiles.textProperty().bind(Bindings.when(viewModel.readOnlyProperty())
                .then("Import files\u2026 (the catalog is read-only)").otherwise("Import files\u2026"));
        MenuItem demo = item("Load the demo mesh", null, viewModel::loadDemo);
        demo.disableProperty().bind(viewModel.emptyProperty().not().or(viewModel.readOnlyProperty()));
        MenuItem reload = item("Reload", new KeyCodeCombination(KeyCode.F5), viewModel::reload);
        MenuItem closeTab = item("Close tab", shortcut(KeyCode.W), this::closeCurrentTab);
        MenuItem quit = item("Quit", shortcut(KeyCode.Q), () -> {
            if (getScene() != null && getScene().getWindow() instanceof Stage stage) {
                stage.fireEvent(new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST));
                if (stage.isShowing()) {
                    stage.close();
                }
            } else {
                Platform.exit();
            }
        });
        MenuItem openCatalog = item("Open catalog\u2026", shortcut(KeyCode.O), listener::openCatalogRequested);
        Menu recent = new Menu("Recent catalogs");
        recent.setId("recent-catalogs");
        // a placeholder item lets the submenu open; its items are read each time it does
        recent.getItems().add(new MenuItem("(none)"));
        recent.setOnShowing(e -> recent.getItems().setAll(recentItems()));
        MenuItem export = item("Export snapshot\u2026", shortcut(KeyCode.E), this::openExport);
        export.disableProperty().bind(viewModel.catalogProperty().isNull());
        MenuItem verify = item("Verify an export\u2026", null, this::openExport);
        verify.disableProperty().bind(viewModel.catalogProperty().isNull());
        Menu file = new Menu("_File", null, openCatalog, recent, new SeparatorMenuItem(), importFiles, demo, reload,
                new SeparatorMenuItem(), export, verify, new SeparatorMenuItem(), closeTab,
                new SeparatorMenuItem(), quit);

        MenuItem find = item("Find", shortcut(KeyCode.F), this::focusSearch);
        MenuItem clear = item("Clear search and filters",
                new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> viewModel.catalogViewModel().clearFilters());
        Menu edit = new Menu("_Edit", null, find, clear);

        MenuItem catalog = item("Product table", shortcut(KeyCode.DIGIT1),
                () -> tabs.getSelectionModel().select(catalogTab));
        timelineItem.setAccelerator(shortcut(KeyCode.T));
        timelineItem.setOnAction(e -> {
            setTimelineVisible(timelineItem.isSelected());
            listener.timelineToggled(timelineItem.isSelected());
        });
        MenuItem latest = item("Newest snapshot", shortcut(KeyCode.L), viewModel::showLatest);
        MenuItem previous = item("Older snapshot", new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN),
                () -> viewModel.timelineViewModel().choosePrevious());
        MenuItem next = item("Newer snapshot", new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN),
                () -> viewModel.timelineViewModel().chooseNext());
        MenuItem date = item("Go to date\u2026", shortcut(KeyCode.G), () -> {
            setTimelineVisible(true);
            timelineView.focusDate();
        });
        Menu themes = new Menu("Theme");
        for (Theme t : Theme.values()) {
            RadioMenuItem option = new RadioMenuItem(t.label());
            option.setToggleGroup(themeGroup);
            option.setSelected(t == theme);
            option.setOnAction(e -> listener.themeChosen(t));
            themes.getItems().add(option);
        }
        Menu view = new Menu("_View", null, catalog, timelineItem, new SeparatorMenuItem(), latest, previous, next,
                date, new SeparatorMenuItem(), themes);

        MenuItem open = item("Open product", null, () -> viewModel.catalogViewModel().openSelected());
        MenuItem lineage = item("Show lineage",
                new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> withProduct(ProductViewModel::showLineage));
        MenuItem breaking = item("Plan a breaking change\u2026",
                new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> withProduct(ProductViewModel::planBreakingChange));
        MenuItem contacts = item("Copy consumer contacts",
                new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> withProduct(ProductViewModel::copyConsumerContacts));
        Menu product = new Menu("_Product", null, open, lineage, breaking, contacts);
        product.disableProperty().bind(viewModel.catalogProperty().isNull());

        MenuItem keys = item("Keyboard shortcuts", new KeyCodeCombination(KeyCode.F1), this::showShortcuts);
        MenuItem about = item("About Meshlens", null, this::showAbout);
        Menu help = new Menu("_Help", null, keys, about);

        MenuBar bar = new MenuBar(file, edit, view, product, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private List<MenuItem> recentItems() {
        List<MenuItem> items = listener.recentCatalogs().stream()
                .map(url -> item(url, null, () -> listener.catalogChosen(url))).toList();
        if (items.isEmpty()) {
            MenuItem none = new MenuItem("(none)");
            none.setDisable(true);
            return List.of(none);
        }
        return items;
    }

    private static KeyCodeCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    private static MenuItem item(String text, KeyCombination accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(accelerator);
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private void withProduct(Consumer<ProductViewModel> action) {
        ProductViewModel page = viewModel.activeProductProperty().get();
        if (page == null) {
            ProductRow row = viewModel.catalogViewModel().selectedProperty().get();
            if (row == null) {
                return;
            }
            viewModel.openProduct(row.product());
            page = viewModel.activeProductProperty().get();
        }
        if (page != null) {
            action.accept(page);
        }
    }

    private void bindProductTabs() {
        viewModel.openProducts().addListener((ListChangeListener<ProductViewModel>) change -> {
            while (change.next()) {
                for (ProductViewModel removed : change.getRemoved()) {
                    Tab tab = productTabs.remove(removed);
                    if (tab != null) {
                        tabs.getTabs().remove(tab);
                    }
                }
                for (ProductViewModel added : change.getAddedSubList()) {
                    Tab tab = new Tab();
                    tab.textProperty().bind(added.titleProperty());
                    tab.setContent(new ProductView(added));
                    tab.setOnClosed(e -> viewModel.closeProduct(added));
                    tab.setUserData(added);
                    productTabs.put(added, tab);
                    tabs.getTabs().add(tab);
                }
            }
        });
        viewModel.activeProductProperty().addListener((obs, old, now) ->
                tabs.getSelectionModel().select(now == null ? catalogTab : productTabs.get(now)));
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) ->
                viewModel.activeProductProperty().set(now == null || now == catalogTab ? null
                        : (ProductViewModel) now.getUserData()));
    }

    private void closeCurrentTab() {
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        if (tab != null && tab != catalogTab) {
            viewModel.closeProduct((ProductViewModel) tab.getUserData());
        }
    }

    private void setTimelineVisible(boolean visible) {
        timelineItem.setSelected(visible);
        if (visible && !split.getItems().contains(timelineView)) {
            split.getItems().add(timelineView);
            SplitPane.setResizableWithParent(timelineView, false);
            split.setDividerPositions(0.78);
        } else if (!visible) {
            split.getItems().remove(timelineView);
        }
    }

    /**
     * Opens the import dialog.
     *
     * @param files     files to list at once (dropped files)
     * @param startNow  whether to start importing them at once
     */
    public void openImport(List<Path> files, boolean startNow) {
        if (viewModel.serviceProperty().get() == null || viewModel.readOnlyProperty().get() || getScene() == null) {
            return;
        }
        ImportViewModel importViewModel = viewModel.newImport();
        importViewModel.addFiles(files);
        ImportView.show(getScene().getWindow(), importViewModel, Stylesheets.forTheme(dark));
        if (startNow) {
            importViewModel.start();
        }
    }

    /** Opens the export dialog on the snapshot viewed; it also verifies exports. */
    private void openExport() {
        if (viewModel.catalogProperty().get() == null || getScene() == null) {
            return;
        }
        ExportView.show(getScene().getWindow(), viewModel.newExport(), Stylesheets.forTheme(dark));
    }

    private void acceptDrop(DragEvent event) {
        if (event.getDragboard().hasFiles() && viewModel.serviceProperty().get() != null
                && !viewModel.readOnlyProperty().get()) {
            event.acceptTransferModes(TransferMode.COPY);
        }
        event.consume();
    }

    private void drop(DragEvent event) {
        boolean done = false;
        if (event.getDragboard().hasFiles()) {
            openImport(event.getDragboard().getFiles().stream().map(File::toPath).toList(), true);
            done = true;
        }
        event.setDropCompleted(done);
        event.consume();
    }

    private void showShortcuts() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(getScene().getWindow());
        alert.setTitle("Keyboard shortcuts");
        alert.setHeaderText("Keyboard shortcuts");
        alert.setContentText(String.join("\n",
                "Ctrl+F or Ctrl+K\tSearch the catalog",
                "Esc\t\t\tClear the search (in the search field)",
                "Down or Enter\t\tFrom the search into the results",
                "Enter\t\t\tOpen the selected product",
                "Ctrl+C\t\t\tCopy the selected cells or rows",
                "Ctrl+I\t\t\tImport files",
                "Ctrl+W\t\t\tClose the product tab",
                "Ctrl+1\t\t\tBack to the product table",
                "Ctrl+T\t\t\tShow or hide the timeline",
                "Ctrl+L\t\t\tNewest snapshot",
                "Alt+Left / Alt+Right\tOlder / newer snapshot",
                "Ctrl+G\t\t\tGo to a date",
                "Ctrl+Shift+L\t\tShow lineage",
                "Ctrl+Shift+B\t\tPlan a breaking change",
                "Ctrl+Shift+C\t\tCopy consumer contacts",
                "F5\t\t\tReload"));
        alert.getDialogPane().getStylesheets().setAll(Stylesheets.forTheme(dark));
        alert.show();
    }

    private void showAbout() {
        String version = MainView.class.getPackage().getImplementationVersion();
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(getScene().getWindow());
        alert.setTitle("About Meshlens");
        alert.setHeaderText("Meshlens " + (version == null ? "(development build)" : version));
        alert.setContentText("A data catalog and lineage explorer for event-driven data meshes on Apache Kafka.\n\n"
                + "Catalog: " + viewModel.locationProperty().get());
        alert.getDialogPane().getStylesheets().setAll(Stylesheets.forTheme(dark));
        alert.show();
    }
}
