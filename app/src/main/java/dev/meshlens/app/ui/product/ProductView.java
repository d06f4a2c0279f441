package dev.meshlens.app.ui.product;

import dev.meshlens.app.ui.common.Chips;
import dev.meshlens.app.ui.common.Columns;
import dev.meshlens.app.ui.common.Formats;
import dev.meshlens.app.ui.common.TableCopy;
import dev.meshlens.app.ui.service.ConsumerRow;
import dev.meshlens.app.ui.service.ConsumerState;
import dev.meshlens.app.ui.service.LinkedProduct;
import dev.meshlens.app.ui.service.ProducerRow;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.Lifecycle;
import dev.meshlens.engine.model.SchemaVersion;
import dev.meshlens.engine.schema.SchemaDiff;
import dev.meshlens.engine.schema.SchemaField;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.List;

/**
 * A product page: header with name, chips, address and actions; the tier against its upstream; then tabs for
 * the overview (metadata and producers), consumers, schema fields and the schema diff. Thin: binds to a
 * {@link ProductViewModel}.
 */
public final class ProductView extends StackPane {
    private final ProductViewModel viewModel;
    private final Label name = new Label();
    private final HBox chips = new HBox(6);
    private final GridPane metadataGrid = new GridPane();
    private final TabPane sections = new TabPane();

    /** Builds the page for {@code viewModel}. */
    public ProductView(ProductViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("product-view");

        name.getStyleClass().add("product-title");
        name.setId("product-title");
        name.textProperty().bind(viewModel.titleProperty());
        chips.setAlignment(Pos.CENTER_LEFT);
        HBox titleLine = new HBox(12, name, chips);
        titleLine.setAlignment(Pos.CENTER_LEFT);

        TextField address = new TextField();
        address.setId("product-address");
        address.setEditable(false);
        address.getStyleClass().addAll("address-field", "copyable");
        address.textProperty().bind(viewModel.addressProperty());
        address.setPrefColumnCount(40);
        address.setTooltip(new Tooltip("Bootstrap URI and topic: what a client needs to read this product"));
        Button copyAddress = new Button("Copy address");
        copyAddress.setOnAction(e -> viewModel.copyAddress());
        HBox addressLine = new HBox(8, label("Address", "field-key"), address, copyAddress);
        addressLine.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(address, Priority.SOMETIMES);

        Label description = new Label();
        description.getStyleClass().add("product-description");
        description.setWrapText(true);
        viewModel.productProperty().addListener((obs, old, now) -> refreshHeader(now, description));

        Button lineage = new Button("Show lineage");
        lineage.setId("show-lineage");
        lineage.setOnAction(e -> viewModel.showLineage());
        Button breaking = new Button("Plan a breaking change");
        breaking.setId("plan-breaking-change");
        breaking.setOnAction(e -> viewModel.planBreakingChange());
        Button contacts = new Button("Copy consumer contacts");
        contacts.setId("copy-contacts");
        contacts.setOnAction(e -> viewModel.copyConsumerContacts());
        contacts.disableProperty().bind(Bindings.isEmpty(viewModel.consumers()));
        Label notice = new Label();
        notice.getStyleClass().add("notice");
        notice.setId("product-notice");
        notice.textProperty().bind(viewModel.noticeProperty());
        notice.setWrapText(true);
        HBox actions = new HBox(8, lineage, breaking, contacts, notice);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox header = new VBox(8, titleLine, description, addressLine, actions, tierPanel());
        header.getStyleClass().add("product-header");
        header.setPadding(new Insets(16, 18, 12, 18));

        sections.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        sections.getStyleClass().add("product-sections");
        Tab overview = new Tab("Overview", overview());
        Tab consumers = new Tab("Consumers", consumersTable());
        consumers.textProperty().bind(Bindings.concat("Consumers (", Bindings.size(viewModel.consumers()), ")"));
        Tab schema = new Tab("Schema", schemaPane());
        schema.textProperty().bind(Bindings.createStringBinding(() -> "Schema ("
                + Formats.count(viewModel.versions().size(), "version", "versions") + ")", viewModel.versions()));
        Tab diff = new Tab("Schema diff", diffPane());
        sections.getTabs().addAll(overview, consumers, schema, diff);

        BorderPane page = new BorderPane();
        page.setTop(header);
        page.setCenter(sections);
        BorderPane.setMargin(sections, new Insets(0, 12, 12, 12));

        Label absent = new Label();
        absent.getStyleClass().add("empty-message");
        absent.setId("product-absent");
        absent.textProperty().bind(viewModel.absentMessageProperty());
        absent.setWrapText(true);
        absent.setMaxWidth(560);
        absent.visibleProperty().bind(viewModel.absentMessageProperty().isNotEmpty());
        page.visibleProperty().bind(absent.visibleProperty().not());
        getChildren().addAll(page, absent);

        viewModel.metadata().addListener((ListChangeListener<MetadataRow>) c -> fillMetadata());
        fillMetadata();
        refreshHeader(viewModel.productProperty().get(), description);
    }

