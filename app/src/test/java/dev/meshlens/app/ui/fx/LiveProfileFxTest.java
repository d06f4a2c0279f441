package dev.meshlens.app.ui.fx;

import dev.meshlens.app.ui.TestMesh;
import dev.meshlens.app.ui.importer.ImportView;
import dev.meshlens.app.ui.importer.ImportViewModel;
import dev.meshlens.app.ui.task.CurrentThreadTaskExecutor;
import dev.meshlens.importers.profile.ConnectionProfile;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The import dialog lists the connection profiles; choosing one names the cluster and enables the live import. */
@ExtendWith(ApplicationExtension.class)
class LiveProfileFxTest {
    @Start
    void start(Stage stage) {
        List<ConnectionProfile> profiles = List.of(
                new ConnectionProfile("prod", Path.of("/etc/kafka/prod.properties"), "https://registry:8081", null),
                new ConnectionProfile("staging", Path.of("/etc/kafka/staging.properties"), null, null));
        ImportViewModel viewModel = new ImportViewModel(TestMesh.service(), new CurrentThreadTaskExecutor(), "shop",
                snapshot -> { }, profiles);
        stage.setScene(new Scene(new ImportView(viewModel), 720, 600));
        stage.show();
    }

    @Test
    void choosingAProfileNamesTheClusterAndEnablesImportCluster(FxRobot robot) {
        assertThat(robot.lookup("#import-live-start").queryAs(Button.class).isDisabled()).isTrue();

        robot.clickOn("#import-profile");
        robot.clickOn("staging \u2014 staging.properties");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#import-cluster").queryAs(TextField.class).getText()).isEqualTo("staging");
        assertThat(robot.lookup("#import-live-start").queryAs(Button.class).isDisabled()).isFalse();
    }
}
