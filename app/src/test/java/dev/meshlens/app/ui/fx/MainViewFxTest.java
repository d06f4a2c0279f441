package dev.meshlens.app.ui.fx;

import dev.meshlens.app.ui.TestMesh;
import dev.meshlens.app.ui.main.DialogProductActions;
import dev.meshlens.app.ui.main.MainView;
import dev.meshlens.app.ui.main.MainViewModel;
import dev.meshlens.app.ui.product.SchemaFieldReader;
import dev.meshlens.app.ui.service.InMemoryCatalogService;
import dev.meshlens.app.ui.settings.Theme;
import dev.meshlens.app.ui.task.CurrentThreadTaskExecutor;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole window on the in-memory test catalog: opening products, the timeline, keyboard shortcuts. */
@ExtendWith(ApplicationExtension.class)
class MainViewFxTest {
    private MainViewModel viewModel;

    @Start
    void start(Stage stage) {
        InMemoryCatalogService service = TestMesh.service();
        DialogProductActions actions = new DialogProductActions(() -> stage);
        viewModel = new MainViewModel(() -> service, new CurrentThreadTaskExecutor(), new SchemaFieldReader(),
                ZoneOffset.UTC, null, text -> { }, actions);
        actions.setOpener(viewModel::openProduct);
        MainView view = new MainView(viewModel, Theme.LIGHT, true, new MainView.Listener() {
            @Override
            public void themeChosen(Theme theme) {
            }

            @Override
            public void timelineToggled(boolean visible) {
            }
        });
        Scene scene = new Scene(view, 1280, 800);
        view.applyTheme(scene, false);
        view.installAccelerators(scene);
        stage.setScene(scene);
        stage.show();
        viewModel.start();
    }

    @Test
    void theTableShowsTheNewestSnapshotAndTheStatusBarSaysWhich(FxRobot robot) {
        assertThat(robot.lookup("#product-table").queryAs(TableView.class).getItems()).hasSize(7);
        assertThat(robot.lookup("#status-location").queryAs(Label.class).getText()).isEqualTo("memory:test");
        assertThat(robot.lookup("#status-snapshot").queryAs(Label.class).getText())
                .isEqualTo("Cluster shop \u00b7 snapshot #2 \u00b7 2024-04-15 09:00");
        assertThat(robot.lookup("#historical-banner").query().isVisible()).isFalse();
    }

    @Test
    void doubleClickingAProductOpensItsPageInATab(FxRobot robot) {
        robot.doubleClickOn("Orders placed");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#product-title").queryAs(Label.class).getText()).isEqualTo("Orders placed");
        TabPane tabs = robot.lookup(".main-tabs").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo("Orders placed");
    }

    @Test
    void theConsumersTabListsConsumersColouredByState(FxRobot robot) {
        robot.doubleClickOn("Orders placed");
        robot.clickOn("Consumers (4)");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#consumers-table").queryAs(TableView.class).getItems()).hasSize(4);
        assertThat(robot.lookup(".table-row-cell.state-lagging").queryAll()).isNotEmpty();
        assertThat(robot.lookup("#consumer-summary").queryAs(Label.class).getText())
                .isEqualTo("4 consumers: 1 up to date, 1 lagging, 1 stopped, 1 never consumed");
    }

    @Test
    void aTierViolationIsWarnedOnTheProductPage(FxRobot robot) {
        robot.interact(() -> viewModel.openProduct(TestMesh.KPIS));

        Label warning = robot.lookup("#tier-warning").queryAs(Label.class);
        assertThat(warning.isVisible()).isTrue();
        assertThat(warning.getText()).startsWith("Promises Tier 1 but depends on customer.segments (Tier 3)");
    }

    @Test
    void choosingAnOlderSnapshotMarksTheWholeWindowHistorical(FxRobot robot) {
        robot.clickOn(LabeledMatchers.hasText("#1  2024-03-01 09:00"));
        WaitForAsyncUtils.waitForFxEvents();

        Node banner = robot.lookup("#historical-banner").query();
        assertThat(banner.isVisible()).isTrue();
        assertThat(robot.lookup("#historical-text").queryAs(Label.class).getText())
                .startsWith("Historical view: the catalog as it was on 2024-03-01 09:00");
        assertThat(robot.lookup("#product-table").queryAs(TableView.class).getItems()).hasSize(5);
        assertThat(robot.lookup("#status-snapshot").queryAs(Label.class).getText()).contains("snapshot #1");
    }

    @Test
    void backToTheNewestLeavesTheHistoricalView(FxRobot robot) {
        robot.clickOn(LabeledMatchers.hasText("#1  2024-03-01 09:00"));
        robot.clickOn("#back-to-latest");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#historical-banner").query().isVisible()).isFalse();
        assertThat(robot.lookup("#product-table").queryAs(TableView.class).getItems()).hasSize(7);
    }

    @Test
    void ctrlKFocusesTheSearchFromAnywhere(FxRobot robot) {
        robot.doubleClickOn("Orders placed");
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#search-field").query().isFocused()).isTrue();
        TabPane tabs = robot.lookup(".main-tabs").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedIndex()).isZero();
    }

    @Test
    void ctrlWClosesTheProductTab(FxRobot robot) {
        robot.doubleClickOn("Orders placed");
        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup(".main-tabs").queryAs(TabPane.class).getTabs()).hasSize(1);
        assertThat(viewModel.openProducts()).isEmpty();
    }
}