    /** Brings the consumers tab to the front. */
    public void showConsumers() {
        sections.getSelectionModel().select(1);
    }

    /** Brings the schema tab to the front. */
    public void showSchema() {
        sections.getSelectionModel().select(2);
    }

    /** The view model this page shows. */
    public ProductViewModel viewModel() {
        return viewModel;
    }

    private void refreshHeader(DataProduct product, Label description) {
        chips.getChildren().clear();
        if (product == null) {
            description.setText("");
            return;
        }
        chips.getChildren().addAll(Chips.tier(product.slaTier()), Chips.quality(product.quality()));
        if (product.lifecycle() == Lifecycle.DEPRECATED) {
            chips.getChildren().add(Chips.chip("deprecated", "chip-deprecated"));
        }
        product.tags().forEach(t -> chips.getChildren().add(Chips.tag(t)));
        description.setText(product.description() == null ? "" : product.description());
    }

    private Node tierPanel() {
        Label own = new Label();
        own.getStyleClass().add("tier-value");
        own.textProperty().bind(viewModel.tierTextProperty());
        Label upstream = new Label();
        upstream.setId("upstream-tier");
        upstream.getStyleClass().add("tier-value");
        upstream.textProperty().bind(viewModel.upstreamTierTextProperty());
        upstream.setWrapText(true);
        own.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(upstream, Priority.ALWAYS);
        upstream.setMaxWidth(Double.MAX_VALUE);
        HBox line = new HBox(10, label("Promises", "field-key"), own, label("Weakest upstream", "field-key"),
                upstream);
        line.setAlignment(Pos.CENTER_LEFT);
        Label warning = new Label();
        warning.setId("tier-warning");
        warning.getStyleClass().add("warning-banner");
        warning.setWrapText(true);
        warning.textProperty().bind(viewModel.tierWarningProperty());
        warning.visibleProperty().bind(viewModel.tierWarningProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());
        warning.setMaxWidth(Double.MAX_VALUE);
        VBox panel = new VBox(6, line, warning);
        panel.getStyleClass().add("tier-panel");
        return panel;
    }

