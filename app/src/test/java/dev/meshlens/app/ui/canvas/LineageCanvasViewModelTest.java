package dev.meshlens.app.ui.canvas;

import dev.meshlens.app.ui.service.LoadedCatalog;
import dev.meshlens.app.ui.task.CurrentThreadTaskExecutor;
import dev.meshlens.app.ui.task.ManualTaskExecutor;
import dev.meshlens.engine.lineage.LineageTraversal;
import dev.meshlens.engine.lineage.ProductNode;
import dev.meshlens.engine.model.DataProduct;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LineageCanvasViewModelTest {
    private static final String PLACED = "product:sales.orders.placed";
    private static final String VALIDATED = "product:sales.orders.validated";
    private static final String CAPTURES = "product:payments.captures";

    private final List<DataProduct> opened = new ArrayList<>();

    private LineageCanvasViewModel demoModel() {
        return new LineageCanvasViewModel(CanvasMeshes.demo(), new CurrentThreadTaskExecutor(), opened::add);
    }

    private static int engineCount(String topic, int up, int down) {
        LineageTraversal traversal = new LineageTraversal(CanvasMeshes.demo().lineage());
        ProductNode root = new ProductNode(topic);
        Set<Object> reached = new java.util.HashSet<>(traversal.downstream(root, down).nodeSet());
        reached.addAll(traversal.upstream(root, up).nodeSet());
        return reached.size();
    }

    @Test
    void refocusDrawsTheNeighbourhoodOfTheFocus() {
        LineageCanvasViewModel model = demoModel();

        model.refocus(CAPTURES);

        CanvasGraph drawn = model.drawingProperty().get().graph();
        assertThat(drawn.focus()).isEqualTo(CAPTURES);
        assertThat(drawn.nodes()).hasSize(engineCount("payments.captures", 2, 2));
        assertThat(model.neighbourhood()).isSameAs(drawn);
        assertThat(model.titleProperty().get()).startsWith("Lineage of Payment captures");
    }

    @Test
    void theLayeredLayoutPlacesEveryDrawnNode() {
        LineageCanvasViewModel model = demoModel();

        model.refocus(CAPTURES);

        CanvasDrawing drawing = model.drawingProperty().get();
        assertThat(drawing.layout()).isEqualTo(CanvasLayoutKind.LAYERED);
        assertThat(drawing.positions().keySet()).containsExactlyInAnyOrderElementsOf(
                drawing.graph().nodes().stream().map(CanvasNode::id).toList());
    }

    @Test
    void changingTheDownstreamDepthRedraws() {
        LineageCanvasViewModel model = demoModel();
        model.refocus(CAPTURES);

        model.downstreamDepthProperty().set(LineageTraversal.UNLIMITED);

        assertThat(model.drawingProperty().get().graph().nodes())
                .hasSize(engineCount("payments.captures", 2, LineageTraversal.UNLIMITED));
    }

    @Test
    void changingTheUpstreamDepthRedraws() {
        LineageCanvasViewModel model = demoModel();
        model.refocus(CAPTURES);

        model.upstreamDepthProperty().set(1);

        assertThat(model.drawingProperty().get().graph().nodes()).hasSize(engineCount("payments.captures", 1, 2));
    }

    @Test
    void backReturnsToThePreviousFocusAndForwardComesBack() {
        LineageCanvasViewModel model = demoModel();
        model.refocus(PLACED);
        model.refocus(VALIDATED);

        model.back();
        assertThat(model.focus()).isEqualTo(PLACED);
        assertThat(model.drawingProperty().get().graph().focus()).isEqualTo(PLACED);
        assertThat(model.canGoForwardProperty().get()).isTrue();
        assertThat(model.canGoBackProperty().get()).isFalse();

        model.forward();
        assertThat(model.focus()).isEqualTo(VALIDATED);
        assertThat(model.canGoForwardProperty().get()).isFalse();
    }

    @Test
    void refocusingAfterBackDropsTheForwardHistory() {
        LineageCanvasViewModel model = demoModel();
        model.refocus(PLACED);
        model.refocus(VALIDATED);
        model.back();

        model.refocus(CAPTURES);

        assertThat(model.history()).containsExactly(PLACED, CAPTURES);
        assertThat(model.canGoForwardProperty().get()).isFalse();
    }

    @Test
    void activatingALineageNodeRefocusesOnIt() {
        LineageCanvasViewModel model = demoModel();
        model.refocus(PLACED);

        model.activate("service:User:order-validator");

        assertThat(model.focus()).isEqualTo("service:User:order-validator");
        assertThat(model.drawingProperty().get().graph().marked(Mark.FOCUS))
                .containsExactly("service:User:order-validator");
    }

    @Test
    void activatingAClusterExpandsItWithoutTouchingTheHistory() {
        LoadedCatalog fan = CanvasMeshes.fanOut(100);
        LineageCanvasViewModel model = new LineageCanvasViewModel(fan, new CurrentThreadTaskExecutor(), p -> { });
        model.refocus(CanvasIds.product(CanvasMeshes.HUB));
        String cluster = model.drawingProperty().get().graph().nodes().stream()
                .filter(n -> n.label().equals("sales · 15 consumers")).findFirst().orElseThrow().id();

        model.activate(cluster);

        CanvasGraph drawn = model.drawingProperty().get().graph();
        assertThat(drawn.node(cluster)).isEmpty();
        assertThat(drawn.node("service:User:c0000")).isPresent();
        assertThat(model.history()).hasSize(1);
    }

    @Test
    void selectingANodeShowsItsDetails() {
        LineageCanvasViewModel model = demoModel();
        model.refocus(PLACED);

        model.select(VALIDATED);

        assertThat(model.selectedProperty().get()).isEqualTo(VALIDATED);
        assertThat(model.selectedTitleProperty().get()).isEqualTo("Orders validated");
        assertThat(model.details()).contains(new Detail("Topic", "sales.orders.validated"));
    }

    @Test
    void selectingAnEdgeShowsItsStateAndLag() {
        LineageCanvasViewModel model = demoModel();
        model.refocus(PLACED);

        model.select(PLACED + "->service:User:dev-alice");

        assertThat(model.selectedTitleProperty().get()).isEqualTo("Orders placed → User:dev-alice");
        assertThat(model.details()).contains(new Detail("State", "unauthorized"), new Detail("Lag", "170"));
    }

    @Test
    void aSelectionThatIsNoLongerDrawnIsCleared() {
        LineageCanvasViewModel model = demoModel();
        model.refocus(PLACED);
        model.select(VALIDATED);

        model.downstreamDepthProperty().set(1);

        assertThat(model.selectedProperty().get()).isNull();
        assertThat(model.details()).isEmpty();
    }

    @Test
    void openSelectedOpensTheSelectedProductsPage() {
        LineageCanvasViewModel model = demoModel();
        model.refocus(PLACED);
        model.select(VALIDATED);

        model.openSelected();

        assertThat(opened).extracting(DataProduct::topic).containsExactly("sales.orders.validated");
    }

    @Test
    void focusOnResolvesAProductName() {
        LineageCanvasViewModel model = demoModel();

        assertThat(model.focusOn("Payment captures")).isTrue();

        assertThat(model.focus()).isEqualTo(CAPTURES);
    }

    @Test
    void focusOnUnknownTextSaysSoAndKeepsTheFocus() {
        LineageCanvasViewModel model = demoModel();
        model.refocus(PLACED);

        assertThat(model.focusOn("no such thing")).isFalse();

        assertThat(model.errorProperty().get()).isEqualTo("Nothing in the lineage is called 'no such thing'");
        assertThat(model.focus()).isEqualTo(PLACED);
    }

    @Test
    void theCanvasIsBusyUntilTheBuildEnds() {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        LineageCanvasViewModel model = new LineageCanvasViewModel(CanvasMeshes.demo(), executor, p -> { });

        model.refocus(PLACED);
        assertThat(model.busyProperty().get()).isTrue();
        assertThat(model.drawingProperty().get()).isNull();

        executor.runAll();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.drawingProperty().get()).isNotNull();
    }

    @Test
    void aNewerRequestWinsOverAnOlderOneThatFinishesLater() {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        LineageCanvasViewModel model = new LineageCanvasViewModel(CanvasMeshes.demo(), executor, p -> { });
        model.refocus(PLACED);
        model.refocus(CAPTURES);

        executor.runNewest();
        executor.runOldest();

        assertThat(model.drawingProperty().get().graph().focus()).isEqualTo(CAPTURES);
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void drawShowsAModesGraphAndRestoreBringsTheNeighbourhoodBack() {
        LineageCanvasViewModel model = demoModel();
        model.refocus(PLACED);
        CanvasGraph plain = model.neighbourhood();
        CanvasGraph impacted = new CanvasGraph("Impact", PLACED, plain.nodes().stream()
                .map(n -> n.layer() > 0 ? n.with(Mark.IMPACTED) : n).toList(), plain.edges());

        model.draw(impacted);
        assertThat(model.drawingProperty().get().graph().marked(Mark.IMPACTED)).hasSize(6);

        model.restore();
        assertThat(model.drawingProperty().get().graph()).isSameAs(plain);
    }

    @Test
    void drawDropsANeighbourhoodBuildStillUnderWay() {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        LineageCanvasViewModel model = new LineageCanvasViewModel(CanvasMeshes.demo(), executor, p -> { });
        model.refocus(PLACED);
        CanvasGraph mine = new CanvasGraph("Mode", null, List.of(new CanvasNode("record:t-0@1", NodeKind.RECORD,
                "t-0@1", null, 0, null, null, Set.of(), List.of())), List.of());

        model.draw(mine);
        executor.runAll();

        assertThat(model.drawingProperty().get().graph()).isSameAs(mine);
    }

    @Test
    void switchingToForceDirectedDropsTheFixedPositions() {
        LineageCanvasViewModel model = demoModel();
        model.refocus(PLACED);

        model.layoutProperty().set(CanvasLayoutKind.FORCE_DIRECTED);

        assertThat(model.drawingProperty().get().positions()).isEmpty();
        assertThat(model.drawingProperty().get().layout()).isEqualTo(CanvasLayoutKind.FORCE_DIRECTED);
    }

    @Test
    void depthChoicesRunFromOneToTenThenAll() {
        assertThat(LineageCanvasViewModel.DEPTH_CHOICES).hasSize(11).startsWith(1, 2).endsWith(10,
                LineageTraversal.UNLIMITED);
        assertThat(LineageCanvasViewModel.depthLabel(LineageTraversal.UNLIMITED)).isEqualTo("all");
    }
}
