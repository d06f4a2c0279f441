package dev.meshlens.app.ui.canvas.trace;

import dev.meshlens.app.ui.canvas.Mark;
import dev.meshlens.app.ui.canvas.modes.DemoCatalogs;
import dev.meshlens.app.ui.canvas.modes.RecordingCanvasHost;
import dev.meshlens.app.ui.task.CurrentThreadTaskExecutor;
import dev.meshlens.engine.trace.TraceGap;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class TraceViewModelTest {
    private final RecordingCanvasHost host = new RecordingCanvasHost(DemoCatalogs.current(),
            "product:sales.orders.enriched");
    private final TraceViewModel viewModel = new TraceViewModel(host, new CurrentThreadTaskExecutor(),
            ZoneOffset.UTC);

    @Test
    void loadingListsEveryKnownRecordInRecordIdOrder() {
        viewModel.load();

        assertThat(viewModel.records()).contains("sales.orders.enriched-0@0", "sales.orders.placed-1@0");
        assertThat(viewModel.records().indexOf("sales.orders.enriched-0@2"))
                .isLessThan(viewModel.records().indexOf("sales.orders.enriched-0@10"));
    }

    @Test
    void suggestionsPreferIdsStartingWithWhatWasTyped() {
        viewModel.load();

        assertThat(viewModel.suggestions("sales.orders.enriched-0@1")).startsWith("sales.orders.enriched-0@1",
                "sales.orders.enriched-0@10");
        assertThat(viewModel.suggestions("enriched-2@1")).allMatch(id -> id.contains("enriched-2@1"));
        assertThat(viewModel.suggestions("")).isEmpty();
    }

    @Test
    void tracingDrawsTheChainAndListsTheGaps() {
        viewModel.recordIdProperty().set("sales.orders.enriched-0@0");

        viewModel.trace();

        assertThat(host.last().focus()).isEqualTo("record:sales.orders.enriched-0@0");
        assertThat(host.last().marked(Mark.GAP)).isNotEmpty();
        assertThat(viewModel.gaps()).extracting(TraceGap::kind).contains(TraceGap.Kind.JOIN,
                TraceGap.Kind.SILENT_CONSUMER);
        // the demo's hops are dated when it is loaded: the time comes from the trace itself
        String at = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .withZone(java.time.ZoneOffset.UTC).format(dev.meshlens.engine.trace.RecordLineage.of(
                        DemoCatalogs.current().state(), DemoCatalogs.current().lineage())
                .trace("sales.orders.enriched-0@0").hop().at());
        assertThat(viewModel.summaryProperty().get()).isEqualTo("sales.orders.enriched-0@0 was emitted by "
                + "User:order-enricher at " + at + " UTC; 3 ancestors, 6 descendants, "
                + viewModel.gaps().size() + " gaps.");
    }

    @Test
    void anUnknownRecordIsAMessageWithTheNearestKnownOnes() {
        viewModel.recordIdProperty().set("sales.orders.enriched-0@999");

        viewModel.trace();

        assertThat(host.drawn()).isEmpty();
        assertThat(viewModel.messageProperty().get()).startsWith("No hop names record sales.orders.enriched-0@999 in "
                + "snapshot #").contains("; nearest known: sales.orders.enriched-0@");
    }

    @Test
    void textThatIsNotARecordIdIsExplained() {
        viewModel.recordIdProperty().set("orders");

        viewModel.trace();

        assertThat(viewModel.messageProperty().get()).isEqualTo("'orders' is not a record id: expected "
                + "topic-partition@offset, e.g. sales.orders.placed-0@0.");
    }

    @Test
    void pickingARecordTracesIt() {
        viewModel.load();

        viewModel.pick("sales.orders.placed-1@0");

        assertThat(host.last().focus()).isEqualTo("record:sales.orders.placed-1@0");
    }
}