    private Node overview() {
        metadataGrid.getStyleClass().add("metadata-grid");
        metadataGrid.setHgap(16);
        metadataGrid.setVgap(4);
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(110);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        metadataGrid.getColumnConstraints().setAll(keys, values);

        TableView<ProducerRow> producers = new TableView<>(viewModel.producers());
        producers.setId("producers-table");
        producers.getColumns().setAll(List.of(
                Columns.text("Producer", p -> p.serviceName() != null ? p.serviceName() : p.principal(), 130),
                Columns.text("Principal", ProducerRow::principal, 150),
                Columns.text("Owner", p -> Formats.orNone(p.owner()), 170),
                Columns.text("Evidence", p -> Formats.orNone(p.evidence()), 110)));
        producers.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        producers.setPlaceholder(new Label("No principal may write this topic: nothing produces it."));
        producers.setFixedCellSize(26);
        producers.setPrefHeight(26 * 4 + 30);
        producers.setMinHeight(26 * 2 + 30);
        TableCopy.install(producers, true, List.of());
        Label producersTitle = label("Producers", "section-title");
        producersTitle.textProperty().bind(Bindings.concat("Producers (", Bindings.size(viewModel.producers()),
                ")"));

        Label upstreamTitle = label("Derived from", "section-title");
        upstreamTitle.textProperty().bind(Bindings.concat("Derived from (", Bindings.size(viewModel.upstream()),
                ")"));
        Label downstreamTitle = label("Feeds", "section-title");
        downstreamTitle.textProperty().bind(Bindings.concat("Feeds (", Bindings.size(viewModel.downstream()),
                ")"));
        ListView<LinkedProduct> upstream = linkedList(viewModel.upstream(), "upstream-list",
                "Nothing upstream: no producer of this topic reads another topic.");
        ListView<LinkedProduct> downstream = linkedList(viewModel.downstream(), "downstream-list",
                "Nothing downstream: no consumer of this topic writes another topic.");
        GridPane reach = new GridPane();
        reach.setHgap(12);
        reach.setVgap(6);
        reach.addRow(0, upstreamTitle, downstreamTitle);
        reach.addRow(1, upstream, downstream);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        reach.getColumnConstraints().setAll(half, half);
        GridPane.setVgrow(upstream, Priority.ALWAYS);
        GridPane.setVgrow(downstream, Priority.ALWAYS);

        VBox metadataBox = new VBox(10, label("Metadata", "section-title"), metadataGrid);
        VBox rightBox = new VBox(10, producersTitle, producers, reach);
        VBox.setVgrow(reach, Priority.ALWAYS);
        metadataBox.setPrefWidth(440);
        rightBox.setPrefWidth(480);
        HBox.setHgrow(metadataBox, Priority.ALWAYS);
        HBox.setHgrow(rightBox, Priority.ALWAYS);
        HBox box = new HBox(24, metadataBox, rightBox);
        box.setPadding(new Insets(12));
        return box;
    }

    private ListView<LinkedProduct> linkedList(javafx.collections.ObservableList<LinkedProduct> items, String id,
                                               String empty) {
        ListView<LinkedProduct> list = new ListView<>(items);
        list.setId(id);
        list.setPrefHeight(150);
        Label placeholder = new Label(empty);
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("muted");
        list.setPlaceholder(placeholder);
        list.setCellFactory(l -> new ListCell<>() {
            private final Label name = new Label();
            private final Label topic = new Label();
            private final HBox box = new HBox(6);

            {
                name.getStyleClass().add("product-name");
                topic.getStyleClass().add("product-topic");
                // the name stays whole; the topic beside it gives way when the list is narrow
                name.setMinWidth(Region.USE_PREF_SIZE);
                topic.setMinWidth(0);
                box.setAlignment(Pos.CENTER_LEFT);
                // as wide as the list, less its scroll bar: no horizontal scrolling, room for every chip
                listViewProperty().addListener((obs, was, list) -> {
                    if (list != null) {
                        prefWidthProperty().bind(list.widthProperty().subtract(20));
                    }
                });
            }

            @Override
            protected void updateItem(LinkedProduct item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                name.setText(item.displayName());
                topic.setText(item.name() == null ? "unregistered stream" : item.topic());
                box.getChildren().setAll(Chips.tier(item.tier()), name, topic);
                setTooltip(new Tooltip(item.name() == null ? item.topic() + " is described by no catalog entry"
                        : "Double-click to open " + item.name()));
                setGraphic(box);
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                viewModel.open(list.getSelectionModel().getSelectedItem());
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                viewModel.open(list.getSelectionModel().getSelectedItem());
            }
        });
        return list;
    }

    private void fillMetadata() {
        metadataGrid.getChildren().clear();
        int row = 0;
        for (MetadataRow entry : viewModel.metadata()) {
            Label key = label(entry.key(), "field-key");
            TextField value = new TextField(entry.value());
            value.setEditable(false);
            value.getStyleClass().add("copyable");
            value.setFocusTraversable(false);
            metadataGrid.addRow(row++, key, value);
        }
    }

