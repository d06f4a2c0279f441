package dev.meshlens.app.ui.fx;

import dev.meshlens.app.ui.export.ExportView;
import dev.meshlens.app.ui.export.ExportViewModel;
import dev.meshlens.app.ui.service.CatalogService;
import dev.meshlens.app.ui.service.InMemoryCatalogService;
import dev.meshlens.app.ui.TestMesh;
import dev.meshlens.app.ui.task.CurrentThreadTaskExecutor;
import dev.meshlens.engine.export.ExportFormat;
import dev.meshlens.engine.export.ExportResult;
import dev.meshlens.engine.export.ExportedFile;
import dev.meshlens.engine.model.Snapshot;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The export dialog: unticking formats, exporting, and the files and manifest digest it shows. */
@ExtendWith(ApplicationExtension.class)
class ExportFxTest {
    private final List<Set<ExportFormat>> asked = new ArrayList<>();
    private ExportViewModel viewModel;

    @Start
    void start(Stage stage) {
        InMemoryCatalogService memory = TestMesh.service();
        List<Snapshot> snapshots = memory.snapshots("shop");
        CatalogService service = new CatalogService() {
            @Override
            public ExportResult export(String cluster, long snapshotId, Path dir, Set<ExportFormat> formats,
                                       String impactProduct) {
                asked.add(EnumSet.copyOf(formats));
                return new ExportResult(dir, List.of(new ExportedFile("lineage.dot", 120, "a".repeat(64))),
                        new ExportedFile("MANIFEST.json", 300, "b".repeat(64)));
            }

            @Override
            public String location() {
                return memory.location();
            }

            @Override
            public String name() {
                return memory.name();
            }

            @Override
            public List<String> clusters() {
                return memory.clusters();
            }

            @Override
            public List<Snapshot> snapshots(String cluster) {
                return memory.snapshots(cluster);
            }

            @Override
            public dev.meshlens.app.ui.service.LoadedCatalog load(String cluster, long snapshotId) {
                return memory.load(cluster, snapshotId);
            }

            @Override
            public Snapshot importFiles(String cluster, List<Path> files, dev.meshlens.app.ui.task.TaskContext c) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<Snapshot> importDemo(dev.meshlens.app.ui.task.TaskContext context) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void close() {
            }
        };
        viewModel = new ExportViewModel(service, new CurrentThreadTaskExecutor(), "shop", snapshots,
                snapshots.get(snapshots.size() - 1));
        viewModel.directoryProperty().set(Path.of("/tmp/audit"));
        stage.setScene(new Scene(new ExportView(viewModel), 820, 640));
        stage.show();
    }

    @Test
    void exportWithSomeFormatsUntickedShowsTheFilesAndTheManifestDigest(FxRobot robot) {
        for (String format : List.of("#format-json", "#format-graphml", "#format-csv", "#format-openlineage")) {
            robot.clickOn(format);
        }
        robot.clickOn("#export-start");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(asked).containsExactly(EnumSet.of(ExportFormat.DOT));
        assertThat(robot.lookup("#export-manifest-digest").queryAs(TextField.class).getText())
                .isEqualTo("b".repeat(64));
        assertThat(robot.lookup("#export-written").queryAs(ListView.class).getItems()).hasSize(2);
    }

    @Test
    void exportIsOffWithNoFormatChosen(FxRobot robot) {
        for (ExportFormat format : ExportFormat.values()) {
            robot.clickOn("#format-" + format.label());
        }

        assertThat(robot.lookup("#export-start").queryAs(Button.class).isDisabled()).isTrue();
    }
}
