package dev.meshlens.app.ui.fx;

import dev.meshlens.app.ui.canvas.CanvasDrawing;
import dev.meshlens.app.ui.canvas.CanvasGraph;
import dev.meshlens.app.ui.canvas.CanvasIds;
import dev.meshlens.app.ui.canvas.CanvasMeshes;
import dev.meshlens.app.ui.canvas.CanvasSnapshot;
import dev.meshlens.app.ui.canvas.Detail;
import dev.meshlens.app.ui.canvas.EdgeStyle;
import dev.meshlens.app.ui.canvas.LineageCanvasView;
import dev.meshlens.app.ui.canvas.LineageCanvasViewModel;
import dev.meshlens.app.ui.canvas.Mark;
import dev.meshlens.app.ui.canvas.NodeKind;
import dev.meshlens.app.ui.common.Stylesheets;
import dev.meshlens.app.ui.service.LoadedCatalog;
import dev.meshlens.app.ui.task.CurrentThreadTaskExecutor;
import dev.meshlens.engine.layout.LayoutPoint;
import dev.meshlens.engine.lineage.LineageNode;
import dev.meshlens.engine.lineage.LineageTraversal;
import dev.meshlens.engine.lineage.ProductNode;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.graphstream.ui.geom.Point3;
import org.graphstream.ui.fx_viewer.FxDefaultView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The lineage canvas mounted alone on the demo mesh and driven like a user; asserts on what GraphStream holds. */
@ExtendWith(ApplicationExtension.class)
class LineageCanvasFxTest {
    private static final String PLACED = "product:sales.orders.placed";
    private static final String CAPTURES = "product:payments.captures";
    private static final String VALIDATOR = "service:User:order-validator";

