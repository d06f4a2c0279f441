package dev.meshlens.app.ui.importer;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import dev.meshlens.importers.profile.ConnectionProfile;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * The import dialog: files (chosen or dropped), the target cluster, then progress, a readable log, errors that
 * name file and line, and Cancel. Not modal, so the catalog stays usable while an import runs. Thin: binds to
 * an {@link ImportViewModel}.
 */
public final class ImportView extends BorderPane {
    private final ImportViewModel viewModel;
    private final ListView<Path> files;
    private final Button start = new Button("Import");
    private final Button cancel = new Button("Cancel");
    private final Button close = new Button("Close");

    /** Builds the dialog's content for {@code viewModel}. */
    public ImportView(ImportViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("import-view");
        setPadding(new Insets(16));

        Label heading = new Label("Import files into the catalog");
        heading.getStyleClass().add("dialog-title");
        Label hint = new Label("Kafka CLI listings (ACLs, topics, consumer groups), catalog and service sheets, "
                + "group mappings, schema folders and trace logs. Every import becomes one snapshot; a file with an "
                + "error leaves the catalog unchanged.");
        hint.setWrapText(true);
        hint.getStyleClass().add("muted");

        TextField cluster = new TextField();
        cluster.setId("import-cluster");
        cluster.textProperty().bindBidirectional(viewModel.clusterProperty());
        cluster.disableProperty().bind(viewModel.runningProperty());
        cluster.setPrefColumnCount(18);
        HBox clusterLine = new HBox(8, new Label("Cluster"), cluster);
        clusterLine.setAlignment(Pos.CENTER_LEFT);

        files = new ListView<>(viewModel.files());
        files.setId("import-files");
        files.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        files.setPrefHeight(130);
        files.setPlaceholder(new Label("Drop files here, or use Add files\u2026"));
        files.setOnDragOver(this::acceptFiles);
        files.setOnDragDropped(this::dropFiles);
        files.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                removeSelected();
            }
        });
        Button addFiles = new Button("Add files\u2026");
        addFiles.setOnAction(e -> chooseFiles());
        Button addFolder = new Button("Add folder\u2026");
        addFolder.setOnAction(e -> chooseFolder());
        Button remove = new Button("Remove");
        remove.setOnAction(e -> removeSelected());
        remove.disableProperty().bind(Bindings.isEmpty(files.getSelectionModel().getSelectedItems())
                .or(viewModel.runningProperty()));
        addFiles.disableProperty().bind(viewModel.runningProperty());
        addFolder.disableProperty().bind(viewModel.runningProperty());
        VBox fileButtons = new VBox(6, addFiles, addFolder, remove);
        fileButtons.getChildren().forEach(n -> ((Region) n).setMaxWidth(Double.MAX_VALUE));
        HBox fileArea = new HBox(8, files, fileButtons);
        HBox.setHgrow(files, Priority.ALWAYS);

        ProgressBar progress = new ProgressBar();
        progress.setId("import-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(viewModel.progressProperty());
        progress.visibleProperty().bind(viewModel.runningProperty());
        Label status = new Label();
        status.setId("import-status");
        status.setWrapText(true);
        status.textProperty().bind(viewModel.statusProperty());
        TextField error = new TextField();
        error.setId("import-error");
        error.setEditable(false);
        error.getStyleClass().add("error-field");
        error.textProperty().bind(viewModel.errorProperty());
        error.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        ListView<String> log = new ListView<>(viewModel.log());
        log.setId("import-log");
        log.getStyleClass().add("log-view");
        log.setPlaceholder(new Label("What the import reads will be listed here."));
        viewModel.log().addListener((ListChangeListener<String>) c -> {
            if (!viewModel.log().isEmpty()) {
                log.scrollTo(viewModel.log().size() - 1);
            }
        });
        VBox.setVgrow(log, Priority.ALWAYS);

        VBox body = new VBox(10, heading, hint, clusterLine, fileArea, liveLine(), progress, status, error, log);
        setCenter(body);

        start.setId("import-start");
        start.setDefaultButton(true);
        start.getStyleClass().add("accent");
        start.disableProperty().bind(viewModel.canStartProperty().not());
        start.setOnAction(e -> viewModel.start());
        cancel.setId("import-cancel");
        cancel.disableProperty().bind(viewModel.runningProperty().not().or(viewModel.cancellingProperty()));
        cancel.setOnAction(e -> viewModel.cancel());
        close.setId("import-close");
        close.setCancelButton(true);
        close.setOnAction(e -> {
            if (!viewModel.runningProperty().get() && getScene() != null) {
                getScene().getWindow().hide();
            }
        });
        close.disableProperty().bind(viewModel.runningProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, spacer, start, cancel, close);
        buttons.setPadding(new Insets(12, 0, 0, 0));
        setBottom(buttons);

        setOnDragOver(this::acceptFiles);
        setOnDragDropped(this::dropFiles);
    }

    /** The live-cluster line: a connection profile of {@code meshlens profile} and "Import cluster". */
    private Region liveLine() {
        ComboBox<ConnectionProfile> profiles = new ComboBox<>(viewModel.profiles());
        profiles.setId("import-profile");
        profiles.setPromptText("a connection profile");
        profiles.valueProperty().bindBidirectional(viewModel.profileProperty());
        profiles.disableProperty().bind(viewModel.runningProperty());
        profiles.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ConnectionProfile profile) {
                return profile == null ? "" : profile.name() + " \u2014 " + profile.kafka().getFileName()
                        + (profile.registry() == null ? "" : " + " + profile.registry());
            }

            @Override
            public ConnectionProfile fromString(String text) {
                return null;
            }
        });
        Button importCluster = new Button("Import cluster");
        importCluster.setId("import-live-start");
        importCluster.disableProperty().bind(viewModel.canStartLiveProperty().not());
        importCluster.setOnAction(e -> viewModel.startLive());
        Label label = new Label("Live cluster");
        HBox line = new HBox(8, label, profiles, importCluster);
        line.setAlignment(Pos.CENTER_LEFT);
        if (viewModel.profiles().isEmpty()) {
            Label none = new Label("No connection profiles yet: add one with 'meshlens profile add NAME --kafka FILE'.");
            none.getStyleClass().add("muted");
            line.getChildren().setAll(label, none);
        }
        return line;
    }

    /**
     * Shows the dialog over {@code owner} with the window's stylesheets; Escape closes it when no import runs.
     *
     * @return the dialog's stage
     */
    public static Stage show(Window owner, ImportViewModel viewModel, List<String> stylesheets) {
        ImportView view = new ImportView(viewModel);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle("Import files \u2014 Meshlens");
        Scene scene = new Scene(view, 720, 600);
        scene.getStylesheets().setAll(stylesheets);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), () -> {
            if (!viewModel.runningProperty().get()) {
                stage.hide();
            }
        });
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            // closing the window while importing would hide a running transaction: cancel first
            if (viewModel.runningProperty().get()) {
                viewModel.cancel();
                e.consume();
            }
        });
        stage.show();
        return stage;
    }

    private void acceptFiles(DragEvent event) {
        if (event.getDragboard().hasFiles() && !viewModel.runningProperty().get()) {
            event.acceptTransferModes(TransferMode.COPY);
        }
        event.consume();
    }

    private void dropFiles(DragEvent event) {
        boolean done = false;
        if (event.getDragboard().hasFiles() && !viewModel.runningProperty().get()) {
            viewModel.addFiles(event.getDragboard().getFiles().stream().map(File::toPath).toList());
            done = true;
        }
        event.setDropCompleted(done);
        event.consume();
    }

    private void chooseFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Files to import");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Listings, sheets and schemas",
                        "*.txt", "*.out", "*.csv", "*.json", "*.jsonl", "*.avsc", "*.proto"),
                new FileChooser.ExtensionFilter("All files", "*"));
        List<File> chosen = chooser.showOpenMultipleDialog(getScene().getWindow());
        if (chosen != null) {
            viewModel.addFiles(chosen.stream().map(File::toPath).toList());
        }
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Folder to import (e.g. a schema folder)");
        File folder = chooser.showDialog(getScene().getWindow());
        if (folder != null) {
            viewModel.addFiles(List.of(folder.toPath()));
        }
    }

    private void removeSelected() {
        List.copyOf(files.getSelectionModel().getSelectedItems()).forEach(viewModel::removeFile);
    }
}
