package dev.meshlens.app.ui.fx;

import dev.meshlens.app.ui.TestMesh;
import dev.meshlens.app.ui.catalog.CatalogViewModel;
import dev.meshlens.app.ui.main.DialogProductActions;
import dev.meshlens.app.ui.main.MainView;
import dev.meshlens.app.ui.main.MainViewModel;
import dev.meshlens.app.ui.product.SchemaFieldReader;
import dev.meshlens.app.ui.service.InMemoryCatalogService;
import dev.meshlens.app.ui.settings.Theme;
import dev.meshlens.app.ui.task.DefaultTaskExecutor;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.Lifecycle;
import dev.meshlens.engine.model.SourceKind;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imports driven through the dialog with the real background executor: errors name file and line and leave the
 * table as it was, Cancel stops a running import, and the window answers while an import runs.
 */
@ExtendWith(ApplicationExtension.class)
class ImportFxTest {
    private static final long TIMEOUT_SECONDS = 20;

    @TempDir
    Path dir;

    /** Holds the importer inside a file until the test lets it go, so the test can act while it runs. */
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch reading = new CountDownLatch(1);
    private final DefaultTaskExecutor executor = new DefaultTaskExecutor();
    private InMemoryCatalogService service;
    private MainViewModel viewModel;
    private MainView view;

    @Start
    void start(Stage stage) {
        service = new InMemoryCatalogService((file, sink) -> {
            if (file.getFileName().toString().startsWith("slow")) {
                sink.cover(SourceKind.CATALOG);
                sink.product(new DataProduct("Slow", "slow.topic", null, null, null, null, null, null, null, null,
                        null, Lifecycle.ACTIVE));
                reading.countDown();
                try {
                    release.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                sink.product(new DataProduct("Slower", "slower.topic", null, null, null, null, null, null, null,
                        null, null, Lifecycle.ACTIVE));
            } else {
                TestMesh.readLines(file, sink);
            }
        }, TestMesh::facts, Clock.fixed(TestMesh.IMPORT_TIME, ZoneOffset.UTC));
        service.add(TestMesh.CLUSTER, TestMesh.FIRST, "catalog.csv", TestMesh.first());
        service.add(TestMesh.CLUSTER, TestMesh.SECOND, "catalog.csv", TestMesh.second());
        DialogProductActions actions = new DialogProductActions(() -> stage);
        viewModel = new MainViewModel(() -> service, executor, new SchemaFieldReader(), ZoneOffset.UTC, null,
                text -> { }, actions);
        view = new MainView(viewModel, Theme.LIGHT, true, new MainView.Listener() {
            @Override
            public void themeChosen(Theme theme) {
            }

            @Override
            public void timelineToggled(boolean visible) {
            }
        });
        Scene scene = new Scene(view, 1280, 800);
        view.applyTheme(scene, false);
        stage.setScene(scene);
        stage.show();
        viewModel.start();
    }

    @AfterEach
    void stopWork() {
        release.countDown();
        executor.shutdown();
    }

    private void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private int tableRows(FxRobot robot) {
        return robot.lookup("#product-table").queryAs(TableView.class).getItems().size();
    }

    @Test
    void aMalformedFileShowsTheErrorAndLeavesTheTableAsItWas(FxRobot robot) throws Exception {
        waitUntil(() -> viewModel.catalogProperty().get() != null);
        Path bad = Files.writeString(dir.resolve("bad.txt"), "product a.b A\nnot a product line\n");

        robot.interact(() -> view.openImport(List.of(bad), true));
        waitUntil(() -> !robot.lookup("#import-error").queryAs(TextField.class).getText().isEmpty());

        assertThat(robot.lookup("#import-error").queryAs(TextField.class).getText())
                .isEqualTo("bad.txt:2: expected 'product <topic> <name>'");
        assertThat(robot.lookup("#import-status").queryAs(Label.class).getText())
                .isEqualTo("Nothing was imported; the catalog is unchanged.");
        assertThat(service.snapshotCount()).isEqualTo(2);
        assertThat(tableRows(robot)).isEqualTo(7);
        assertThat(viewModel.catalogProperty().get().snapshot().id()).isEqualTo(2);
    }

    @Test
    void aGoodFileAddsItsProductsToTheTable(FxRobot robot) throws Exception {
        waitUntil(() -> viewModel.catalogProperty().get() != null);
        Path good = Files.writeString(dir.resolve("good.txt"), "product sales.returns Returns\n");

        robot.interact(() -> view.openImport(List.of(good), true));
        waitUntil(() -> viewModel.catalogProperty().get().snapshot().id() == 3);

        assertThat(robot.lookup("#import-status").queryAs(Label.class).getText())
                .isEqualTo("Imported as snapshot #3.");
        assertThat(viewModel.catalogViewModel().rowForTopic("sales.returns")).isPresent();
    }

    @Test
    void cancelStopsARunningImportAndKeepsTheCatalog(FxRobot robot) throws Exception {
        waitUntil(() -> viewModel.catalogProperty().get() != null);
        Path slow = Files.writeString(dir.resolve("slow.csv"), "");
        robot.interact(() -> view.openImport(List.of(slow), true));
        assertThat(reading.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();

        robot.clickOn("#import-cancel");
        release.countDown();
        waitUntil(() -> robot.lookup("#import-status").queryAs(Label.class).getText()
                .equals("Import cancelled; the catalog is unchanged."));

        assertThat(service.snapshotCount()).isEqualTo(2);
        assertThat(robot.lookup("#import-progress").query().isVisible()).isFalse();
        assertThat(tableRows(robot)).isEqualTo(7);
    }

    @Test
    void theWindowAnswersWhileAnImportRuns(FxRobot robot) throws Exception {
        waitUntil(() -> viewModel.catalogProperty().get() != null);
        Path slow = Files.writeString(dir.resolve("slow.csv"), "");
        robot.interact(() -> view.openImport(List.of(slow), true));
        assertThat(reading.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();

        CatalogViewModel catalog = viewModel.catalogViewModel();
        robot.interact(() -> catalog.searchTextProperty().set("iban"));

        // the table answered while the importer is still inside its file
        assertThat(tableRows(robot)).isEqualTo(1);
        assertThat(reading.getCount()).isZero();
        assertThat(release.getCount()).isOne();
        assertThat(robot.lookup("#import-cancel").query().isDisabled()).isFalse();
    }
}