    private Stage stage;
    private LineageCanvasViewModel viewModel;
    private LineageCanvasView view;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        mount(CanvasMeshes.demo());
        stage.show();
    }

    @AfterEach
    void stopRenderer(FxRobot robot) {
        robot.interact(() -> view.dispose());
    }

    private void mount(LoadedCatalog catalog) {
        viewModel = new LineageCanvasViewModel(catalog, new CurrentThreadTaskExecutor(), p -> { });
        view = new LineageCanvasView(viewModel, false);
        Scene scene = new Scene(view, 1200, 800);
        scene.getStylesheets().setAll(Stylesheets.forTheme(false));
        stage.setScene(scene);
    }

    private static int engineCount(String topic, int up, int down) {
        LineageTraversal traversal = new LineageTraversal(CanvasMeshes.demo().lineage());
        Set<LineageNode> reached = new HashSet<>(traversal.downstream(new ProductNode(topic), down).nodeSet());
        reached.addAll(traversal.upstream(new ProductNode(topic), up).nodeSet());
        return reached.size();
    }

    /**
     * Waits until GraphStream has rendered, then a few of its 40 ms timer ticks more, so the frame of the graph
     * last shown is drawn and the camera knows where everything is.
     */
    private void awaitFrame() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (view.canvas().framesRendered() == 0 && System.nanoTime() < deadline) {
            WaitForAsyncUtils.sleep(20, TimeUnit.MILLISECONDS);
        }
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Where the node {@code id} is drawn, on screen. */
    private Point2D screenPointOf(String id) {
        CanvasDrawing drawing = viewModel.drawingProperty().get();
        LayoutPoint p = drawing.positions().get(id);
        FxDefaultView panel = (FxDefaultView) view.canvas().node();
        Point3 px = panel.getCamera().transformGuToPx(p.x(), -p.y(), 0);
        return panel.localToScreen(px.x, px.y);
    }

    @Test
    void focusingDrawsEveryNodeTheEngineReaches(FxRobot robot) {
        robot.interact(() -> viewModel.refocus(CAPTURES));

        CanvasSnapshot drawn = view.snapshot();
        assertThat(drawn.drawnCount()).isEqualTo(engineCount("payments.captures", 2, 2));
        assertThat(drawn.marked(Mark.FOCUS)).containsExactly(CAPTURES);
        assertThat(drawn.kinds().get(CAPTURES)).isEqualTo(NodeKind.PRODUCT);
        assertThat(robot.lookup("#canvas-title").queryAs(Label.class).getText())
                .startsWith("Lineage of Payment captures");
    }

    @Test
    void changingTheDepthRedrawsWithTheEnginesCount(FxRobot robot) {
        robot.interact(() -> viewModel.refocus(CAPTURES));
        @SuppressWarnings("unchecked")
        ComboBox<Integer> downstream = robot.lookup("#canvas-downstream").queryAs(ComboBox.class);

        robot.interact(() -> downstream.setValue(LineageTraversal.UNLIMITED));

        assertThat(view.snapshot().drawnCount())
                .isEqualTo(engineCount("payments.captures", 2, LineageTraversal.UNLIMITED));
    }

    @Test
    void edgesAreDrawnInTheirStates(FxRobot robot) {
        robot.interact(() -> viewModel.refocus(PLACED));

        CanvasSnapshot drawn = view.snapshot();
        assertThat(drawn.edgeStyles().get(PLACED + "->service:User:dev-alice")).isEqualTo(EdgeStyle.UNAUTHORIZED);
        assertThat(drawn.edgeStyles().get(PLACED + "->" + VALIDATOR)).isEqualTo(EdgeStyle.UP_TO_DATE);
    }

    @Test
    void clickingANodeSelectsItAndShowsItsDetails(FxRobot robot) {
        robot.interact(() -> viewModel.refocus(PLACED));
        awaitFrame();

        robot.clickOn(screenPointOf(VALIDATOR));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(viewModel.selectedProperty().get()).isEqualTo(VALIDATOR);
        assertThat(view.snapshot().selected()).isEqualTo(VALIDATOR);
        assertThat(view.snapshot().marksOf(VALIDATOR)).contains(Mark.SELECTED);
        assertThat(robot.lookup("#canvas-selected-title").queryAs(Label.class).getText())
                .isEqualTo("Order validator");
        assertThat(viewModel.details()).contains(new Detail("Principal", "User:order-validator"));
    }

    @Test
    void clickingEmptySpaceClearsTheSelection(FxRobot robot) {
        robot.interact(() -> {
            viewModel.refocus(PLACED);
            viewModel.select(VALIDATOR);
        });
        awaitFrame();
        Region panel = view.canvas().node();

        robot.clickOn(panel.localToScreen(8, 8));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(viewModel.selectedProperty().get()).isNull();
        assertThat(view.snapshot().selected()).isNull();
    }

    @Test
    void doubleClickingANodeRefocusesAndBackReturns(FxRobot robot) {
        robot.interact(() -> viewModel.refocus(PLACED));
        awaitFrame();

        robot.doubleClickOn(screenPointOf(VALIDATOR));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.snapshot().marked(Mark.FOCUS)).containsExactly(VALIDATOR);

        robot.clickOn("#canvas-back");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.snapshot().marked(Mark.FOCUS)).containsExactly(PLACED);
        assertThat(viewModel.canGoForwardProperty().get()).isTrue();
    }

    @Test
    void typingANameInTheFocusFieldRefocuses(FxRobot robot) {
        robot.interact(() -> viewModel.refocus(PLACED));

        robot.clickOn("#canvas-focus").write("payments.captures");
        robot.interact(() -> robot.lookup("#canvas-focus").queryAs(javafx.scene.control.TextField.class)
                .fireEvent(new javafx.event.ActionEvent()));

        assertThat(view.snapshot().marked(Mark.FOCUS)).containsExactly(CAPTURES);
    }

    @Test
    void aThousandConsumerProductIsDrawnAsClusters(FxRobot robot) {
        LoadedCatalog fan = CanvasMeshes.fanOut(1000);
        robot.interact(() -> {
            view.dispose();
            mount(fan);
            viewModel.refocus(CanvasIds.product(CanvasMeshes.HUB));
        });
        awaitFrame();

        CanvasSnapshot drawn = view.snapshot();
        assertThat(drawn.count(NodeKind.CLUSTER)).isEqualTo(14);
        assertThat(drawn.drawnCount()).isEqualTo(16);
        assertThat(drawn.labels().values()).contains("sales · 143 consumers");
        assertThat(view.canvas().framesRendered()).isPositive();
    }

    @Test
    void marksOfAModesGraphAreDrawn(FxRobot robot) {
        robot.interact(() -> viewModel.refocus(PLACED));
        CanvasGraph plain = viewModel.neighbourhood();
        CanvasGraph diff = new CanvasGraph("Diff", null, plain.nodes().stream().map(n -> switch (n.layer()) {
            case -1 -> n.with(Mark.REMOVED);
            case 1 -> n.with(Mark.ADDED);
            case 2 -> n.with(Mark.CHANGED);
            default -> n;
        }).toList(), plain.edges().stream().map(e -> e.with(Mark.ADDED)).toList());

        robot.interact(() -> viewModel.draw(diff));

        CanvasSnapshot drawn = view.snapshot();
        assertThat(drawn.marked(Mark.REMOVED)).containsExactly("service:User:checkout-svc");
        assertThat(drawn.marked(Mark.ADDED)).hasSize(diff.marked(Mark.ADDED).size()).contains(VALIDATOR);
        assertThat(drawn.marked(Mark.CHANGED)).hasSize(diff.marked(Mark.CHANGED).size());
    }

    @Test
    void aModesMarkColoursAnEdgeOverItsOwnState(FxRobot robot) {
        // GraphStream takes a property from the first class that sets it: a diff's colours must win over states
        CanvasGraph diff = new CanvasGraph("Diff", null, java.util.List.of(node("service:a", -1),
                node("product:t", 0), node("service:b", 1), node("service:c", 1), node("service:d", 1)),
                java.util.List.of(edge("service:a", "product:t", EdgeStyle.WRITE, Mark.ADDED),
                        edge("product:t", "service:b", EdgeStyle.STOPPED, Mark.REMOVED),
                        edge("product:t", "service:c", EdgeStyle.NEVER_CONSUMED, Mark.CHANGED),
                        edge("product:t", "service:d", EdgeStyle.LAGGING, null)));

        robot.interact(() -> viewModel.draw(diff));

        java.util.Map<String, String> colours = view.snapshot().edgeColours();
        assertThat(colours).containsEntry("service:a->product:t", "#2e7d32")
                .containsEntry("product:t->service:b", "#c62828")
                .containsEntry("product:t->service:c", "#f9a825")
                .containsEntry("product:t->service:d", dev.meshlens.app.ui.canvas.CanvasStyles.edgeColour(
                        EdgeStyle.LAGGING));
    }

    private static dev.meshlens.app.ui.canvas.CanvasNode node(String id, int layer) {
        return new dev.meshlens.app.ui.canvas.CanvasNode(id, id.startsWith("product") ? NodeKind.PRODUCT
                : NodeKind.SERVICE, id, null, layer, null, null, Set.of(), java.util.List.of());
    }

    private static dev.meshlens.app.ui.canvas.CanvasEdge edge(String from, String to, EdgeStyle style, Mark mark) {
        return new dev.meshlens.app.ui.canvas.CanvasEdge(from, to, style, null,
                mark == null ? Set.of() : Set.of(mark), java.util.List.of());
    }

    @Test
    void savePngWritesAnImageOfTheCanvasSize(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.interact(() -> viewModel.refocus(PLACED));
        awaitFrame();
        Path file = dir.resolve("canvas.png");

        robot.interact(() -> {
            try {
                view.savePng(file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        BufferedImage image = ImageIO.read(file.toFile());
        Region panel = view.canvas().node();
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo((int) Math.round(panel.getWidth()));
        assertThat(image.getHeight()).isEqualTo((int) Math.round(panel.getHeight()));
        assertThat(distinctColours(image)).isGreaterThan(5);
    }

    @Test
    void modePanelsAreAddedAsTabsBesideTheDetails(FxRobot robot) {
        robot.interact(() -> view.addModePanel("Impact", new Label("impact panel")));

        javafx.scene.control.TabPane side = robot.lookup("#canvas-side").queryAs(javafx.scene.control.TabPane.class);
        assertThat(side.getTabs()).extracting(javafx.scene.control.Tab::getText).containsExactly("Details", "Impact");
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
