package dev.meshlens.app.ui.canvas;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.textfield.TextFields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The lineage canvas window's content: a toolbar (back, forward, focus search, depths, layout, grouping, zoom,
 * save as PNG), the GraphStream canvas, a side area of tabs (the selection's details first, then whatever mode
 * panels are added) and a status line with a legend. Thin: all state is in {@link LineageCanvasViewModel}.
 */
public final class LineageCanvasView extends BorderPane {
    private static final Logger LOG = LoggerFactory.getLogger(LineageCanvasView.class);

    private final LineageCanvasViewModel viewModel;
    private final GraphStreamCanvas canvas = new GraphStreamCanvas();
    private final TabPane side = new TabPane();
    private final GridPane details = new GridPane();

    /**
     * @param viewModel the canvas's state
     * @param dark      whether the window uses the dark theme (the canvas's colours follow it)
     */
    public LineageCanvasView(LineageCanvasViewModel viewModel, boolean dark) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        getStyleClass().add("lineage-canvas-view");
        canvas.setDark(dark);
        setTop(toolbar());
        setCenter(body());
        setBottom(statusBar(dark));

        canvas.setOnSelect(viewModel::select);
        canvas.setOnActivate(viewModel::activate);
        viewModel.drawingProperty().addListener((o, before, now) -> {
            if (now != null) {
                canvas.show(now);
                canvas.select(viewModel.selectedProperty().get());
            }
        });
        viewModel.selectedProperty().addListener((o, before, now) -> canvas.select(now));
        viewModel.details().addListener((ListChangeListener<Detail>) change -> fillDetails());
        if (viewModel.drawingProperty().get() != null) {
            canvas.show(viewModel.drawingProperty().get());
        }
    }

    /**
     * Adds a mode's panel (impact, breaking change, tier paths, record trace, diff) as a tab of the side area,
     * after the details tab.
     *
     * @return the tab, so a mode can select or remove it
     */
    public Tab addModePanel(String title, Node panel) {
        Tab tab = new Tab(title, panel);
        tab.setClosable(false);
        tab.setId("canvas-mode-" + title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
        side.getTabs().add(tab);
        return tab;
    }

    /** The renderer, for what the toolbar does not cover (tests, benchmarks). */
    public GraphStreamCanvas canvas() {
        return canvas;
    }

    /** The structure the renderer draws now. */
    public CanvasSnapshot snapshot() {
        return canvas.snapshot();
    }

    /**
     * Saves the canvas as a PNG of its size.
     *
     * @throws IOException when the file cannot be written
     */
    public void savePng(Path file) throws IOException {
        canvas.writePng(file);
    }

    /** Stops the renderer's timer; call when the window closes. */
    public void dispose() {
        canvas.close();
    }

    // ---- toolbar

    private ToolBar toolbar() {
        Button back = button("\u2190", "canvas-back", "Back to the previous focus (Alt+Left)");
        back.disableProperty().bind(viewModel.canGoBackProperty().not());
        back.setOnAction(e -> viewModel.back());
        Button forward = button("\u2192", "canvas-forward", "Forward again (Alt+Right)");
        forward.disableProperty().bind(viewModel.canGoForwardProperty().not());
        forward.setOnAction(e -> viewModel.forward());

        TextField focus = new TextField();
        focus.setId("canvas-focus");
        focus.setPromptText("Focus on a product or service\u2026");
        focus.setPrefColumnCount(22);
        TextFields.bindAutoCompletion(focus, request -> {
            String typed = request.getUserText().toLowerCase(java.util.Locale.ROOT);
            return typed.length() < 2 ? List.of() : viewModel.focusSuggestions().stream()
                    .filter(s -> s.toLowerCase(java.util.Locale.ROOT).contains(typed)).limit(15).toList();
        });
        focus.setOnAction(e -> {
            if (viewModel.focusOn(focus.getText())) {
                focus.clear();
            }
        });

        ComboBox<Integer> upstream = depthChooser("canvas-upstream", "Hops upstream");
        upstream.valueProperty().bindBidirectional(viewModel.upstreamDepthProperty());
        ComboBox<Integer> downstream = depthChooser("canvas-downstream", "Hops downstream");
        downstream.valueProperty().bindBidirectional(viewModel.downstreamDepthProperty());

        ComboBox<CanvasLayoutKind> layout = new ComboBox<>();
        layout.getItems().setAll(CanvasLayoutKind.values());
        layout.setId("canvas-layout");
        layout.valueProperty().bindBidirectional(viewModel.layoutProperty());
        ComboBox<GroupBy> groupBy = new ComboBox<>();
        groupBy.getItems().setAll(GroupBy.values());
        groupBy.setId("canvas-group-by");
        groupBy.setTooltip(new Tooltip("What big fan-outs are grouped by"));
        groupBy.valueProperty().bindBidirectional(viewModel.groupByProperty());

        Button fit = button("Fit", "canvas-fit", "Zoom to show the whole graph");
        fit.setOnAction(e -> canvas.zoomToFit());
        Button zoomIn = button("+", "canvas-zoom-in", "Zoom in (or use the wheel)");
        zoomIn.setOnAction(e -> canvas.zoom(1.25));
        Button zoomOut = button("\u2212", "canvas-zoom-out", "Zoom out");
        zoomOut.setOnAction(e -> canvas.zoom(1 / 1.25));
        Button save = button("Save PNG\u2026", "canvas-save", "Save the canvas as a PNG image");
        save.setOnAction(e -> saveAs());

        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("canvas-busy");
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(viewModel.busyProperty());

        return new ToolBar(back, forward, focus, new Separator(Orientation.VERTICAL),
                new Label("Upstream"), upstream, new Label("Downstream"), downstream,
                new Separator(Orientation.VERTICAL), layout, new Label("Group by"), groupBy,
                new Separator(Orientation.VERTICAL), fit, zoomIn, zoomOut, save, busy);
    }

    private static Button button(String text, String id, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    private static ComboBox<Integer> depthChooser(String id, String tip) {
        ComboBox<Integer> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(LineageCanvasViewModel.DEPTH_CHOICES);
        box.setVisibleRowCount(11);
        box.setTooltip(new Tooltip(tip));
        box.setCellFactory(list -> new DepthCell());
        box.setButtonCell(new DepthCell());
        return box;
    }

    /** Shows a depth as the view model spells it ("all" for unlimited). */
    private static final class DepthCell extends ListCell<Integer> {
        @Override
        protected void updateItem(Integer depth, boolean empty) {
            super.updateItem(depth, empty);
            setText(empty ? null : LineageCanvasViewModel.depthLabel(depth));
        }
    }

    private void saveAs() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the canvas as PNG");
        chooser.setInitialFileName(viewModel.suggestedFileName());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file == null) {
            return;
        }
        try {
            savePng(file.toPath());
        } catch (IOException e) {
            LOG.warn("Could not save the canvas to {}: {}", file, e.getMessage());
            Alert alert = new Alert(Alert.AlertType.ERROR, "Could not save " + file + ": " + e.getMessage());
            alert.initOwner(getScene().getWindow());
            alert.show();
        }
    }

    // ---- body: canvas and side area

    private SplitPane body() {
        Label error = new Label();
        error.setId("canvas-error");
        error.getStyleClass().add("canvas-error");
        error.textProperty().bind(viewModel.errorProperty());
        error.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        StackPane.setAlignment(error, Pos.TOP_CENTER);
        StackPane.setMargin(error, new Insets(10));
        Label empty = new Label("Pick a product or service to see its lineage");
        empty.getStyleClass().add("muted");
        empty.visibleProperty().bind(viewModel.drawingProperty().isNull().and(viewModel.busyProperty().not()));
        StackPane area = new StackPane(canvas.node(), empty, error);
        area.setMinWidth(300);

        side.setId("canvas-side");
        side.setMinWidth(260);
        side.setPrefWidth(530);
        Tab detailsTab = new Tab("Details", detailsPanel());
        detailsTab.setClosable(false);
        detailsTab.setId("canvas-details-tab");
        // coming back from a mode (impact, diff, ...) shows the plain neighbourhood again
        detailsTab.setOnSelectionChanged(e -> {
            if (detailsTab.isSelected() && side.getTabs().size() > 1) {
                viewModel.restore();
            }
        });
        side.getTabs().add(detailsTab);

        SplitPane split = new SplitPane(area, side);
        split.setDividerPositions(0.62);
        SplitPane.setResizableWithParent(side, false);
        return split;
    }

    private Node detailsPanel() {
        Label title = new Label();
        title.setId("canvas-selected-title");
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        title.textProperty().bind(Bindings.when(viewModel.selectedProperty().isNull())
                .then("Click a node or an edge to see its details; double-click a node to focus on it, "
                        + "or a cluster to open it.")
                .otherwise(viewModel.selectedTitleProperty()));
        details.setId("canvas-details");
        details.setHgap(10);
        details.setVgap(4);
        Button focusHere = new Button("Focus here");
        focusHere.setId("canvas-focus-selected");
        focusHere.setOnAction(e -> viewModel.focusSelected());
        focusHere.disableProperty().bind(viewModel.selectedProperty().isNull());
        Button open = new Button("Open product page");
        open.setId("canvas-open-product");
        open.setOnAction(e -> viewModel.openSelected());
        open.disableProperty().bind(Bindings.createBooleanBinding(() -> viewModel.selectedProduct().isEmpty(),
                viewModel.selectedProperty()));
        VBox box = new VBox(10, title, details, new HBox(8, focusHere, open));
        box.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private void fillDetails() {
        details.getChildren().clear();
        int row = 0;
        for (Detail d : viewModel.details()) {
            Label name = new Label(d.label());
            name.getStyleClass().add("muted");
            Label value = new Label(d.value());
            value.setWrapText(true);
            value.getStyleClass().add("canvas-detail-value");
            details.addRow(row++, name, value);
        }
    }

    // ---- status bar and legend

    private Node statusBar(boolean dark) {
        Label title = new Label();
        title.setId("canvas-title");
        title.textProperty().bind(viewModel.titleProperty());
        title.getStyleClass().add("canvas-title");
        Label status = new Label();
        status.setId("canvas-status");
        status.getStyleClass().add("muted");
        status.textProperty().bind(viewModel.statusProperty());
        Label hover = new Label();
        hover.setId("canvas-hover");
        hover.getStyleClass().add("muted");
        canvas.setOnHover(hover::setText);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox top = new HBox(12, title, status, grow, hover);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox bar = new VBox(4, top, legend(dark));
        bar.setPadding(new Insets(6, 10, 6, 10));
        bar.getStyleClass().add("canvas-status-bar");
        return bar;
    }

    private static FlowPane legend(boolean dark) {
        FlowPane legend = new FlowPane(10, 4);
        legend.setId("canvas-legend");
        legend.getStyleClass().add("canvas-legend");
        legend.getChildren().add(new Label("Tier:"));
        for (Integer tier : new Integer[] {1, 2, 3, 4, null}) {
            Rectangle swatch = new Rectangle(16, 11, Color.web(CanvasStyles.tierFill(tier, dark)));
            swatch.setStroke(Color.GRAY);
            Label label = new Label(tier == null ? "unknown" : Integer.toString(tier), swatch);
            legend.getChildren().add(label);
        }
        legend.getChildren().add(new Label("  \u25AD product  \u25A2 service  \u25C7 group  \u25A3 cluster   Links:"));
        for (EdgeStyle style : List.of(EdgeStyle.WRITE, EdgeStyle.UP_TO_DATE, EdgeStyle.LAGGING, EdgeStyle.REPLAYING,
                EdgeStyle.STOPPED, EdgeStyle.NEVER_CONSUMED, EdgeStyle.UNAUTHORIZED)) {
            Line line = new Line(0, 0, 22, 0);
            line.setStroke(Color.web(CanvasStyles.edgeColour(style)));
            line.setStrokeWidth(style == EdgeStyle.UNAUTHORIZED ? 3 : 2);
            if (style == EdgeStyle.STOPPED || style == EdgeStyle.NEVER_CONSUMED) {
                line.getStrokeDashArray().setAll(4.0, 3.0);
            }
            String text = style == EdgeStyle.WRITE ? "writes"
                    : style.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            legend.getChildren().add(new Label(text, line));
        }
        return legend;
    }

    // ---- window

    /**
     * Opens the canvas in a window of its own over {@code owner}; closing the window stops the renderer.
     *
     * @param stylesheets the app's stylesheets for the theme in use
     * @param dark        whether that theme is the dark one
     */
    public static Stage show(Window owner, LineageCanvasViewModel viewModel, List<String> stylesheets,
                             boolean dark) {
        return show(owner, viewModel, stylesheets, dark, view -> { });
    }

    /**
     * Like {@link #show(Window, LineageCanvasViewModel, List, boolean)}, letting {@code beforeShow} add mode
     * panels (or select one) to the view before the window appears.
     */
    public static Stage show(Window owner, LineageCanvasViewModel viewModel, List<String> stylesheets,
                             boolean dark, java.util.function.Consumer<LineageCanvasView> beforeShow) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        LineageCanvasView view = new LineageCanvasView(viewModel, dark);
        beforeShow.accept(view);
        stage.titleProperty().bind(Bindings.createStringBinding(() -> {
            String title = viewModel.titleProperty().get();
            return (title == null || title.isEmpty() ? "Lineage" : title) + " \u2014 Meshlens";
        }, viewModel.titleProperty()));
        Scene scene = new Scene(view, 1400, 900);
        scene.getStylesheets().setAll(stylesheets);
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            } else if (e.isAltDown() && e.getCode() == KeyCode.LEFT) {
                viewModel.back();
            } else if (e.isAltDown() && e.getCode() == KeyCode.RIGHT) {
                viewModel.forward();
            }
        });
        stage.setOnHidden(e -> view.dispose());
        stage.setScene(scene);
        stage.show();
        return stage;
    }
}
