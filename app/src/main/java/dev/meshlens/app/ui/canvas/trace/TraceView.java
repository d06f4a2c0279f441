package dev.meshlens.app.ui.canvas.trace;

import dev.meshlens.app.ui.canvas.modes.Panels;
import dev.meshlens.app.ui.common.Columns;
import dev.meshlens.app.ui.common.TableCopy;
import dev.meshlens.engine.trace.TraceGap;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;

import java.util.List;

/**
 * The record trace panel: a record id field with completion from the snapshot's hops, a pick list, the trace's
 * summary and its gaps explained. Thin: everything comes from {@link TraceViewModel}.
 */
public final class TraceView {
    private TraceView() {
    }

    /** The panel for {@code viewModel}, id {@code trace-panel}. */
    public static Node create(TraceViewModel viewModel) {
        VBox panel = Panels.panel("trace-panel", "Record trace");
        TextField field = new TextField();
        field.setId("trace-record");
        field.setPromptText("topic-partition@offset");
        field.textProperty().bindBidirectional(viewModel.recordIdProperty());
        field.setOnAction(e -> viewModel.trace());
        HBox.setHgrow(field, Priority.ALWAYS);
        TextFields.bindAutoCompletion(field, request -> viewModel.suggestions(request.getUserText()));
        Button trace = Panels.button("trace-run", "Trace", viewModel::trace);

        ComboBox<String> pick = new ComboBox<>(viewModel.records());
        pick.setId("trace-pick");
        pick.setPromptText("Pick a record…");
        pick.setMaxWidth(Double.MAX_VALUE);
        pick.setOnAction(e -> {
            if (pick.getValue() != null) {
                viewModel.pick(pick.getValue());
            }
        });

        TableView<TraceGap> gaps = new TableView<>(viewModel.gaps());
        gaps.setId("trace-gaps");
        gaps.getColumns().setAll(List.of(
                Columns.text("Gap", g -> g.kind().label(), 110),
                Columns.text("Record", TraceGap::record, 190),
                Columns.text("What is missing", TraceGap::detail, 420)));
        Label empty = new Label();
        // before a trace there is nothing to say about gaps; after one, an empty table is good news
        empty.textProperty().bind(javafx.beans.binding.Bindings.when(viewModel.summaryProperty().isEmpty())
                .then("Trace a record to see the gaps in its lineage.")
                .otherwise("No gap: every hop of the trace is accounted for."));
        gaps.setPlaceholder(empty);
        TableCopy.install(gaps, true, List.of());

        panel.getChildren().addAll(new HBox(8, field, trace), pick,
                Panels.notice("trace-message", viewModel.messageProperty()),
                Panels.text("trace-summary", viewModel.summaryProperty()),
                Panels.button("trace-close", "Back to lineage", viewModel::close),
                Panels.section("Gaps"), Panels.grow(gaps));
        return panel;
    }
}
