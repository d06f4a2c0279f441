package dev.meshlens.app.ui.fx;

import dev.meshlens.app.ui.TestMesh;
import dev.meshlens.app.ui.main.DialogProductActions;
import dev.meshlens.app.ui.main.MainView;
import dev.meshlens.app.ui.main.MainViewModel;
import dev.meshlens.app.ui.product.SchemaFieldReader;
import dev.meshlens.app.ui.service.CatalogService;
import dev.meshlens.app.ui.service.ReadOnlyCatalogService;
import dev.meshlens.app.ui.settings.Theme;
import dev.meshlens.app.ui.task.CurrentThreadTaskExecutor;
import dev.meshlens.engine.store.CatalogInUseException;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The window on a catalog that another Meshlens holds: the question, then the read-only state. */
@ExtendWith(ApplicationExtension.class)
class ReadOnlyWindowFxTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        MainViewModel.ServiceOpener held = new MainViewModel.ServiceOpener() {
            @Override
            public CatalogService open() {
                throw new CatalogInUseException("jdbc:h2:file:/data/catalog", true);
            }

            @Override
            public CatalogService openReadOnly() {
                return new ReadOnlyCatalogService(TestMesh.service());
            }
        };
        DialogProductActions actions = new DialogProductActions(() -> stage);
        MainViewModel viewModel = new MainViewModel(held, new CurrentThreadTaskExecutor(), new SchemaFieldReader(),
                ZoneOffset.UTC, null, text -> { }, actions);
        MainView view = new MainView(viewModel, Theme.LIGHT, false, new MainView.Listener() {
            @Override
            public void themeChosen(Theme theme) {
            }

            @Override
            public void timelineToggled(boolean visible) {
            }
        });
        stage.setScene(new Scene(view, 1100, 700));
        stage.titleProperty().bind(viewModel.titleProperty());
        stage.show();
        viewModel.start();
    }

    @Test
    void choosingOpenReadOnlyShowsTheCatalogWithImportsOff(FxRobot robot) {
        assertThat(robot.lookup("#catalog-in-use-dialog").tryQuery()).isPresent();

        robot.clickOn("Open read-only");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(stage.getTitle()).isEqualTo("Meshlens \u2014 test catalog (read-only)");
        assertThat(robot.lookup("#product-table").queryAs(TableView.class).getItems()).hasSize(7);
        assertThat(robot.lookup("#status-read-only").queryAs(Label.class).isVisible()).isTrue();
        MenuItem importFiles = robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().get(0).getItems().stream()
                .filter(item -> item.getText() != null && item.getText().startsWith("Import files")).findFirst()
                .orElseThrow();
        assertThat(importFiles.isDisable()).isTrue();
        assertThat(importFiles.getText()).isEqualTo("Import files\u2026 (the catalog is read-only)");
    }

    @Test
    void cancellingLeavesTheWindowEmptyWithTheReason(FxRobot robot) {
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#error-bar-text").queryAs(Label.class).getText())
                .isEqualTo("The catalog jdbc:h2:file:/data/catalog is open in another Meshlens window; close it there,"
                        + " then Retry.");
        assertThat(stage.getTitle()).isEqualTo("Meshlens");
    }
}
