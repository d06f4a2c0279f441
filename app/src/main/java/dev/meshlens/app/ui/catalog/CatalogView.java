package dev.meshlens.app.ui.catalog;

import dev.meshlens.app.ui.common.Chips;
import dev.meshlens.app.ui.common.Columns;
import dev.meshlens.app.ui.common.Formats;
import dev.meshlens.app.ui.common.Icons;
import dev.meshlens.app.ui.common.TableCopy;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.Lifecycle;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.textfield.CustomTextField;
import org.controlsfx.control.textfield.TextFields;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The product table with its search field and facet filters. Thin: builds the controls and binds them to a
 * {@link CatalogViewModel}.
 */
public final class CatalogView extends BorderPane {
    private final CatalogViewModel viewModel;
    private final CustomTextField search;
    private final TableView<ProductRow> table = new TableView<>();
    private final HBox toolbarEnd = new HBox(8);
    private final Button importButton = new Button("Import files\u2026");
    private final Button demoButton = new Button("Load the demo mesh");
    private final javafx.scene.layout.StackPane importHolder = new javafx.scene.layout.StackPane();

    /**
     * @param extraRowActions menu items for a row's context menu beyond Open and copying (e.g. Show lineage);
     *                        they act on the selected row
     */
    public CatalogView(CatalogViewModel viewModel, List<MenuItem> extraRowActions) {
        this.viewModel = viewModel;
        getStyleClass().add("catalog-view");

        search = (CustomTextField) TextFields.createClearableTextField();
        search.setId("search-field");
        search.setLeft(Icons.icon("search"));
        search.setPromptText("Search names, topics, owners, descriptions, tags and fields");
        search.textProperty().bindBidirectional(viewModel.searchTextProperty());
        // a filter, not a handler: the text field's own key bindings would consume Down and Enter first
        search.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !search.getText().isEmpty()) {
                search.clear();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER && table.getItems().size() == 1) {
                // the search found exactly one product: Enter opens it
                viewModel.open(table.getItems().get(0));
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
                // from the search field straight into the results, as in a browser's address bar
                table.requestFocus();
                if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
                    table.getSelectionModel().select(0);
                    table.getFocusModel().focus(0);
                }
                e.consume();
            }
        });
        HBox.setHgrow(search, Priority.ALWAYS);
        search.setMaxWidth(640);
        search.setPrefWidth(560);

        HBox facets = new HBox(6,
                facet(viewModel.domainFacet(), "facet-domain", 160),
                facet(viewModel.tierFacet(), "facet-tier", 125),
                facet(viewModel.qualityFacet(), "facet-quality", 140),
                facet(viewModel.tagFacet(), "facet-tag", 140),
                facet(viewModel.lifecycleFacet(), "facet-lifecycle", 160));
        facets.setAlignment(Pos.CENTER_LEFT);

        Button clear = new Button("Clear filters");
        clear.setId("clear-filters");
        clear.getStyleClass().add("link-button");
        clear.setOnAction(e -> viewModel.clearFilters());
        clear.visibleProperty().bind(viewModel.filtersChangedProperty());
        clear.managedProperty().bind(clear.visibleProperty());

        Label summary = new Label();
        summary.setId("catalog-summary");
        summary.getStyleClass().add("muted");
        summary.textProperty().bind(viewModel.summaryProperty());
        summary.setMinWidth(Region.USE_PREF_SIZE);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        toolbarEnd.setAlignment(Pos.CENTER_RIGHT);
        HBox searchRow = new HBox(10, search, spacer, summary, toolbarEnd);
        searchRow.setAlignment(Pos.CENTER_LEFT);
        Label filterLabel = new Label("Filter");
        filterLabel.getStyleClass().add("field-key");
        HBox filterRow = new HBox(8, filterLabel, facets, clear);
        filterRow.setAlignment(Pos.CENTER_LEFT);
        VBox toolbar = new VBox(8, searchRow, filterRow);
        toolbar.getStyleClass().add("catalog-toolbar");
        toolbar.setPadding(new Insets(10, 12, 10, 12));
        setTop(toolbar);

        buildTable(extraRowActions);
        setCenter(table);
    }

    private <T> CheckComboBox<T> facet(Facet<T> facet, String id, double width) {
        CheckComboBox<T> combo = new CheckComboBox<>();
        combo.setId(id);
        combo.setPrefWidth(width);
        combo.setMinWidth(Region.USE_PREF_SIZE);
        combo.getStyleClass().add("facet");
        combo.setConverter(new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : facet.labelWithCount(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("facets are not edited as text");
            }
        });
        boolean[] syncing = {false};
        Runnable fromModel = () -> {
            syncing[0] = true;
            try {
                combo.getCheckModel().clearChecks();
                facet.selected().forEach(v -> combo.getCheckModel().check(v));
            } finally {
                syncing[0] = false;
            }
            combo.setTitle(title(facet));
        };
        facet.available().addListener((ListChangeListener<T>) change -> {
            syncing[0] = true;
            try {
                combo.getItems().setAll(facet.available());
            } finally {
                syncing[0] = false;
            }
            fromModel.run();
        });
        facet.selected().addListener((ListChangeListener<T>) change -> {
            if (!syncing[0]) {
                fromModel.run();
            }
        });
        combo.getCheckModel().getCheckedItems().addListener((ListChangeListener<T>) change -> {
            if (!syncing[0]) {
                syncing[0] = true;
                try {
                    facet.selected().setAll(new ArrayList<>(combo.getCheckModel().getCheckedItems()));
                } finally {
                    syncing[0] = false;
                }
                combo.setTitle(title(facet));
            }
        });
        combo.getItems().setAll(facet.available());
        fromModel.run();
        combo.setTooltip(new Tooltip("Show only products with the checked " + facet.name().toLowerCase(Locale.ROOT)
                + " values; nothing checked shows all"));
        return combo;
    }

    private static <T> String title(Facet<T> facet) {
        List<T> selected = facet.selected();
        if (selected.isEmpty()) {
            return facet.name();
        }
        if (selected.size() == 1) {
            return facet.name() + ": " + facet.label(selected.get(0));
        }
        return facet.name() + " (" + selected.size() + ")";
    }

    private void buildTable(List<MenuItem> extraRowActions) {
        table.setId("product-table");
        table.getStyleClass().add("product-table");
        SortedList<ProductRow> sorted = new SortedList<>(viewModel.shownRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);

        TableColumn<ProductRow, String> name = Columns.text("Name", r -> r.product().name(), 210);
        name.setCellFactory(c -> new NameCell());
        TableColumn<ProductRow, String> domain = Columns.text("Domain", r -> Formats.orNone(r.product().domain()), 100);
        domain.setMinWidth(95);
        TableColumn<ProductRow, String> owner = Columns.text("Owner", r -> Formats.orNone(r.product().owner()), 230);
        TableColumn<ProductRow, Integer> tier = Columns.valued("Tier", r -> r.product().slaTier(), Formats::tier, 90,
                null);
        tier.setCellFactory(c -> new TierCell());
        TableColumn<ProductRow, String> quality = Columns.text("Quality", r -> r.product().quality(), 85);
        quality.setComparator(Comparator.nullsLast(Comparator.comparingInt(CatalogView::qualityRank)));
        quality.setCellFactory(c -> new QualityCell());
        TableColumn<ProductRow, String> tags = Columns.text("Tags", r -> String.join(", ", r.product().tags()), 150);
        tags.setCellFactory(c -> new TagsCell());
        TableColumn<ProductRow, Integer> consumers = Columns.valued("Consumers", ProductRow::consumers,
                n -> n == null ? Formats.NONE : n.toString(), 95, "numeric");
        consumers.setMinWidth(95);
        TableColumn<ProductRow, Duration> freshness = Columns.valued("Freshness", ProductRow::freshness,
                Formats::age, 90, "numeric");
        freshness.setMinWidth(90);
        tier.setMinWidth(80);
        freshness.setCellFactory(c -> new FreshnessCell());
        table.getColumns().setAll(List.of(name, domain, owner, tier, quality, tags, consumers, freshness));
        table.getSortOrder().add(name);

        table.setRowFactory(t -> {
            TableRow<ProductRow> row = new TableRow<>() {
                @Override
                protected void updateItem(ProductRow item, boolean empty) {
                    super.updateItem(item, empty);
                    // a style class change restyles the whole row: change only what differs
                    boolean shown = !empty && item != null;
                    toggle(getStyleClass(), "deprecated", shown && item.product().lifecycle() == Lifecycle.DEPRECATED);
                    toggle(getStyleClass(), "tier-violation", shown && item.tierViolation());
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.open(row.getItem());
                }
            });
            return row;
        });
        table.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                viewModel.open(table.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null || table.getItems().isEmpty()) {
                viewModel.selectedProperty().set(now);
            }
        });
        viewModel.selectedProperty().addListener((obs, old, now) -> {
            if (now != table.getSelectionModel().getSelectedItem()) {
                if (now == null) {
                    table.getSelectionModel().clearSelection();
                } else {
                    table.getSelectionModel().select(now);
                }
            }
        });

        MenuItem open = new MenuItem("Open");
        open.setOnAction(e -> viewModel.openSelected());
        MenuItem copyTopic = new MenuItem("Copy topic");
        copyTopic.setOnAction(e -> copy(DataProduct::topic));
        MenuItem copyOwner = new MenuItem("Copy owner");
        copyOwner.setOnAction(e -> copy(DataProduct::owner));
        List<MenuItem> items = new ArrayList<>();
        items.add(open);
        items.addAll(extraRowActions);
        items.add(copyTopic);
        items.add(copyOwner);
        TableCopy.install(table, false, items);

        Label emptyLabel = new Label();
        emptyLabel.setId("empty-message");
        emptyLabel.getStyleClass().add("empty-message");
        emptyLabel.textProperty().bind(viewModel.emptyMessageProperty());
        emptyLabel.setWrapText(true);
        Button clearFromPlaceholder = new Button("Clear search and filters");
        clearFromPlaceholder.setOnAction(e -> viewModel.clearFilters());
        clearFromPlaceholder.visibleProperty().bind(viewModel.filtersChangedProperty()
                .and(Bindings.isNotEmpty(viewModel.rows())));
        clearFromPlaceholder.managedProperty().bind(clearFromPlaceholder.visibleProperty());
        importButton.visibleProperty().bind(Bindings.isEmpty(viewModel.rows()).and(viewModel.loadedProperty()));
        importButton.managedProperty().bind(importButton.visibleProperty());
        importButton.getStyleClass().add("accent");
        demoButton.setId("load-demo");
        demoButton.setVisible(false);
        demoButton.managedProperty().bind(demoButton.visibleProperty());
        // a disabled button shows no tooltip: its holder does
        importHolder.getChildren().add(importButton);
        importHolder.visibleProperty().bind(importButton.visibleProperty());
        importHolder.managedProperty().bind(importButton.visibleProperty());
        HBox emptyActions = new HBox(10, importHolder, demoButton);
        emptyActions.setAlignment(Pos.CENTER);
        VBox placeholder = new VBox(12, emptyLabel, clearFromPlaceholder, emptyActions);
        placeholder.setAlignment(Pos.CENTER);
        placeholder.setMaxWidth(520);
        table.setPlaceholder(placeholder);
    }

    private void copy(java.util.function.Function<DataProduct, String> part) {
        ProductRow row = table.getSelectionModel().getSelectedItem();
        String text = row == null ? null : part.apply(row.product());
        if (text != null) {
            TableCopy.copyToClipboard(text);
        }
    }

    /** Puts the keyboard focus into the search field and selects its text (Ctrl+F, Ctrl+K). */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    /** Sets what the empty catalog's "Import files…" button does. */
    public void setOnImport(Runnable action) {
        importButton.setOnAction(e -> action.run());
    }

    /**
     * Turns the table's import actions off while {@code off} holds (a read-only catalog), with {@code why} as
     * their tooltip.
     */
    public void setImportsOff(javafx.beans.value.ObservableBooleanValue off, String why) {
        importButton.disableProperty().bind(off);
        demoButton.disableProperty().bind(off);
        Tooltip tip = new Tooltip(why);
        off.addListener((obs, was, now) -> {
            if (now) {
                Tooltip.install(importHolder, tip);
            } else {
                Tooltip.uninstall(importHolder, tip);
            }
        });
    }

    /**
     * Offers "Load the demo mesh" in the empty table while {@code available} holds (an empty catalog).
     */
    public void setOnLoadDemo(Runnable action, javafx.beans.value.ObservableBooleanValue available) {
        demoButton.setOnAction(e -> action.run());
        demoButton.visibleProperty().bind(available);
    }

    /** Room at the right end of the toolbar for window-level controls (the cluster picker). */
    public HBox toolbarEnd() {
        return toolbarEnd;
    }

    /** The product table, for the window's menus. */
    public TableView<ProductRow> table() {
        return table;
    }

    private static int qualityRank(String quality) {
        int rank = List.of("gold", "silver", "bronze").indexOf(quality.toLowerCase(Locale.ROOT));
        return rank < 0 ? 3 : rank;
    }

    /** Name and topic, with chips for a deprecated product and a missing topic; reuses its nodes. */
    private static final class NameCell extends TableCell<ProductRow, String> {
        private final Label name = new Label();
        private final Label topic = new Label();
        private final Label deprecated = Chips.chip("deprecated", "chip-deprecated");
        private final Tooltip missingTip = new Tooltip();
        private final Label missing = Chips.chip("no topic", "chip-warning");
        private final HBox top = new HBox(6, name, deprecated, missing);
        private final VBox box = new VBox(1, top, topic);

        NameCell() {
            name.getStyleClass().add("product-name");
            topic.getStyleClass().add("product-topic");
            top.setAlignment(Pos.CENTER_LEFT);
            missing.setTooltip(missingTip);
            deprecated.managedProperty().bind(deprecated.visibleProperty());
            missing.managedProperty().bind(missing.visibleProperty());
            setGraphic(null);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            ProductRow row = empty ? null : getTableRow().getItem();
            if (row == null) {
                setGraphic(null);
                return;
            }
            name.setText(row.product().name());
            topic.setText(row.product().topic());
            deprecated.setVisible(row.product().lifecycle() == Lifecycle.DEPRECATED);
            missing.setVisible(row.topicMissing());
            if (row.topicMissing()) {
                missingTip.setText("The imported topic listing has no topic " + row.product().topic());
            }
            setGraphic(box);
        }
    }

    /** Adds or removes {@code styleClass} only when that changes something. */
    private static void toggle(List<String> classes, String styleClass, boolean on) {
        if (on && !classes.contains(styleClass)) {
            classes.add(styleClass);
        } else if (!on) {
            classes.remove(styleClass);
        }
    }

    /**
     * The tier chip, and a warning chip when the product promises more than its upstream gives. Reuses its nodes
     * (see {@link Chips#update}).
     */
    private static final class TierCell extends TableCell<ProductRow, Integer> {
        private final Label chip = Chips.chip("", null);
        private final Tooltip warningTip = new Tooltip();
        private final Label warning = Chips.chip("!", "chip-warning");
        private final HBox box = new HBox(4, chip, warning);

        TierCell() {
            box.setAlignment(Pos.CENTER_LEFT);
            warning.setTooltip(warningTip);
            warning.managedProperty().bind(warning.visibleProperty());
        }

        @Override
        protected void updateItem(Integer item, boolean empty) {
            super.updateItem(item, empty);
            ProductRow row = empty ? null : getTableRow().getItem();
            setText(null);
            if (row == null) {
                setGraphic(null);
                return;
            }
            Chips.update(chip, Chips.tierText(item), Chips.tierKind(item));
            warning.setVisible(row.tierViolation());
            if (row.tierViolation()) {
                warningTip.setText("Promises " + Formats.tier(item) + " but the weakest tier upstream is "
                        + Formats.tier(row.worstUpstreamTier()));
            }
            setGraphic(box);
        }
    }

    /** The quality chip, one reused node. */
    private static final class QualityCell extends TableCell<ProductRow, String> {
        private final Label chip = Chips.chip("", null);

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty) {
                setGraphic(null);
                return;
            }
            Chips.update(chip, Chips.qualityText(item), Chips.qualityKind(item));
            setGraphic(chip);
        }
    }

    /** The tag chips; reuses its chip nodes and tooltip, adding or removing chips only when the count changes. */
    private static final class TagsCell extends TableCell<ProductRow, String> {
        private final HBox box = new HBox(4);
        private final Tooltip tip = new Tooltip();

        TagsCell() {
            box.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            ProductRow row = empty ? null : getTableRow().getItem();
            setText(null);
            if (row == null || row.product().tags().isEmpty()) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            List<String> tagList = List.copyOf(row.product().tags());
            while (box.getChildren().size() > tagList.size()) {
                box.getChildren().remove(box.getChildren().size() - 1);
            }
            while (box.getChildren().size() < tagList.size()) {
                box.getChildren().add(Chips.tag(""));
            }
            for (int i = 0; i < tagList.size(); i++) {
                ((Label) box.getChildren().get(i)).setText(tagList.get(i));
            }
            setGraphic(box);
            tip.setText(String.join(", ", tagList));
            setTooltip(tip);
        }
    }

    private static final class FreshnessCell extends TableCell<ProductRow, Duration> {
        private final Tooltip tip = new Tooltip();

        FreshnessCell() {
            getStyleClass().add("numeric");
        }

        @Override
        protected void updateItem(Duration item, boolean empty) {
            super.updateItem(item, empty);
            ProductRow row = empty ? null : getTableRow().getItem();
            if (row == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(Formats.age(item));
            tip.setText(row.newestRecord() == null
                    ? "No record timestamps imported for this topic"
                    : "Newest record " + row.newestRecord() + ", " + Formats.age(item) + " before the snapshot");
            setTooltip(tip);
        }
    }
}
