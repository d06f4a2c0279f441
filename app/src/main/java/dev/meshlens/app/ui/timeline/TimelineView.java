package dev.meshlens.app.ui.timeline;

import dev.meshlens.app.ui.common.Chips;
import dev.meshlens.app.ui.common.Formats;
import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.model.SourceKind;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.stream.Collectors;

/**
 * The snapshot timeline panel: newest snapshot first, the one viewed highlighted; a date picker for "as of
 * date"; buttons to step back and forth and to return to the newest. Thin: binds to a {@link TimelineViewModel}.
 */
public final class TimelineView extends VBox {
    private final TimelineViewModel viewModel;
    private final ListView<Snapshot> list;
    private final DatePicker date = new DatePicker();
    private boolean syncing;

    /** Builds the panel for {@code viewModel}. */
    public TimelineView(TimelineViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("timeline-view");
        setSpacing(8);
        setPadding(new Insets(12));

        Label title = new Label("Timeline");
        title.getStyleClass().add("section-title");
        Button previous = new Button("\u25c0");
        previous.setTooltip(new Tooltip("Older snapshot (Alt+Left)"));
        previous.setOnAction(e -> viewModel.choosePrevious());
        Button next = new Button("\u25b6");
        next.setTooltip(new Tooltip("Newer snapshot (Alt+Right)"));
        next.setOnAction(e -> viewModel.chooseNext());
        Button latest = new Button("Latest");
        latest.setId("timeline-latest");
        latest.setTooltip(new Tooltip("Back to the newest snapshot (Ctrl+L)"));
        latest.setOnAction(e -> viewModel.chooseLatest());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(4, title, spacer, previous, next, latest);
        header.setAlignment(Pos.CENTER_LEFT);

        date.setId("timeline-date");
        date.setPromptText("As of date\u2026");
        date.setMaxWidth(Double.MAX_VALUE);
        date.setTooltip(new Tooltip("Show the catalog as it was at the end of this day"));
        date.valueProperty().addListener((obs, old, now) -> {
            if (!syncing && now != null) {
                viewModel.chooseDate(now);
            }
        });
        viewModel.dateProperty().addListener((obs, old, now) -> {
            syncing = true;
            try {
                date.setValue(now);
            } finally {
                syncing = false;
            }
        });
        Label message = new Label();
        message.getStyleClass().add("muted");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());
        message.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        list = new ListView<>(viewModel.snapshots());
        list.setId("timeline-list");
        list.setCellFactory(l -> new SnapshotCell());
        list.setPlaceholder(new Label("No snapshots yet"));
        list.setOnMouseClicked(e -> chooseSelected());
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                chooseSelected();
            }
        });
        viewModel.viewingProperty().addListener((obs, old, now) -> selectViewing());
        viewModel.snapshots().addListener((javafx.collections.ListChangeListener<Snapshot>) c -> selectViewing());
        VBox.setVgrow(list, Priority.ALWAYS);

        Label count = new Label();
        count.getStyleClass().add("muted");
        count.textProperty().bind(Bindings.createStringBinding(
                () -> Formats.count(viewModel.snapshots().size(), "snapshot", "snapshots"), viewModel.snapshots()));

        getChildren().addAll(header, date, message, list, count);
        setMinWidth(250);
        setPrefWidth(280);
    }

    /** Puts the keyboard focus into the date picker (View › Go to date). */
    public void focusDate() {
        date.requestFocus();
    }

    private void chooseSelected() {
        Snapshot chosen = list.getSelectionModel().getSelectedItem();
        if (chosen != null) {
            viewModel.choose(chosen);
        }
    }

    private void selectViewing() {
        Snapshot viewing = viewModel.viewingProperty().get();
        if (viewing == null) {
            list.getSelectionModel().clearSelection();
            return;
        }
        for (int i = 0; i < viewModel.snapshots().size(); i++) {
            if (viewModel.snapshots().get(i).id() == viewing.id()) {
                list.getSelectionModel().select(i);
                list.scrollTo(Math.max(0, i - 3));
                break;
            }
        }
        list.refresh();
    }

    private final class SnapshotCell extends ListCell<Snapshot> {
        private final Label when = new Label();
        private final Label what = new Label();
        private final HBox top = new HBox(6, when);
        private final VBox box = new VBox(2, top, what);

        SnapshotCell() {
            // as wide as the list, less its scroll bar: no horizontal scrolling, room for every chip
            listViewProperty().addListener((obs, was, list) -> {
                if (list != null) {
                    prefWidthProperty().bind(list.widthProperty().subtract(20));
                }
            });
            when.getStyleClass().add("snapshot-time");
            when.setMinWidth(Region.USE_PREF_SIZE);
            what.getStyleClass().add("snapshot-detail");
            top.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(Snapshot item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove("viewing");
            if (empty || item == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            when.setText(viewModel.describe(item));
            top.getChildren().setAll(when);
            if (viewModel.newest().map(n -> n.id() == item.id()).orElse(false)) {
                top.getChildren().add(Chips.chip("newest", "chip-newest"));
            }
            Snapshot viewing = viewModel.viewingProperty().get();
            if (viewing != null && viewing.id() == item.id() && viewModel.isHistorical()) {
                getStyleClass().add("viewing");
                top.getChildren().add(Chips.chip("viewing", "chip-viewing"));
            }
            String sources = item.sources().stream().sorted().map(SourceKind::label)
                    .collect(Collectors.joining(", "));
            what.setText(sources.isEmpty() ? Formats.orNone(item.origin()) : sources);
            setTooltip(new Tooltip("Snapshot #" + item.id() + " taken "
                    + Formats.dateTimeSeconds(item.takenAt(), viewModel.zone()) + "\nSources: "
                    + (sources.isEmpty() ? Formats.NONE : sources) + "\nFrom: " + Formats.orNone(item.origin())));
            setGraphic(box);
        }
    }
}
