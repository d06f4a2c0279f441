package dev.meshlens.app.ui.canvas.modes.mount;

import dev.meshlens.app.ui.canvas.Mark;
import dev.meshlens.app.ui.canvas.modes.DemoCatalogs;
import dev.meshlens.app.ui.canvas.modes.RecordingCanvasHost;
import dev.meshlens.app.ui.canvas.modes.ScriptedFileDialogs;
import dev.meshlens.app.ui.common.Stylesheets;
import dev.meshlens.app.ui.task.CurrentThreadTaskExecutor;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The five modes mounted side by side as a canvas window would: entering each one does its first step. */
@ExtendWith(ApplicationExtension.class)
class CanvasModePanelsFxTest {
    private RecordingCanvasHost host;
    private List<MountedMode> modes;

    @Start
    void start(Stage stage) {
        host = new RecordingCanvasHost(DemoCatalogs.current(), "product:sales.orders.placed");
        modes = CanvasModePanels.create(host, DemoCatalogs.service(), new CurrentThreadTaskExecutor(),
                new ScriptedFileDialogs(), text -> { }, ZoneOffset.UTC);
        List<Tab> tabs = new ArrayList<>();
        for (MountedMode mode : modes) {
            Tab tab = new Tab(mode.title(), mode.panel());
            tab.setId("tab-" + mode.id());
            tabs.add(tab);
        }
        TabPane pane = new TabPane(tabs.toArray(Tab[]::new));
        Scene scene = new Scene(pane, 700, 700);
        scene.getStylesheets().setAll(Stylesheets.forTheme(true));
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theFiveModesComeInTheIssuesOrder() {
        assertThat(modes).extracting(MountedMode::id).containsExactly("impact", "change", "tiers", "trace", "diff");
    }

    @Test
    void enteringImpactDrawsTheImpact(FxRobot robot) {
        robot.interact(() -> modes.get(0).enter().run());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(host.last().marked(Mark.IMPACTED)).isNotEmpty();
    }

    @Test
    void enteringDiffChoosesTheDefaultSnapshots(FxRobot robot) {
        robot.interact(() -> modes.get(4).enter().run());
        robot.interact(() -> ((TabPane) robot.lookup(".tab-pane").query()).getSelectionModel().select(4));
        robot.clickOn("#diff-compare");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(host.last().edges()).anySatisfy(e -> assertThat(e.marks()).contains(Mark.REMOVED));
    }
}
