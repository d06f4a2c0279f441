package dev.meshlens.app.ui.lineage;

import dev.meshlens.app.ui.common.Columns;
import dev.meshlens.app.ui.common.Formats;
import dev.meshlens.app.ui.common.TableCopy;
import dev.meshlens.app.ui.service.LinkedProduct;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.List;

/** A window listing a product's upstream and downstream topics; double-click opens a product's page. */
public final class LineageView extends BorderPane {

    /** Builds the view for {@code viewModel}. */
    public LineageView(LineageViewModel viewModel) {
        setPadding(new Insets(14));
        Label title = new Label(viewModel.title());
        title.getStyleClass().add("dialog-title");
        Label summary = new Label(viewModel.summary());
        summary.getStyleClass().add("muted");
        setTop(new VBox(4, title, summary));
        HBox lists = new HBox(12,
                column("Upstream: where it comes from", viewModel.upstream(), viewModel, "lineage-upstream"),
                column("Downstream: what it feeds", viewModel.downstream(), viewModel, "lineage-downstream"));
        BorderPane.setMargin(lists, new Insets(12, 0, 0, 0));
        setCenter(lists);
    }

    private static VBox column(String heading, ObservableList<LinkedProduct> items, LineageViewModel viewModel,
                               String id) {
        TableView<LinkedProduct> table = new TableView<>(items);
        table.setId(id);
        table.getColumns().setAll(List.of(
                Columns.text("Product", LinkedProduct::displayName, 180),
                Columns.text("Topic", LinkedProduct::topic, 200),
                Columns.valued("Tier", LinkedProduct::tier, Formats::tier, 70, null)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(new Label("Nothing"));
        table.setRowFactory(t -> {
            javafx.scene.control.TableRow<LinkedProduct> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.open(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyReleased(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                viewModel.open(table.getSelectionModel().getSelectedItem());
            }
        });
        TableCopy.install(table, false, List.of());
        Label label = new Label(heading);
        label.getStyleClass().add("section-title");
        VBox box = new VBox(6, label, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    /** Shows the view in its own window over {@code owner}. */
    public static Stage show(Window owner, LineageViewModel viewModel, List<String> stylesheets) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(viewModel.title() + " \u2014 Meshlens");
        Scene scene = new Scene(new LineageView(viewModel), 900, 480);
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
