package dev.meshlens.app.ui.export;

import dev.meshlens.engine.export.ExportFormat;
import dev.meshlens.engine.model.Snapshot;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.io.File;
import java.util.List;

/** File ▸ Export snapshot: formats, snapshot, directory, Export, and Verify an export. Thin over {@link ExportViewModel}. */
public final class ExportView extends BorderPane {
    private final ExportViewModel viewModel;

    /** Builds the dialog's content for {@code viewModel}. */
    public ExportView(ExportViewModel viewModel) {
        this.viewModel = viewModel;
        setId("export-view");
        setPadding(new Insets(16));

        Label heading = new Label("Export a snapshot for auditors");
        heading.getStyleClass().add("dialog-title");

        HBox formatBoxes = new HBox(12);
        for (ExportFormat format : ExportFormat.values()) {
            CheckBox box = new CheckBox(format.label());
            box.setId("format-" + format.label());
            box.selectedProperty().bindBidirectional(viewModel.formatProperty(format));
            formatBoxes.getChildren().add(box);
        }
        TextField impact = new TextField();
        impact.setId("export-impact");
        impact.setPromptText("optional: a product for impact.csv");
        impact.textProperty().bindBidirectional(viewModel.impactProductProperty());
        impact.disableProperty().bind(viewModel.formatProperty(ExportFormat.CSV).not());

        ComboBox<Snapshot> snapshot = new ComboBox<>(viewModel.snapshots());
        snapshot.setId("export-snapshot");
        snapshot.valueProperty().bindBidirectional(viewModel.snapshotProperty());
        snapshot.setConverter(new StringConverter<>() {
            @Override
            public String toString(Snapshot s) {
                return s == null ? "" : "#" + s.id() + " \u00b7 " + s.takenAt();
            }

            @Override
            public Snapshot fromString(String text) {
                return null;
            }
        });

        TextField directory = new TextField();
        directory.setId("export-directory");
        directory.setEditable(false);
        directory.setPromptText("an empty folder");
        directory.textProperty().bind(viewModel.directoryProperty().asString().map(t -> t.equals("null") ? "" : t));
        HBox.setHgrow(directory, Priority.ALWAYS);
        Button choose = new Button("Choose\u2026");
        choose.setOnAction(e -> {
            File dir = chooseDirectory("Export into");
            if (dir != null) {
                viewModel.directoryProperty().set(dir.toPath());
            }
        });

        Label status = new Label();
        status.setId("export-status");
        status.setWrapText(true);
        status.textProperty().bind(viewModel.statusProperty());
        Label error = new Label();
        error.setId("export-error");
        error.setWrapText(true);
        error.getStyleClass().add("error-text");
        error.textProperty().bind(viewModel.errorProperty());
        TextField digest = new TextField();
        digest.setId("export-manifest-digest");
        digest.setEditable(false);
        digest.textProperty().bind(viewModel.manifestDigestProperty());
        digest.visibleProperty().bind(viewModel.manifestDigestProperty().isNotEmpty());
        ListView<String> written = new ListView<>(viewModel.written());
        written.setId("export-written");
        written.setPrefHeight(150);
        written.setPlaceholder(new Label("The files written will be listed here."));
        ListView<String> verdict = new ListView<>(viewModel.verdict());
        verdict.setId("export-verdict");
        verdict.setPrefHeight(90);
        verdict.setPlaceholder(new Label("Verify an export to see whether any file was changed, added or removed."));

        VBox body = new VBox(10, heading,
                line("Formats", formatBoxes), line("Impact of", impact), line("Snapshot", snapshot),
                line("Directory", directory, choose), status, error,
                line("MANIFEST.json SHA-256", digest), written, verdict);
        setCenter(body);

        Button export = new Button("Export");
        export.setId("export-start");
        export.setDefaultButton(true);
        export.disableProperty().bind(viewModel.canExportProperty().not());
        export.setOnAction(e -> viewModel.export());
        Button verify = new Button("Verify an export\u2026");
        verify.setId("export-verify");
        verify.disableProperty().bind(viewModel.runningProperty());
        verify.setOnAction(e -> {
            File dir = chooseDirectory("Export to verify");
            if (dir != null) {
                viewModel.verify(dir.toPath());
            }
        });
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(viewModel.runningProperty());
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(e -> getScene().getWindow().hide());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, verify, spacer, busy, export, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(12, 0, 0, 0));
        setBottom(buttons);
    }

    private static HBox line(String label, javafx.scene.Node... nodes) {
        Label key = new Label(label);
        key.setMinWidth(150);
        HBox line = new HBox(8, key);
        line.getChildren().addAll(nodes);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private File chooseDirectory(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        return chooser.showDialog(getScene() == null ? null : getScene().getWindow());
    }

    /**
     * Shows the dialog over {@code owner} with the window's stylesheets.
     *
     * @return the dialog's stage
     */
    public static Stage show(Window owner, ExportViewModel viewModel, List<String> stylesheets) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle("Export snapshot \u2014 Meshlens");
        Scene scene = new Scene(new ExportView(viewModel), 820, 640);
        scene.getStylesheets().setAll(stylesheets);
        stage.setScene(scene);
        stage.show();
        return stage;
    }
}
