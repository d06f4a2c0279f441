package dev.meshlens.app.ui.canvas.change;

import dev.meshlens.app.ui.canvas.Mark;
import dev.meshlens.app.ui.canvas.modes.DemoCatalogs;
import dev.meshlens.app.ui.canvas.modes.RecordingCanvasHost;
import dev.meshlens.app.ui.canvas.modes.ScriptedFileDialogs;
import dev.meshlens.app.ui.task.CurrentThreadTaskExecutor;
import dev.meshlens.engine.schema.CompatibilityMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeViewModelTest {
    private final RecordingCanvasHost host = new RecordingCanvasHost(DemoCatalogs.current(),
            "product:sales.orders.placed");
    private final ScriptedFileDialogs dialogs = new ScriptedFileDialogs();
    private final List<String> copied = new ArrayList<>();
    private final ChangeViewModel viewModel = new ChangeViewModel(host, new CurrentThreadTaskExecutor(), dialogs,
            copied::add);

    @TempDir
    Path dir;

    @Test
    void pickingTheDemoProposalShowsTheBreakAndDrawsIt() {
        dialogs.answer(DemoCatalogs.PROPOSED_V3);

        viewModel.pickSchema();

        assertThat(dialogs.asked()).containsExactly("open avsc,json,proto");
        assertThat(viewModel.verdictProperty().get()).isEqualTo("Breaking: 2 problems");
        assertThat(viewModel.breakingProperty().get()).isTrue();
        assertThat(viewModel.problems()).hasSize(2);
        assertThat(viewModel.detailsProperty().get()).contains("subject sales.orders.placed-value (versions 1, 2)")
                .contains("mode BACKWARD").endsWith("would break.");
        assertThat(host.last().marked(Mark.BREAKS)).contains("product:payments.ledger.entries");
    }

    @Test
    void cancellingThePickerJudgesNothing() {
        viewModel.pickSchema();

        assertThat(host.drawn()).isEmpty();
        assertThat(viewModel.verdictProperty().get()).isEmpty();
    }

    @Test
    void anUnparseableFileIsAMessageNamingItAndTheCanvasStaysAsItWas() throws Exception {
        Path bad = Files.writeString(dir.resolve("orders-v4.avsc"), "{\n  \"type\": \"record\",\n  oops\n}");

        viewModel.judge(bad);

        assertThat(viewModel.messageProperty().get()).startsWith("orders-v4.avsc:");
        assertThat(viewModel.messageProperty().get()).doesNotContain("Exception");
        assertThat(host.drawn()).isEmpty();
    }

    @Test
    void aFocusThatIsNotAProductIsExplained() {
        ChangeViewModel onService = new ChangeViewModel(new RecordingCanvasHost(DemoCatalogs.current(),
                "service:User:order-validator"), new CurrentThreadTaskExecutor(), dialogs, copied::add);

        onService.pickSchema();

        assertThat(onService.messageProperty().get()).startsWith("The change planner judges a product's schema");
        assertThat(dialogs.asked()).isEmpty();
    }

    @Test
    void changingTheModeJudgesTheSameFileAgain() {
        viewModel.judge(DemoCatalogs.PROPOSED_V3);

        viewModel.modeProperty().set(CompatibilityMode.NONE);

        assertThat(host.drawn()).hasSize(2);
        assertThat(viewModel.verdictProperty().get()).isEqualTo("Compatible");
        assertThat(host.last().marked(Mark.BREAKS)).isEmpty();
    }

    @Test
    void copyingContactsGivesEachOwnerOnce() {
        viewModel.judge(DemoCatalogs.PROPOSED_V3);

        String text = viewModel.copyContacts();

        assertThat(copied).containsExactly(text);
        assertThat(text.split(", ")).doesNotHaveDuplicates().contains("sales-team@shop.example",
                "finance-team@shop.example");
    }
}
