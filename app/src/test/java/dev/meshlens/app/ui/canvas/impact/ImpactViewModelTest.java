package dev.meshlens.app.ui.canvas.impact;

import dev.meshlens.app.ui.canvas.Mark;
import dev.meshlens.app.ui.canvas.modes.DemoCatalogs;
import dev.meshlens.app.ui.canvas.modes.RecordingCanvasHost;
import dev.meshlens.app.ui.canvas.modes.ScriptedFileDialogs;
import dev.meshlens.app.ui.task.CurrentThreadTaskExecutor;
import dev.meshlens.engine.lineage.LineageTraversal;
import dev.meshlens.engine.lineage.ServiceNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ImpactViewModelTest {
    private final RecordingCanvasHost host = new RecordingCanvasHost(DemoCatalogs.current(),
            "service:User:order-validator");
    private final ScriptedFileDialogs dialogs = new ScriptedFileDialogs();
    private final ImpactViewModel viewModel = new ImpactViewModel(host, new CurrentThreadTaskExecutor(), dialogs);

    @TempDir
    Path dir;

    @Test
    void showingDrawsTheImpactOfTheHostsFocus() {
        viewModel.show();

        int reach = new LineageTraversal(host.catalog().lineage()).downstreamCount(new ServiceNode("User:order-validator"));
        assertThat(host.drawn()).hasSize(1);
        assertThat(host.last().focus()).isEqualTo("service:User:order-validator");
        assertThat(host.last().marked(Mark.IMPACTED)).hasSize(reach - 1);
        assertThat(viewModel.rows()).hasSize(reach - 1);
    }

    @Test
    void theSummaryCountsProductsAndConsumers() {
        viewModel.show();

        assertThat(viewModel.summaryProperty().get()).startsWith(viewModel.rows().size() + " nodes are downstream of "
                + "User:order-validator: ").endsWith("levels deep.");
    }

    @Test
    void exportWritesEveryRowToTheChosenFile() throws IOException {
        viewModel.show();
        Path target = dir.resolve("out.csv");
        dialogs.answer(target);

        assertThat(viewModel.exportCsv()).contains(target);
        assertThat(Files.readAllLines(target)).hasSize(viewModel.rows().size() + 1);
        assertThat(dialogs.asked()).containsExactly("save impact-User_order-validator.csv");
        assertThat(viewModel.messageProperty().get()).isEqualTo("Exported " + viewModel.rows().size()
                + " rows to out.csv.");
    }

    @Test
    void cancellingTheSaveDialogWritesNothing() {
        viewModel.show();

        assertThat(viewModel.exportCsv()).isEmpty();
        assertThat(viewModel.messageProperty().get()).isEmpty();
    }

    @Test
    void aFailedWriteIsReportedInTheMessage() {
        viewModel.show();
        dialogs.answer(dir.resolve("missing-folder").resolve("out.csv"));

        assertThat(viewModel.exportCsv()).isEmpty();
        assertThat(viewModel.messageProperty().get()).startsWith("Could not write ");
    }

    @Test
    void closingRestoresTheNeighbourhood() {
        viewModel.show();
        viewModel.close();

        assertThat(host.restores()).isEqualTo(1);
    }
}
