package dev.meshlens.app.ui.canvas.diff;

import dev.meshlens.app.ui.canvas.CanvasEdge;
import dev.meshlens.app.ui.canvas.Mark;
import dev.meshlens.app.ui.canvas.modes.DemoCatalogs;
import dev.meshlens.app.ui.canvas.modes.RecordingCanvasHost;
import dev.meshlens.app.ui.common.Stylesheets;
import dev.meshlens.app.ui.task.CurrentThreadTaskExecutor;
import javafx.scene.Scene;
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

/** The diff panel mounted alone: Compare draws added, removed and changed edges in their own marks. */
@ExtendWith(ApplicationExtension.class)
class DiffViewFxTest {
    private RecordingCanvasHost host;

    @Start
    void start(Stage stage) {
        host = new RecordingCanvasHost(DemoCatalogs.current(), "product:sales.orders.placed");
        DiffViewModel viewModel = new DiffViewModel(host, DemoCatalogs.service(), new CurrentThreadTaskExecutor());
        viewModel.load();
        Scene scene = new Scene(new StackPane(DiffView.create(viewModel)), 700, 700);
        scene.getStylesheets().setAll(Stylesheets.forTheme(false));
        stage.setScene(scene);
        stage.show();
    }

    private long edges(Mark mark) {
        return host.last().edges().stream().map(CanvasEdge::marks).filter(m -> m.contains(mark)).count();
    }

    @Test
    void compareDrawsEachKindOfChangeInItsOwnStyle(FxRobot robot) {
        robot.clickOn("#diff-compare");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(edges(Mark.ADDED)).isEqualTo(2);
        assertThat(edges(Mark.REMOVED)).isEqualTo(1);
        assertThat(edges(Mark.CHANGED)).isEqualTo(2);
        assertThat(host.last().marked(Mark.CHANGED)).contains("product:marketing.recommendations");
        assertThat(robot.lookup("#diff-changes").queryAs(TableView.class).getItems()).isNotEmpty();
    }
}
