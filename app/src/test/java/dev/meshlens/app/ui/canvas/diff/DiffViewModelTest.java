package dev.meshlens.app.ui.canvas.diff;

import dev.meshlens.app.ui.canvas.Mark;
import dev.meshlens.app.ui.canvas.modes.DemoCatalogs;
import dev.meshlens.app.ui.canvas.modes.RecordingCanvasHost;
import dev.meshlens.app.ui.task.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DiffViewModelTest {
    private final RecordingCanvasHost host = new RecordingCanvasHost(DemoCatalogs.current(),
            "product:sales.orders.placed");
    private final DiffViewModel viewModel = new DiffViewModel(host, DemoCatalogs.service(),
            new CurrentThreadTaskExecutor());

    @Test
    void theDefaultsAreThePreviousAndTheShownSnapshot() {
        viewModel.load();

        assertThat(viewModel.snapshots()).hasSize(2);
        assertThat(viewModel.fromProperty().get()).isEqualTo(DemoCatalogs.snapshots().get(0));
        assertThat(viewModel.toProperty().get()).isEqualTo(DemoCatalogs.snapshots().get(1));
    }

    @Test
    void comparingDrawsTheChangesAndCountsThem() {
        viewModel.load();

        viewModel.compare();

        assertThat(host.last().marked(Mark.ADDED)).isEmpty();
        assertThat(host.last().edges()).anySatisfy(e -> assertThat(e.marks()).contains(Mark.REMOVED));
        assertThat(viewModel.rows()).isNotEmpty();
        assertThat(viewModel.summaryProperty().get()).startsWith(viewModel.rows().size() + " changes from snapshot #")
                .contains("Edges: 2 added, 1 removed, 2 changed.");
    }

    @Test
    void theSameSnapshotOnBothSidesIsRefused() {
        viewModel.load();
        viewModel.fromProperty().set(viewModel.toProperty().get());

        viewModel.compare();

        assertThat(host.drawn()).isEmpty();
        assertThat(viewModel.messageProperty().get()).startsWith("Choose two different snapshots");
    }

    @Test
    void theFirstSnapshotHasNothingBeforeIt() {
        DiffViewModel onDayOne = new DiffViewModel(new RecordingCanvasHost(DemoCatalogs.previous(),
                "product:sales.orders.placed"), DemoCatalogs.service(), new CurrentThreadTaskExecutor());

        onDayOne.load();

        assertThat(onDayOne.fromProperty().get()).isNull();
        assertThat(onDayOne.messageProperty().get()).contains("is the first of cluster demo");
    }
}
