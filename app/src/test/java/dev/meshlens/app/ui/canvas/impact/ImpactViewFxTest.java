package dev.meshlens.app.ui.canvas.impact;

import dev.meshlens.app.ui.canvas.Mark;
import dev.meshlens.app.ui.canvas.modes.DemoCatalogs;
import dev.meshlens.app.ui.canvas.modes.RecordingCanvasHost;
import dev.meshlens.app.ui.canvas.modes.ScriptedFileDialogs;
import dev.meshlens.app.ui.common.Stylesheets;
import dev.meshlens.app.ui.task.CurrentThreadTaskExecutor;
import dev.meshlens.engine.lineage.LineageTraversal;
import dev.meshlens.engine.lineage.ProductNode;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** The impact panel mounted alone on a recording canvas and driven by clicks. */
@ExtendWith(ApplicationExtension.class)
class ImpactViewFxTest {
    private RecordingCanvasHost host;

    @Start
    void start(Stage stage) {
        host = new RecordingCanvasHost(DemoCatalogs.current(), "product:sales.orders.placed");
        ImpactViewModel viewModel = new ImpactViewModel(host, new CurrentThreadTaskExecutor(),
                new ScriptedFileDialogs());
        Scene scene = new Scene(new javafx.scene.layout.StackPane(ImpactView.create(viewModel)), 700, 800);
        scene.getStylesheets().setAll(Stylesheets.forTheme(false));
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theHighlightedCountAndTheTableMatchTheEngine(FxRobot robot) {
        robot.clickOn("#impact-show");
        WaitForAsyncUtils.waitForFxEvents();

        int reach = new LineageTraversal(host.catalog().lineage()).downstreamCount(
                new ProductNode("sales.orders.placed"));
        assertThat(host.last().marked(Mark.IMPACTED)).hasSize(reach - 1);
        assertThat(robot.lookup("#impact-table").queryAs(TableView.class).getItems()).hasSize(reach - 1);
        assertThat(robot.lookup("#impact-summary").queryAs(Label.class).getText()).startsWith((reach - 1) + " nodes");
    }

    @Test
    void theCountsPerDepthAndTierAreShown(FxRobot robot) {
        robot.clickOn("#impact-show");
        WaitForAsyncUtils.waitForFxEvents();

        FlowPane depths = robot.lookup("#impact-by-depth").queryAs(FlowPane.class);
        FlowPane tiers = robot.lookup("#impact-by-tier").queryAs(FlowPane.class);
        assertThat(((Label) depths.getChildren().get(0)).getText()).isEqualTo("Depth 1: 2");
        assertThat(tiers.getChildren()).hasSize(5);
        assertThat(((Label) tiers.getChildren().get(4)).getText()).startsWith("unknown tier: ");
    }

    @Test
    void backToLineageRestoresTheCanvas(FxRobot robot) {
        robot.clickOn("#impact-show");
        robot.clickOn("#impact-close");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(host.restores()).isEqualTo(1);
    }
}
