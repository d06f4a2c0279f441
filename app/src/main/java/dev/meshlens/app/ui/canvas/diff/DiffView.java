package dev.meshlens.app.ui.canvas.diff;

import dev.meshlens.app.ui.canvas.modes.Panels;
import dev.meshlens.app.ui.common.Columns;
import dev.meshlens.app.ui.common.Formats;
import dev.meshlens.app.ui.common.TableCopy;
import dev.meshlens.engine.model.Snapshot;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.time.ZoneId;
import java.util.List;

/**
 * The diff panel: two snapshot choosers, the counts, and every change listed. Thin: everything comes from
 * {@link DiffViewModel}.
 */
public final class DiffView {
    private DiffView() {
    }

    /** The panel for {@code viewModel}, id {@code diff-panel}. */
    public static Node create(DiffViewModel viewModel) {
        VBox panel = Panels.panel("diff-panel", "Compare snapshots");
        ComboBox<Snapshot> from = chooser("diff-from", viewModel);
        from.valueProperty().bindBidirectional(viewModel.fromProperty());
        ComboBox<Snapshot> to = chooser("diff-to", viewModel);
        to.valueProperty().bindBidirectional(viewModel.toProperty());
        Button compare = Panels.button("diff-compare", "Compare", viewModel::compare);
        compare.disableProperty().bind(viewModel.busyProperty());

        TableView<DiffRow> rows = new TableView<>(viewModel.rows());
        rows.setId("diff-changes");
        rows.getColumns().setAll(List.of(
                Columns.text("Change", DiffRow::change, 70),
                Columns.text("What", DiffRow::section, 70),
                Columns.text("Subject", DiffRow::subject, 260),
                Columns.text("Detail", r -> r.detail().isEmpty() ? Formats.NONE : r.detail(), 220)));
        rows.setPlaceholder(new Label("Choose two snapshots and compare."));
        TableCopy.install(rows, true, List.of());

        // one chooser per line: the side panel is narrow, and a snapshot reads "#12 · 2024-05-01 10:00"
        panel.getChildren().addAll(row("From", from), row("To", to), new HBox(8, compare,
                        Panels.button("diff-close", "Back to lineage", viewModel::close)),
                Panels.notice("diff-message", viewModel.messageProperty()),
                Panels.text("diff-summary", viewModel.summaryProperty()),
                Panels.section("Changes"), Panels.grow(rows));
        return panel;
    }

    private static HBox row(String label, ComboBox<Snapshot> chooser) {
        Label text = new Label(label);
        text.setMinWidth(40);
        HBox row = new HBox(8, text, chooser);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return row;
    }

    private static ComboBox<Snapshot> chooser(String id, DiffViewModel viewModel) {
        ComboBox<Snapshot> box = new ComboBox<>(viewModel.snapshots());
        box.setId(id);
        box.setMinWidth(220);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Snapshot s) {
                return s == null ? "" : "#" + s.id() + " · " + Formats.dateTime(s.takenAt(), ZoneId.systemDefault());
            }

            @Override
            public Snapshot fromString(String text) {
                return null;
            }
        });
        return box;
    }
}