    private Node consumersTable() {
        TableView<ConsumerRow> table = new TableView<>(viewModel.consumers());
        table.setId("consumers-table");
        TableColumn<ConsumerRow, String> consumer = Columns.text("Consumer", ConsumerRow::displayName, 170);
        TableColumn<ConsumerRow, String> principal = Columns.text("Principal",
                c -> Formats.orNone(c.principal()), 170);
        TableColumn<ConsumerRow, String> evidence = Columns.text("Evidence", c -> c.evidence().label(), 105);
        evidence.setMinWidth(95);
        TableColumn<ConsumerRow, String> group = Columns.text("Group", c -> Formats.orNone(c.group()), 150);
        TableColumn<ConsumerRow, Long> lag = Columns.valued("Lag", ConsumerRow::lag, Formats::lag, 80, "numeric");
        TableColumn<ConsumerRow, ConsumerState> state = Columns.valued("State", ConsumerRow::state,
                s -> s == null ? Formats.NONE : s.label(), 130, null);
        state.setMinWidth(125);
        state.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ConsumerState item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                setGraphic(empty || item == null ? null
                        : Chips.withTooltip(Chips.chip(item.label(), item.styleClass()), item.explanation()));
            }
        });
        TableColumn<ConsumerRow, String> owner = Columns.text("Owner", c -> Formats.orNone(c.owner()), 200);
        TableColumn<ConsumerRow, Integer> tier = Columns.valued("Tier", ConsumerRow::tier, Formats::tier, 70, null);
        table.getColumns().setAll(List.of(consumer, principal, evidence, group, lag, state, owner, tier));
        table.getSortOrder().add(state);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ConsumerRow item, boolean empty) {
                super.updateItem(item, empty);
                for (ConsumerState s : ConsumerState.values()) {
                    getStyleClass().remove(s.styleClass());
                }
                if (!empty && item != null) {
                    getStyleClass().add(item.state().styleClass());
                }
            }
        });
        table.setPlaceholder(new Label("Nobody reads this topic: no READ permission and no consumer group."));
        TableCopy.install(table, true, List.of());

        Label summary = new Label();
        summary.setId("consumer-summary");
        summary.getStyleClass().add("muted");
        summary.textProperty().bind(viewModel.consumerSummaryProperty());
        VBox box = new VBox(8, summary, table);
        box.setPadding(new Insets(12));
        VBox.setVgrow(table, Priority.ALWAYS);
        return box;
    }

    private Node schemaPane() {
        ComboBox<SchemaVersion> version = versionPicker("schema-version");
        version.valueProperty().bindBidirectional(viewModel.selectedVersionProperty());
        Label subject = new Label();
        subject.getStyleClass().add("muted");
        version.valueProperty().addListener((obs, old, now) -> subject.setText(now == null ? ""
                : now.subject() + " \u00b7 " + now.schemaType() + " \u00b7 id " + now.id()
                + (now.compatibility() == null ? "" : " \u00b7 " + now.compatibility())));
        HBox top = new HBox(10, label("Version", "field-key"), version, subject);
        top.setAlignment(Pos.CENTER_LEFT);

        TableView<SchemaField> fields = new TableView<>(viewModel.fields());
        fields.setId("fields-table");
        fields.getColumns().setAll(List.of(
                Columns.text("Field", SchemaField::path, 220),
                Columns.text("Type", SchemaField::type, 220),
                Columns.text("Required", f -> f.required() ? "required" : "optional", 80),
                Columns.text("Description", f -> f.doc() == null ? "" : f.doc(), 380)));
        fields.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        Label placeholder = new Label();
        placeholder.textProperty().bind(viewModel.schemaMessageProperty());
        placeholder.setWrapText(true);
        fields.setPlaceholder(placeholder);
        TableCopy.install(fields, true, List.of());

        VBox box = new VBox(10, top, fields);
        box.setPadding(new Insets(12));
        VBox.setVgrow(fields, Priority.ALWAYS);
        return box;
    }

    private Node diffPane() {
        ComboBox<SchemaVersion> left = versionPicker("diff-left");
        left.valueProperty().bindBidirectional(viewModel.diffLeftProperty());
        ComboBox<SchemaVersion> right = versionPicker("diff-right");
        right.valueProperty().bindBidirectional(viewModel.diffRightProperty());
        Label summary = new Label();
        summary.setId("diff-summary");
        summary.getStyleClass().add("muted");
        summary.textProperty().bind(viewModel.diffSummaryProperty());
        HBox top = new HBox(10, label("Compare", "field-key"), left, new Label("with"), right, summary);
        top.setAlignment(Pos.CENTER_LEFT);

        TableView<SchemaDiff.Row> table = new TableView<>(viewModel.diff());
        table.setId("diff-table");
        TableColumn<SchemaDiff.Row, String> field = Columns.text("Field", SchemaDiff.Row::path, 200);
        TableColumn<SchemaDiff.Row, String> oldType = Columns.text("Older version",
                d -> d.before() == null ? "" : d.before().type(), 220);
        oldType.textProperty().bind(Bindings.createStringBinding(() -> left.getValue() == null ? "Older version"
                : "Version " + left.getValue().version(), left.valueProperty()));
        TableColumn<SchemaDiff.Row, String> newType = Columns.text("Newer version",
                d -> d.after() == null ? "" : d.after().type(), 220);
        newType.textProperty().bind(Bindings.createStringBinding(() -> right.getValue() == null ? "Newer version"
                : "Version " + right.getValue().version(), right.valueProperty()));
        TableColumn<SchemaDiff.Row, String> change = Columns.text("Change", ProductView::changeText, 150);
        table.getColumns().setAll(List.of(field, oldType, newType, change));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(SchemaDiff.Row item, boolean empty) {
                super.updateItem(item, empty);
                for (SchemaDiff.Status status : SchemaDiff.Status.values()) {
                    getStyleClass().remove(diffStyle(status));
                }
                setTooltip(null);
                if (!empty && item != null) {
                    getStyleClass().add(diffStyle(item.status()));
                    if (item.changed().contains(SchemaDiff.Aspect.DOC)) {
                        setTooltip(new Tooltip("Was: " + docOf(item.before()) + "\nNow: " + docOf(item.after())));
                    }
                }
            }
        });
        table.setPlaceholder(new Label("A diff needs at least one registered schema version."));
        TableCopy.install(table, true, List.of());

        VBox box = new VBox(10, top, table);
        box.setPadding(new Insets(12));
        VBox.setVgrow(table, Priority.ALWAYS);
        return box;
    }

    private static String diffStyle(SchemaDiff.Status status) {
        return "diff-" + status.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String docOf(SchemaField field) {
        return field == null || field.doc() == null ? "(none)" : field.doc();
    }

    /** {@code added}, {@code removed}, {@code unchanged}, or what changed: {@code type, doc}. */
    static String changeText(SchemaDiff.Row row) {
        if (row.status() != SchemaDiff.Status.CHANGED) {
            return row.status().name().toLowerCase(java.util.Locale.ROOT);
        }
        return "changed: " + String.join(", ", row.changed().stream().sorted()
                .map(a -> a.name().toLowerCase(java.util.Locale.ROOT)).toList());
    }

    private ComboBox<SchemaVersion> versionPicker(String id) {
        ComboBox<SchemaVersion> box = new ComboBox<>(viewModel.versions());
        box.setId(id);
        StringConverter<SchemaVersion> converter = new StringConverter<>() {
            @Override
            public String toString(SchemaVersion v) {
                return v == null ? "" : "Version " + v.version();
            }

            @Override
            public SchemaVersion fromString(String text) {
                throw new UnsupportedOperationException("versions are picked, not typed");
            }
        };
        box.setConverter(converter);
        box.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(SchemaVersion item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : converter.toString(item) + "  (id " + item.id() + ")");
            }
        });
        box.disableProperty().bind(Bindings.isEmpty(viewModel.versions()));
        return box;
    }

    private static Label label(String text, String styleClass) {
        Label label = new Label(text);
        label.getStyleClass().add(styleClass);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }
}
