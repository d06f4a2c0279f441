package dev.meshlens.app.ui.canvas.change;

import dev.meshlens.app.ui.canvas.modes.Panels;
import dev.meshlens.app.ui.common.Columns;
import dev.meshlens.app.ui.common.Formats;
import dev.meshlens.app.ui.common.TableCopy;
import dev.meshlens.engine.change.Notification;
import dev.meshlens.engine.schema.CompatibilityMode;
import dev.meshlens.engine.schema.Incompatibility;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.List;

/**
 * The breaking-change planner panel: pick a proposed schema, read the verdict and the offending fields, see who to
 * notify and copy their contacts. Thin: everything comes from {@link ChangeViewModel}.
 */
public final class ChangeView {
    private ChangeView() {
    }

    /** The panel for {@code viewModel}, id {@code change-panel}. */
    public static Node create(ChangeViewModel viewModel) {
        VBox panel = Panels.panel("change-panel", "Breaking-change planner");
        Button pick = Panels.button("change-pick", "Proposed schema…", viewModel::pickSchema);
        pick.disableProperty().bind(viewModel.busyProperty());
        ComboBox<CompatibilityMode> mode = new ComboBox<>();
        mode.setId("change-mode");
        List<CompatibilityMode> modes = new ArrayList<>();
        modes.add(null);
        modes.addAll(List.of(CompatibilityMode.values()));
        mode.getItems().setAll(modes);
        mode.setConverter(new StringConverter<>() {
            @Override
            public String toString(CompatibilityMode m) {
                return m == null ? "Subject's own level" : m.name();
            }

            @Override
            public CompatibilityMode fromString(String text) {
                return null;
            }
        });
        mode.valueProperty().bindBidirectional(viewModel.modeProperty());

        Label verdict = Panels.text("change-verdict", viewModel.verdictProperty());
        verdict.getStyleClass().add("section-title");
        viewModel.breakingProperty().addListener((o, was, now) -> verdict.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("breaking"), now));

        TableView<Incompatibility> problems = new TableView<>(viewModel.problems());
        problems.setId("change-problems");
        problems.getColumns().setAll(List.of(
                Columns.text("Field", i -> i.fieldPath().isEmpty() ? "(whole schema)" : i.fieldPath(), 170),
                Columns.valued("Version", Incompatibility::againstVersion, String::valueOf, 60, "numeric"),
                Columns.text("Kind", Incompatibility::kind, 170),
                Columns.text("Message", Incompatibility::message, 360)));
        problems.setPlaceholder(new Label("No offending field."));
        problems.setPrefHeight(150);
        TableCopy.install(problems, true, List.of());

        TableView<Notification> rows = new TableView<>(viewModel.rows());
        rows.setId("change-consumers");
        rows.getColumns().setAll(List.of(
                Columns.text("Name", Notification::name, 190),
                Columns.text("Kind", Notification::kind, 64),
                Columns.valued("Tier", Notification::tier, Formats::tier, 60, null),
                Columns.text("Owner / contact", n -> Formats.orNone(n.owner()), 190),
                Columns.valued("Depth", Notification::depth, String::valueOf, 50, "numeric"),
                Columns.text("Why", Notification::reason, 300)));
        rows.setPlaceholder(new Label("Pick a proposed schema to see who it reaches."));
        TableCopy.install(rows, true, List.of());

        Button copy = Panels.button("change-copy", "Copy contacts", viewModel::copyContacts);
        copy.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(viewModel.rows()));
        Button back = Panels.button("change-close", "Back to lineage", viewModel::close);
        panel.getChildren().addAll(new HBox(8, pick, mode), verdict,
                Panels.text("change-details", viewModel.detailsProperty()),
                Panels.notice("change-message", viewModel.messageProperty()),
                Panels.section("Offending fields"), problems,
                Panels.section("Affected consumers and products"), new HBox(8, copy, back), Panels.grow(rows));
        return panel;
    }
}
