package dev.meshlens.app.ui.canvas.trace;

import dev.meshlens.app.ui.canvas.modes.DemoCatalogs;
import dev.meshlens.app.ui.canvas.modes.RecordingCanvasHost;
import dev.meshlens.app.ui.common.Stylesheets;
import dev.meshlens.app.ui.task.CurrentThreadTaskExecutor;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The record trace panel mounted alone: typing a record id and pressing Enter draws its chain. */
@ExtendWith(ApplicationExtension.class)
class TraceViewFxTest {
    private RecordingCanvasHost host;

    @Start
    void start(Stage stage) {
        host = new RecordingCanvasHost(DemoCatalogs.current(), "product:sales.orders.enriched");
        TraceViewModel viewModel = new TraceViewModel(host, new CurrentThreadTaskExecutor(), ZoneOffset.UTC);
        viewModel.load();
        Scene scene = new Scene(new StackPane(TraceView.create(viewModel)), 700, 700);
        scene.getStylesheets().setAll(Stylesheets.forTheme(false));
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void typingARecordIdAndEnterDrawsTheChainWithItsGaps(FxRobot robot) {
        robot.clickOn("#trace-record");
        robot.interact(() -> robot.lookup("#trace-record").queryAs(javafx.scene.control.TextField.class)
                .setText("sales.orders.enriched-0@0"));
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(host.last().focus()).isEqualTo("record:sales.orders.enriched-0@0");
        assertThat(robot.lookup("#trace-gaps").queryAs(TableView.class).getItems()).isNotEmpty();
        assertThat(robot.lookup("#trace-summary").queryAs(Label.class).getText())
                .startsWith("sales.orders.enriched-0@0 was emitted by User:order-enricher");
    }

    @Test
    void anUnknownRecordShowsAMessageAndDrawsNothing(FxRobot robot) {
        robot.interact(() -> robot.lookup("#trace-record").queryAs(javafx.scene.control.TextField.class)
                .setText("nope-0@1"));
        robot.clickOn("#trace-run");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(host.drawn()).isEmpty();
        assertThat(robot.lookup("#trace-message").queryAs(Label.class).getText()).startsWith("No hop names record "
                + "nope-0@1");
    }
}
