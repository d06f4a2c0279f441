package dev.meshlens.app.ui.export;

import dev.meshlens.app.cli.MeshlensCli;
import dev.meshlens.app.ui.service.StoreCatalogService;
import dev.meshlens.app.ui.task.CurrentThreadTaskExecutor;
import dev.meshlens.app.ui.task.TaskContext;
import dev.meshlens.engine.export.ExportFormat;
import dev.meshlens.engine.lineage.LineageOptions;
import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.store.CatalogStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The export dialog on the demo mesh: the same files as {@code meshlens export}, and verification. */
class ExportViewModelTest {
    @TempDir
    Path dir;
    private String url;
    private StoreCatalogService service;
    private List<Snapshot> snapshots;

    @BeforeEach
    void loadDemo() throws IOException {
        url = "jdbc:h2:file:" + dir.resolve("catalog");
        service = new StoreCatalogService(CatalogStore.open(url), LineageOptions.defaults(), Clock.systemUTC());
        snapshots = service.importDemo(TaskContext.NONE);
    }

    @AfterEach
    void close() {
        service.close();
    }

    private ExportViewModel viewModel() {
        return new ExportViewModel(service, new CurrentThreadTaskExecutor(), "demo", snapshots,
                snapshots.get(snapshots.size() - 1));
    }

    private static String content(Path dir) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                all.append(dir.relativize(file)).append('\n').append(Files.readString(file)).append('\n');
            }
        }
        return all.toString();
    }

    @Test
    void theSnapshotViewedAndEveryFormatAreChosenAtFirst() {
        ExportViewModel viewModel = viewModel();

        assertThat(viewModel.snapshotProperty().get()).isEqualTo(snapshots.get(1));
        for (ExportFormat format : ExportFormat.values()) {
            assertThat(viewModel.formatProperty(format).get()).as(format.label()).isTrue();
        }
        assertThat(viewModel.canExportProperty().get()).as("no directory yet").isFalse();
    }

    @Test
    void exportListsTheFilesWrittenAndTheManifestDigest() {
        ExportViewModel viewModel = viewModel();
        viewModel.directoryProperty().set(dir.resolve("out"));

        assertThat(viewModel.export()).isTrue();

        assertThat(viewModel.errorProperty().get()).isEmpty();
        assertThat(viewModel.written()).anyMatch(line -> line.startsWith("mesh.json "));
        assertThat(viewModel.written()).last().asString().startsWith("MANIFEST.json ");
        assertThat(viewModel.manifestDigestProperty().get()).matches("[0-9a-f]{64}");
    }

    @Test
    void exportIsByteForByteWhatTheCommandLineWrites() throws IOException {
        ExportViewModel viewModel = viewModel();
        viewModel.directoryProperty().set(dir.resolve("window"));
        viewModel.export();
        service.close();

        int exit = MeshlensCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                Map.of()).execute("--db", url, "export", "--out", dir.resolve("cli").toString(), "--snapshot",
                Long.toString(snapshots.get(1).id()), "--format", "json,graphml,dot,csv,openlineage");

        assertThat(exit).isZero();
        assertThat(content(dir.resolve("window"))).isEqualTo(content(dir.resolve("cli")));
        service = new StoreCatalogService(CatalogStore.open(url), LineageOptions.defaults(), Clock.systemUTC());
    }

    @Test
    void onlyTheChosenFormatsAreWritten() {
        ExportViewModel viewModel = viewModel();
        for (ExportFormat format : ExportFormat.values()) {
            viewModel.formatProperty(format).set(format == ExportFormat.DOT);
        }
        viewModel.directoryProperty().set(dir.resolve("dot"));

        viewModel.export();

        assertThat(viewModel.written()).extracting(line -> line.substring(0, line.indexOf(' ')))
                .containsExactly("lineage.dot", "MANIFEST.json");
    }

    @Test
    void exportIntoAFolderThatIsNotEmptyIsRefused() throws IOException {
        Path full = Files.createDirectories(dir.resolve("full"));
        Files.writeString(full.resolve("notes.txt"), "mine");
        ExportViewModel viewModel = viewModel();
        viewModel.directoryProperty().set(full);

        viewModel.export();

        assertThat(viewModel.errorProperty().get()).contains("not empty");
        assertThat(viewModel.written()).isEmpty();
    }

    @Test
    void verifyingAnUntouchedExportSaysSo() {
        ExportViewModel viewModel = viewModel();
        viewModel.directoryProperty().set(dir.resolve("out"));
        viewModel.export();

        viewModel.verify(dir.resolve("out"));

        assertThat(viewModel.verifiedOkProperty().get()).isTrue();
        assertThat(viewModel.verdict().get(0)).startsWith("Verified: all ");
    }

    @Test
    void verifyingAnAlteredExportNamesWhatChanged() throws IOException {
        ExportViewModel viewModel = viewModel();
        viewModel.directoryProperty().set(dir.resolve("out"));
        viewModel.export();
        Path dot = dir.resolve("out/lineage.dot");
        Files.writeString(dot, Files.readString(dot) + " ");
        Files.writeString(dir.resolve("out/extra.txt"), "added");

        viewModel.verify(dir.resolve("out"));

        assertThat(viewModel.verifiedOkProperty().get()).isFalse();
        assertThat(viewModel.verdict()).containsExactly("Verification failed: 1 changed, 1 added, 0 removed.",
                "changed: lineage.dot", "added: extra.txt");
    }
}
