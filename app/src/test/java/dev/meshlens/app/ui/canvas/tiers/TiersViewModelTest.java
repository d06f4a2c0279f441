package dev.meshlens.app.ui.canvas.tiers;

import dev.meshlens.app.ui.canvas.Mark;
import dev.meshlens.app.ui.canvas.modes.DemoCatalogs;
import dev.meshlens.app.ui.canvas.modes.RecordingCanvasHost;
import dev.meshlens.app.ui.task.CurrentThreadTaskExecutor;
import dev.meshlens.engine.tiers.UnknownTier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TiersViewModelTest {
    private final RecordingCanvasHost host = new RecordingCanvasHost(DemoCatalogs.current(),
            "product:sales.orders.placed");
    private final TiersViewModel viewModel = new TiersViewModel(host, new CurrentThreadTaskExecutor());

    @Test
    void loadingListsEveryViolationAndTheUnknownTiersApart() {
        viewModel.load();

        assertThat(viewModel.violations()).hasSize(16);
        assertThat(viewModel.unknown()).extracting(UnknownTier::name).containsExactly("tmp.debug.orders-copy",
                "User:data-science", "User:dev-alice", "User:monitoring");
        assertThat(viewModel.summaryProperty().get()).isEqualTo("16 products and services promise a better tier "
                + "than their upstream allows; 4 declare no tier.");
        assertThat(host.drawn()).isEmpty();
    }

    @Test
    void selectingAViolationDrawsItsPathAndExplainsIt() {
        viewModel.load();

        viewModel.select(viewModel.violations().get(0));

        assertThat(host.last().marked(Mark.LIMITING)).hasSize(viewModel.violations().get(0).path().size());
        assertThat(viewModel.explanationProperty().get()).startsWith(viewModel.violations().get(0).name()
                + " promises Tier ");
    }

    @Test
    void clearingTheSelectionClearsTheExplanation() {
        viewModel.load();
        viewModel.select(viewModel.violations().get(0));

        viewModel.select(null);

        assertThat(viewModel.explanationProperty().get()).isEmpty();
    }
}
