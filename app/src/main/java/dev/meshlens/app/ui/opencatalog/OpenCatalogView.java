package dev.meshlens.app.ui.opencatalog;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.util.List;

/** File ▸ Open catalog: an H2 file or a JDBC URL, a connection test, Open. Thin over {@link OpenCatalogViewModel}. */
public final class OpenCatalogView extends GridPane {
    /** The dialog's Open button. */
    public static final ButtonType OPEN = new ButtonType("Open", ButtonBar.ButtonData.OK_DONE);

    /** @param viewModel the dialog's state */
    public OpenCatalogView(OpenCatalogViewModel viewModel) {
        setId("open-catalog-view");
        setHgap(8);
        setVgap(8);
        setPadding(new Insets(12));

        ComboBox<String> location = new ComboBox<>(viewModel.recent());
        location.setId("catalog-location");
        location.setEditable(true);
        location.setPromptText("~/.meshlens/catalog or jdbc:postgresql://host/catalog");
        location.setMaxWidth(Double.MAX_VALUE);
        location.setPrefWidth(480);
        location.getEditor().textProperty().bindBidirectional(viewModel.locationProperty());
        GridPane.setHgrow(location, Priority.ALWAYS);
        Button browse = new Button("Browse\u2026");
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Choose a Meshlens catalog file");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("H2 catalog", "*.mv.db"));
            File file = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
            if (file != null) {
                viewModel.locationProperty().set(file.getPath());
            }
        });
        add(new Label("Catalog"), 0, 0);
        add(new HBox(8, location, browse), 1, 0);

        Label url = new Label();
        url.setId("catalog-jdbc-url");
        url.getStyleClass().add("muted");
        url.textProperty().bind(viewModel.jdbcUrlProperty());
        add(url, 1, 1);

        Label problem = new Label();
        problem.setId("catalog-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add("error-text");
        problem.textProperty().bind(viewModel.problemProperty());
        add(problem, 1, 2);

        Button test = new Button("Test connection");
        test.setId("test-connection");
        test.disableProperty().bind(viewModel.jdbcUrlProperty().isEmpty().or(viewModel.testingProperty()));
        test.setOnAction(e -> viewModel.test());
        Label result = new Label();
        result.setId("connection-result");
        result.setWrapText(true);
        result.textProperty().bind(viewModel.resultProperty());
        add(new HBox(10, test, result), 1, 3);

        Label note = new Label("A server's user and password come from MESHLENS_DB_USER and MESHLENS_DB_PASSWORD or "
                + "from ~/.meshlens/db-credentials (owner-only), as on the command line; Meshlens never stores them.");
        note.setWrapText(true);
        note.setMaxWidth(560);
        note.getStyleClass().add("muted");
        add(note, 1, 4);
    }

    /** Shows the dialog over {@code owner}; Open hands the catalog to the view model's opener. */
    public static void show(Window owner, OpenCatalogViewModel viewModel, List<String> stylesheets) {
        Dialog<ButtonType> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle("Open catalog");
        dialog.setHeaderText("Open a catalog: an H2 file or a shared database");
        dialog.getDialogPane().setContent(new OpenCatalogView(viewModel));
        dialog.getDialogPane().getButtonTypes().addAll(OPEN, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(OPEN).disableProperty().bind(viewModel.jdbcUrlProperty().isEmpty());
        dialog.getDialogPane().getStylesheets().setAll(stylesheets);
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == OPEN) {
                viewModel.open();
            }
        });
        dialog.show();
    }
}
