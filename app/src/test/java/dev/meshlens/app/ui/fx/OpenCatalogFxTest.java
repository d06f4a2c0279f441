package dev.meshlens.app.ui.fx;

import dev.meshlens.app.ui.opencatalog.OpenCatalogView;
import dev.meshlens.app.ui.opencatalog.OpenCatalogViewModel;
import dev.meshlens.app.ui.task.CurrentThreadTaskExecutor;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Open catalog dialog's content: typing a location, testing the connection. */
@ExtendWith(ApplicationExtension.class)
class OpenCatalogFxTest {
    @Start
    void start(Stage stage) {
        OpenCatalogViewModel viewModel = new OpenCatalogViewModel(new CurrentThreadTaskExecutor(),
                url -> "2 snapshots (clusters demo)", List.of(), url -> { });
        stage.setScene(new Scene(new OpenCatalogView(viewModel), 700, 300));
        stage.show();
    }

    @Test
    void typingAPathAndTestingShowsTheUrlAndWhatItHolds(FxRobot robot) {
        robot.clickOn("#catalog-location").write("/data/demo");
        robot.clickOn("#test-connection");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#catalog-jdbc-url").queryAs(Label.class).getText())
                .isEqualTo("jdbc:h2:file:/data/demo");
        assertThat(robot.lookup("#connection-result").queryAs(Label.class).getText())
                .isEqualTo("Connected: 2 snapshots (clusters demo)");
    }
}
