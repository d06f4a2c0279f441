package dev.meshlens.app.ui.canvas.change;

import dev.meshlens.app.ui.canvas.Mark;
import dev.meshlens.app.ui.canvas.modes.DemoCatalogs;
import dev.meshlens.app.ui.canvas.modes.RecordingCanvasHost;
import dev.meshlens.app.ui.canvas.modes.ScriptedFileDialogs;
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

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The change planner panel mounted alone on a recording canvas, driven by clicks. */
@ExtendWith(ApplicationExtension.class)
class ChangeViewFxTest {
    private RecordingCanvasHost host;
    private final List<String> copied = new ArrayList<>();

    @Start
    void start(Stage stage) {
        host = new RecordingCanvasHost(DemoCatalogs.current(), "product:sales.orders.placed");
        ChangeViewModel viewModel = new ChangeViewModel(host, new CurrentThreadTaskExecutor(),
                new ScriptedFileDialogs().answer(DemoCatalogs.PROPOSED_V3), copied::add);
        Scene scene = new Scene(new StackPane(ChangeView.create(viewModel)), 700, 760);
        scene.getStylesheets().setAll(Stylesheets.forTheme(false));
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void pickingTheProposalShowsVerdictFieldsAndWhatBreaks(FxRobot robot) {
        robot.clickOn("#change-pick");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#change-verdict").queryAs(Label.class).getText()).isEqualTo("Breaking: 2 problems");
        assertThat(robot.lookup("#change-problems").queryAs(TableView.class).getItems()).hasSize(2);
        assertThat(robot.lookup("#change-consumers").queryAs(TableView.class).getItems()).isNotEmpty();
        assertThat(host.last().marked(Mark.BREAKS)).contains("service:User:order-validator");
    }

    @Test
    void copyContactsPutsTheOwnersOnTheClipboard(FxRobot robot) {
        robot.clickOn("#change-pick");
        robot.clickOn("#change-copy");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(copied).hasSize(1);
        assertThat(copied.get(0)).contains("sales-team@shop.example");
    }
}
