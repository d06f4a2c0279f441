package dev.meshlens.app.ui.importer;

import dev.meshlens.app.ui.TestMesh;
import dev.meshlens.app.ui.service.InMemoryCatalogService;
import dev.meshlens.app.ui.task.CurrentThreadTaskExecutor;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.Lifecycle;
import dev.meshlens.engine.model.SourceKind;
import dev.meshlens.engine.model.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class ImportViewModelTest {
    @TempDir
    Path dir;

    private final InMemoryCatalogService service = TestMesh.service();
    private final List<Snapshot> imported = new ArrayList<>();

    private ImportViewModel viewModel(InMemoryCatalogService catalog) {
        return new ImportViewModel(catalog, new CurrentThreadTaskExecutor(), TestMesh.CLUSTER, imported::add);
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void aGoodFileLandsAsANewSnapshot() throws IOException {
        ImportViewModel viewModel = viewModel(service);
        viewModel.addFiles(List.of(file("more.txt", "product sales.returns Returns\n")));

        viewModel.start();

        assertThat(imported).extracting(Snapshot::id).containsExactly(3L);
        assertThat(viewModel.succeededProperty().get()).isTrue();
        assertThat(viewModel.statusProperty().get()).isEqualTo("Imported as snapshot #3.");
        assertThat(viewModel.runningProperty().get()).isFalse();
    }

    @Test
    void theLogSaysWhatWasRead() throws IOException {
        ImportViewModel viewModel = viewModel(service);
        viewModel.addFiles(List.of(file("more.txt", "product sales.returns Returns\n")));

        viewModel.start();

        assertThat(viewModel.log()).contains("Reading more.txt", "Done: snapshot #3 covers [catalog].");
    }

    @Test
    void aMalformedFileShowsFileAndLineAndLeavesTheCatalogAsItWas() throws IOException {
        ImportViewModel viewModel = viewModel(service);
        viewModel.addFiles(List.of(file("good.txt", "product a.b A\n"),
                file("bad.txt", "product c.d C\nthis is not a product\n")));

        viewModel.start();

        assertThat(viewModel.errorProperty().get()).isEqualTo("bad.txt:2: expected 'product <topic> <name>'");
        assertThat(viewModel.statusProperty().get()).isEqualTo("Nothing was imported; the catalog is unchanged.");
        assertThat(service.snapshotCount()).isEqualTo(2);
        assertThat(imported).isEmpty();
    }

    @Test
    void aFileThatIsGoneIsNamedInTheError() {
        ImportViewModel viewModel = viewModel(service);
        Path missing = dir.resolve("acls.txt");
        viewModel.addFiles(List.of(missing));

        viewModel.start();

        assertThat(viewModel.errorProperty().get()).isEqualTo(missing + ": no such file");
    }

    @Test
    void cancelDuringTheImportLeavesTheCatalogAsItWas() throws IOException {
        AtomicReference<ImportViewModel> self = new AtomicReference<>();
        InMemoryCatalogService catalog = new InMemoryCatalogService((file, sink) -> {
            sink.cover(SourceKind.CATALOG);
            sink.product(product("first.topic"));
            self.get().cancel(); // the user presses Cancel half way through the file
            sink.product(product("second.topic"));
        }, TestMesh::facts, Clock.fixed(TestMesh.IMPORT_TIME, ZoneOffset.UTC));
        ImportViewModel viewModel = viewModel(catalog);
        self.set(viewModel);
        viewModel.addFiles(List.of(file("big.csv", "...")));

        viewModel.start();

        assertThat(catalog.snapshotCount()).isZero();
        assertThat(viewModel.statusProperty().get()).isEqualTo("Import cancelled; the catalog is unchanged.");
        assertThat(viewModel.errorProperty().get()).isEmpty();
        assertThat(viewModel.runningProperty().get()).isFalse();
        assertThat(imported).isEmpty();
    }

    private static DataProduct product(String topic) {
        return new DataProduct(null, topic, null, null, null, null, null, null, null, null, null, Lifecycle.ACTIVE);
    }

    @Test
    void importNeedsFilesAndACluster() throws IOException {
        ImportViewModel viewModel = viewModel(service);
        assertThat(viewModel.canStartProperty().get()).isFalse();

        viewModel.addFiles(List.of(file("more.txt", "product a.b A\n")));
        assertThat(viewModel.canStartProperty().get()).isTrue();

        viewModel.clusterProperty().set(" ");
        assertThat(viewModel.canStartProperty().get()).isFalse();
        assertThat(viewModel.start()).isFalse();
    }

    @Test
    void aFileAddedTwiceIsListedOnce() throws IOException {
        ImportViewModel viewModel = viewModel(service);
        Path file = file("more.txt", "product a.b A\n");

        viewModel.addFiles(List.of(file, file.getParent().resolve("./more.txt")));

        assertThat(viewModel.files()).containsExactly(file.toAbsolutePath().normalize());
    }

    @Test
    void theImportGoesIntoTheClusterNamed() throws IOException {
        ImportViewModel viewModel = viewModel(service);
        viewModel.addFiles(List.of(file("more.txt", "product a.b A\n")));
        viewModel.clusterProperty().set("staging");

        viewModel.start();

        assertThat(imported).extracting(Snapshot::cluster).containsExactly("staging");
    }

    @Test
    void aStoreRefusalIsShownAsTheStoreWordsIt() {
        String message = ImportViewModel.describe(new dev.meshlens.engine.store.StoreException(
                "snapshot time 2024-01-01T00:00:00Z is before the newest snapshot"));

        assertThat(message).isEqualTo("snapshot time 2024-01-01T00:00:00Z is before the newest snapshot");
    }

    @Test
    void anUnexpectedFailureIsOneSentenceNotAStackTrace() {
        String message = ImportViewModel.describe(new NullPointerException());

        assertThat(message).isEqualTo("The import failed: NullPointerException (details in "
                + "~/.meshlens/logs/meshlens.log)");
    }
}
