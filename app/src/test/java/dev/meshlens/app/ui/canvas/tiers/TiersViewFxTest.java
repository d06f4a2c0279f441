package dev.meshlens.app.ui.canvas.tiers;

import dev.meshlens.app.ui.canvas.Mark;
import dev.meshlens.app.ui.canvas.modes.DemoCatalogs;
import dev.meshlens.app.ui.canvas.modes.RecordingCanvasHost;
import dev.meshlens.app.ui.common.Stylesheets;
import dev.meshlens.app.ui.task.CurrentThreadTaskExecutor;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** The tier chains panel mounted alone; clicking a violation draws its limiting path. */
@ExtendWith(ApplicationExtension.class)
class TiersViewFxTest {
    private RecordingCanvasHost host;

    @Start
    void start(Stage stage) {
        host = new RecordingCanvasHost(DemoCatalogs.current(), "product:sales.orders.placed");
        TiersViewModel viewModel = new TiersViewModel(host, new CurrentThreadTaskExecutor());
        viewModel.load();
        Scene scene = new Scene(new StackPane(TiersView.create(viewModel)), 700, 760);
        scene.getStylesheets().setAll(Stylesheets.forTheme(false));
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void clickingTheKpiViolationDrawsItsPathAndExplainsIt(FxRobot robot) {
        robot.clickOn("analytics.kpi.dashboard");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(host.last().marked(Mark.LIMITING)).containsExactly("product:analytics.kpi.dashboard",
                "service:User:kpi-svc", "product:analytics.sales.daily");
        assertThat(robot.lookup("#tiers-explanation").queryAs(Label.class).getText())
                .startsWith("analytics.kpi.dashboard promises Tier 1");
    }

    @Test
    void theUnknownTiersAreListedApart(FxRobot robot) {
        assertThat(robot.lookup("#tiers-unknown").queryAs(TableView.class).getItems()).hasSize(4);
        assertThat(robot.lookup("#tiers-violations").queryAs(TableView.class).getItems()).hasSize(16);
    }
}
