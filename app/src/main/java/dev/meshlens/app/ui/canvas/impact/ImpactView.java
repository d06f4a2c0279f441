package dev.meshlens.app.ui.canvas.impact;

import dev.meshlens.app.ui.canvas.modes.Panels;
import dev.meshlens.app.ui.common.Columns;
import dev.meshlens.app.ui.common.Formats;
import dev.meshlens.app.ui.common.TableCopy;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * The impact mode panel beside the canvas: a summary, the counts per depth and per tier, the table of affected
 * nodes and the CSV export. Thin: everything it shows comes from {@link ImpactViewModel}.
 */
public final class ImpactView {
    private ImpactView() {
    }

    /** The panel for {@code viewModel}, id {@code impact-panel}. */
    public static Node create(ImpactViewModel viewModel) {
        VBox panel = Panels.panel("impact-panel", "Impact");
        Label summary = Panels.text("impact-summary", viewModel.summaryProperty());
        FlowPane depths = counts("impact-by-depth");
        FlowPane tiers = counts("impact-by-tier");
        viewModel.byDepth().addListener((ListChangeListener<DepthCount>) c -> depths.getChildren().setAll(
                viewModel.byDepth().stream().map(d -> (Node) count("Depth " + d.depth(), d.count())).toList()));
        viewModel.byTier().addListener((ListChangeListener<TierCount>) c -> tiers.getChildren().setAll(
                viewModel.byTier().stream().map(t -> (Node) tierCount(t)).toList()));

        TableView<ImpactRow> table = new TableView<>(viewModel.rows());
        table.setId("impact-table");
        table.getColumns().setAll(List.of(
                Columns.text("Kind", ImpactRow::kind, 64),
                Columns.text("Name", ImpactRow::name, 190),
                Columns.text("Owner", r -> Formats.orNone(r.owner()), 170),
                Columns.valued("Tier", ImpactRow::tier, Formats::tier, 60, null),
                Columns.text("State", ImpactRow::state, 100),
                Columns.valued("Depth", ImpactRow::depth, String::valueOf, 50, "numeric"),
                Columns.text("Reached via", ImpactRow::via, 170)));
        table.setPlaceholder(new Label("Nothing downstream of the focus."));
        TableCopy.install(table, true, List.of());

        Button show = Panels.button("impact-show", "Refresh", viewModel::show);
        Button export = Panels.button("impact-export", "Export CSV…", viewModel::exportCsv);
        export.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(viewModel.rows()));
        show.disableProperty().bind(viewModel.busyProperty());
        Button back = Panels.button("impact-close", "Back to lineage", viewModel::close);
        panel.getChildren().addAll(summary, Panels.section("Per depth"), depths, Panels.section("Per tier"), tiers,
                new HBox(8, show, export, back), Panels.notice("impact-message", viewModel.messageProperty()),
                Panels.grow(table));
        return panel;
    }

    private static FlowPane counts(String id) {
        FlowPane pane = new FlowPane(10, 4);
        pane.setId(id);
        return pane;
    }

    private static Label tierCount(TierCount count) {
        Label chip = count(count.label(), count.count());
        chip.getStyleClass().add(count.tier() == null ? "chip-muted" : "tier-" + count.tier());
        return chip;
    }

    private static Label count(String label, int count) {
        Label text = new Label(label + ": " + count);
        text.getStyleClass().add("chip");
        return text;
    }
}
