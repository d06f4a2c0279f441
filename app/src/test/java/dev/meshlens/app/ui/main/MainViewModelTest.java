package dev.meshlens.app.ui.main;

import dev.meshlens.app.ui.TestMesh;
import dev.meshlens.app.ui.importer.ImportViewModel;
import dev.meshlens.app.ui.product.ProductActions;
import dev.meshlens.app.ui.product.ProductViewModel;
import dev.meshlens.app.ui.product.SchemaFieldReader;
import dev.meshlens.app.ui.service.InMemoryCatalogService;
import dev.meshlens.app.ui.service.LoadedCatalog;
import dev.meshlens.app.ui.task.CurrentThreadTaskExecutor;
import dev.meshlens.app.ui.task.ManualTaskExecutor;
import dev.meshlens.app.ui.task.TaskExecutor;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class MainViewModelTest {
    private final InMemoryCatalogService service = TestMesh.service();

    private MainViewModel viewModel(TaskExecutor executor, MainViewModel.ServiceOpener opener, String cluster) {
        return new MainViewModel(opener, executor, new SchemaFieldReader(), ZoneOffset.UTC, cluster, text -> { },
                new NoActions());
    }

    private MainViewModel started() {
        MainViewModel viewModel = viewModel(new CurrentThreadTaskExecutor(), () -> service, null);
        viewModel.start();
        return viewModel;
    }

    @Test
    void startShowsTheNewestSnapshot() {
        MainViewModel viewModel = started();

        assertThat(viewModel.titleProperty().get()).isEqualTo("Meshlens \u2014 test catalog");
        assertThat(viewModel.catalogProperty().get().snapshot().id()).isEqualTo(2);
        assertThat(viewModel.catalogViewModel().rows()).hasSize(8);
        assertThat(viewModel.historicalProperty().get()).isFalse();
        assertThat(viewModel.busyProperty().get()).isFalse();
    }

    @Test
    void statusBarShowsLocationSnapshotAndTime() {
        MainViewModel viewModel = started();

        assertThat(viewModel.locationProperty().get()).isEqualTo("memory:test");
        assertThat(viewModel.snapshotTextProperty().get())
                .isEqualTo("Cluster shop \u00b7 snapshot #2 \u00b7 2024-04-15 09:00");
    }

    @Test
    void anOlderSnapshotIsMarkedHistorical() {
        MainViewModel viewModel = started();

        viewModel.showSnapshot(1);

        assertThat(viewModel.historicalProperty().get()).isTrue();
        assertThat(viewModel.historicalTextProperty().get())
                .startsWith("Historical view: the catalog as it was on 2024-03-01 09:00 (snapshot #1");
        assertThat(viewModel.titleProperty().get()).endsWith("(as of 2024-03-01 09:00)");
        assertThat(viewModel.catalogViewModel().rows()).hasSize(6);
    }

    @Test
    void showLatestLeavesTheHistoricalView() {
        MainViewModel viewModel = started();
        viewModel.showSnapshot(1);

        viewModel.showLatest();

        assertThat(viewModel.historicalProperty().get()).isFalse();
        assertThat(viewModel.historicalTextProperty().get()).isEmpty();
        assertThat(viewModel.catalogProperty().get().snapshot().id()).isEqualTo(2);
    }

    @Test
    void choosingADateInTheTimelineShowsThatDay() {
        MainViewModel viewModel = started();

        viewModel.timelineViewModel().chooseDate(java.time.LocalDate.of(2024, 4, 1));

        assertThat(viewModel.catalogProperty().get().snapshot().id()).isEqualTo(1);
        assertThat(viewModel.historicalProperty().get()).isTrue();
    }

    @Test
    void anOpenProductPageFollowsTheSnapshotViewed() {
        MainViewModel viewModel = started();
        viewModel.openProduct(TestMesh.KPIS);
        ProductViewModel page = viewModel.activeProductProperty().get();

        viewModel.showSnapshot(1);

        assertThat(page.historicalProperty().get()).isTrue();
        assertThat(page.absentMessageProperty().get()).contains("not in the catalog as of snapshot #1");
    }

    @Test
    void openingAProductTwiceReusesItsPage() {
        MainViewModel viewModel = started();

        viewModel.openProduct(TestMesh.ORDERS);
        viewModel.openProduct(TestMesh.CAPTURES);
        viewModel.openProduct(TestMesh.ORDERS);

        assertThat(viewModel.openProducts()).hasSize(2);
        assertThat(viewModel.activeProductProperty().get().topic()).isEqualTo(TestMesh.ORDERS.topic());
    }

    @Test
    void closingTheActivePageReturnsToTheTable() {
        MainViewModel viewModel = started();
        viewModel.openProduct(TestMesh.ORDERS);

        viewModel.closeProduct(viewModel.activeProductProperty().get());

        assertThat(viewModel.openProducts()).isEmpty();
        assertThat(viewModel.activeProductProperty().get()).isNull();
    }

    @Test
    void aCatalogThatCannotBeOpenedShowsWhy() {
        MainViewModel viewModel = viewModel(new CurrentThreadTaskExecutor(), () -> {
            throw new StoreException("the database is in use by another process");
        }, null);

        viewModel.start();

        assertThat(viewModel.errorProperty().get())
                .isEqualTo("Could not open the catalog: the database is in use by another process");
        assertThat(viewModel.serviceProperty().get()).isNull();
    }

    @Test
    void anEmptyCatalogHasNoSnapshotAndNoError() {
        InMemoryCatalogService empty = new InMemoryCatalogService(TestMesh::readLines, TestMesh::facts,
                java.time.Clock.fixed(TestMesh.IMPORT_TIME, ZoneOffset.UTC));
        MainViewModel viewModel = viewModel(new CurrentThreadTaskExecutor(), () -> empty, null);

        viewModel.start();

        assertThat(viewModel.emptyProperty().get()).isTrue();
        assertThat(viewModel.errorProperty().get()).isEmpty();
        assertThat(viewModel.snapshotTextProperty().get()).isEqualTo("No snapshots yet");
    }

    @Test
    void aFirstStartOnAnEmptyCatalogLoadsTheDemo() {
        InMemoryCatalogService empty = emptyCatalog();
        empty.setDemo(java.util.List.of(TestMesh.first(), TestMesh.second()));
        MainViewModel viewModel = viewModel(new CurrentThreadTaskExecutor(), () -> empty, null);
        viewModel.setLoadDemoIfEmpty(true);

        viewModel.start();

        assertThat(viewModel.emptyProperty().get()).isFalse();
        assertThat(viewModel.clusterProperty().get()).isEqualTo("demo");
        assertThat(viewModel.timelineViewModel().snapshots()).hasSize(2);
    }

    @Test
    void anEmptyCatalogStaysEmptyUnlessItIsTheFirstStart() {
        InMemoryCatalogService empty = emptyCatalog();
        empty.setDemo(java.util.List.of(TestMesh.first()));
        MainViewModel viewModel = viewModel(new CurrentThreadTaskExecutor(), () -> empty, null);

        viewModel.start();

        assertThat(viewModel.emptyProperty().get()).isTrue();
        assertThat(empty.snapshotCount()).isZero();
    }

    @Test
    void theDemoCanBeLoadedIntoAnEmptyCatalogOnRequest() {
        InMemoryCatalogService empty = emptyCatalog();
        empty.setDemo(java.util.List.of(TestMesh.first()));
        MainViewModel viewModel = viewModel(new CurrentThreadTaskExecutor(), () -> empty, null);
        viewModel.start();

        viewModel.loadDemo();

        assertThat(viewModel.catalogViewModel().rows()).hasSize(6);
    }

    private static InMemoryCatalogService emptyCatalog() {
        return new InMemoryCatalogService(TestMesh::readLines, TestMesh::facts,
                java.time.Clock.fixed(TestMesh.IMPORT_TIME, ZoneOffset.UTC));
    }

    @Test
    void theClusterViewedLastIsShownFirst() {
        service.add("staging", Instant.parse("2024-04-20T00:00:00Z"), "catalog.csv", TestMesh.first());
        MainViewModel viewModel = viewModel(new CurrentThreadTaskExecutor(), () -> service, "staging");

        viewModel.start();

        assertThat(viewModel.clusterProperty().get()).isEqualTo("staging");
        assertThat(viewModel.clusters()).containsExactly("shop", "staging");
    }

    @Test
    void selectingAClusterShowsItsNewestSnapshot() {
        service.add("staging", Instant.parse("2024-04-20T00:00:00Z"), "catalog.csv", TestMesh.first());
        MainViewModel viewModel = started();

        viewModel.selectCluster("staging");

        assertThat(viewModel.catalogProperty().get().snapshot().id()).isEqualTo(3);
        assertThat(viewModel.timelineViewModel().snapshots()).hasSize(1);
    }

    @Test
    void aSlowerOlderLoadNeverReplacesANewerOne() {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        MainViewModel viewModel = viewModel(executor, () -> service, null);
        viewModel.start();
        executor.runAll();
        viewModel.showSnapshot(1);
        viewModel.showSnapshot(2);

        executor.runNewest();
        executor.runOldest();

        assertThat(viewModel.catalogProperty().get().snapshot().id()).isEqualTo(2);
        assertThat(viewModel.busyProperty().get()).isFalse();
    }

    @Test
    void theWindowIsBusyWhileALoadRuns() {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        MainViewModel viewModel = viewModel(executor, () -> service, null);

        viewModel.start();

        assertThat(viewModel.busyProperty().get()).isTrue();
        assertThat(viewModel.busyMessageProperty().get()).startsWith("Opening the catalog");
        executor.runAll();
        assertThat(viewModel.busyProperty().get()).isFalse();
    }

    @Test
    void aSuccessfulImportShowsTheNewSnapshot(@TempDir Path dir) throws Exception {
        MainViewModel viewModel = started();
        Path file = Files.writeString(dir.resolve("more.txt"), "product sales.returns Returns\n");
        ImportViewModel importer = viewModel.newImport();
        importer.addFiles(java.util.List.of(file));

        importer.start();

        assertThat(viewModel.catalogProperty().get().snapshot().id()).isEqualTo(3);
        assertThat(viewModel.catalogViewModel().rowForTopic("sales.returns")).isPresent();
    }

    @Test
    void shutdownClosesTheCatalog() {
        MainViewModel viewModel = started();

        viewModel.shutdown();

        assertThat(service.isClosed()).isTrue();
    }

    /** Product actions that do nothing: these tests do not press the buttons. */
    private static final class NoActions implements ProductActions {
        @Override
        public void open(DataProduct product) {
        }

        @Override
        public void showLineage(DataProduct product, LoadedCatalog catalog) {
        }

        @Override
        public void planBreakingChange(DataProduct product, LoadedCatalog catalog) {
        }
    }
}
