package dev.meshlens.app.ui.opencatalog;

import dev.meshlens.app.ui.service.StoreCatalogService;
import dev.meshlens.app.ui.task.CurrentThreadTaskExecutor;
import dev.meshlens.engine.store.CatalogStore;
import dev.meshlens.engine.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenCatalogViewModelTest {
    @TempDir
    Path dir;
    private final List<String> opened = new ArrayList<>();

    private OpenCatalogViewModel viewModel(OpenCatalogViewModel.ConnectionTester tester) {
        return new OpenCatalogViewModel(new CurrentThreadTaskExecutor(), tester, List.of("jdbc:h2:file:/a/b"),
                opened::add);
    }

    @Test
    void filePathMeansAnH2Catalog() {
        OpenCatalogViewModel viewModel = viewModel(url -> "ok");

        viewModel.locationProperty().set("/data/team/catalog.mv.db");

        assertThat(viewModel.jdbcUrlProperty().get()).isEqualTo("jdbc:h2:file:/data/team/catalog");
    }

    @Test
    void jdbcUrlIsTakenAsItIs() {
        OpenCatalogViewModel viewModel = viewModel(url -> "ok");

        viewModel.locationProperty().set("jdbc:postgresql://db.example/catalog");

        assertThat(viewModel.jdbcUrlProperty().get()).isEqualTo("jdbc:postgresql://db.example/catalog");
    }

    @Test
    void urlWithAPasswordIsRefused() {
        OpenCatalogViewModel viewModel = viewModel(url -> "ok");

        viewModel.locationProperty().set("jdbc:postgresql://db.example/catalog?user=a&password=s3cret");

        assertThat(viewModel.jdbcUrlProperty().get()).isEmpty();
        assertThat(viewModel.problemProperty().get()).startsWith("Leave the password out of the URL");
        assertThat(viewModel.open()).isFalse();
        assertThat(opened).isEmpty();
    }

    @Test
    void connectionTestSaysWhatTheCatalogHolds() {
        OpenCatalogViewModel viewModel = viewModel(url -> "3 snapshots (clusters prod)");
        viewModel.locationProperty().set("jdbc:postgresql://db.example/catalog");

        viewModel.test();

        assertThat(viewModel.resultProperty().get()).isEqualTo("Connected: 3 snapshots (clusters prod)");
        assertThat(viewModel.reachableProperty().get()).isTrue();
        assertThat(viewModel.testingProperty().get()).isFalse();
    }

    @Test
    void failedConnectionTestSaysWhy() {
        OpenCatalogViewModel viewModel = viewModel(url -> {
            throw new StoreException("cannot open catalog " + url + ": wrong user name or password");
        });
        viewModel.locationProperty().set("jdbc:postgresql://db.example/catalog");

        viewModel.test();

        assertThat(viewModel.resultProperty().get()).isEqualTo(
                "Cannot read it: cannot open catalog jdbc:postgresql://db.example/catalog: wrong user name or password");
        assertThat(viewModel.reachableProperty().get()).isFalse();
    }

    @Test
    void openHandsTheJdbcUrlToTheWindow() {
        OpenCatalogViewModel viewModel = viewModel(url -> "ok");
        viewModel.locationProperty().set("/data/catalog");

        assertThat(viewModel.open()).isTrue();

        assertThat(opened).containsExactly("jdbc:h2:file:/data/catalog");
    }

    @Test
    void probeOfARealCatalogCountsItsSnapshotsWithoutChangingIt() {
        String url = "jdbc:h2:file:" + dir.resolve("catalog");
        CatalogStore.open(url).close();

        assertThat(StoreCatalogService.probe(url)).isEqualTo("0 snapshots");
    }

    @Test
    void probeOfAMissingCatalogCreatesNothing() {
        String url = "jdbc:h2:file:" + dir.resolve("absent");

        assertThatThrownBy(() -> StoreCatalogService.probe(url)).isInstanceOf(StoreException.class)
                .hasMessageEndingWith("it does not exist");
        assertThat(dir.resolve("absent.mv.db")).doesNotExist();
    }
}
