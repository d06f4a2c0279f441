package dev.meshlens.app.ui.impact;

import dev.meshlens.app.ui.common.Chips;
import dev.meshlens.app.ui.common.Columns;
import dev.meshlens.app.ui.common.Formats;
import dev.meshlens.app.ui.common.TableCopy;
import dev.meshlens.app.ui.service.ConsumerState;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.List;

/** A window listing the consumers a breaking change would reach, with a button to copy their contacts. */
public final class ImpactView extends BorderPane {

    /** Builds the view for {@code viewModel}. */
    public ImpactView(ImpactViewModel viewModel) {
        setPadding(new Insets(14));
        Label title = new Label(viewModel.title());
        title.getStyleClass().add("dialog-title");
        Label summary = new Label(viewModel.summary());
        summary.setWrapText(true);
        summary.setId("impact-summary");
        Button copy = new Button("Copy contacts");
        copy.setOnAction(e -> viewModel.copyContacts());
        Label notice = new Label();
        notice.getStyleClass().add("notice");
        notice.textProperty().bind(viewModel.noticeProperty());
        HBox actions = new HBox(8, copy, notice);
        actions.setAlignment(Pos.CENTER_LEFT);
        setTop(new VBox(6, title, summary, actions));

        TableView<ImpactRow> table = new TableView<>(viewModel.rows());
        table.setId("impact-table");
        TableColumn<ImpactRow, ConsumerState> state = Columns.valued("State", ImpactRow::state,
                s -> s == null ? Formats.NONE : s.label(), 130, null);
        state.setMinWidth(125);
        state.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ConsumerState item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                setGraphic(empty || item == null ? null : Chips.chip(item.label(), item.styleClass()));
            }
        });
        table.getColumns().setAll(List.of(
                Columns.text("Consumer", ImpactRow::consumer, 170),
                Columns.text("Principal", r -> Formats.orNone(r.principal()), 170),
                Columns.text("Group", r -> Formats.orNone(r.group()), 140),
                Columns.text("Owner", r -> Formats.orNone(r.owner()), 200),
                Columns.valued("Tier", ImpactRow::tier, Formats::tier, 70, null),
                state,
                Columns.text("Reached via", r -> r.depth() == 0 ? "direct" : r.via(), 170)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(new Label("Nobody consumes this product or anything derived from it."));
        TableCopy.install(table, true, List.of());
        BorderPane.setMargin(table, new Insets(12, 0, 0, 0));
        setCenter(table);
    }

    /** Shows the view in its own window over {@code owner}. */
    public static Stage show(Window owner, ImpactViewModel viewModel, List<String> stylesheets) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(viewModel.title() + " \u2014 Meshlens");
        Scene scene = new Scene(new ImpactView(viewModel), 1000, 520);
        scene.getStylesheets().setAll(stylesheets);
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.setScene(scene);
        stage.show();
        return stage;
    }
}
