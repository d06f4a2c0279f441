package dev.meshlens.app.ui.canvas.modes.mount;

import dev.meshlens.app.ui.canvas.CanvasHost;
import dev.meshlens.app.ui.canvas.change.ChangeView;
import dev.meshlens.app.ui.canvas.change.ChangeViewModel;
import dev.meshlens.app.ui.canvas.diff.DiffView;
import dev.meshlens.app.ui.canvas.diff.DiffViewModel;
import dev.meshlens.app.ui.canvas.impact.ImpactView;
import dev.meshlens.app.ui.canvas.impact.ImpactViewModel;
import dev.meshlens.app.ui.canvas.modes.FileDialogs;
import dev.meshlens.app.ui.canvas.tiers.TiersView;
import dev.meshlens.app.ui.canvas.tiers.TiersViewModel;
import dev.meshlens.app.ui.canvas.trace.TraceView;
import dev.meshlens.app.ui.canvas.trace.TraceViewModel;
import dev.meshlens.app.ui.service.CatalogService;
import dev.meshlens.app.ui.task.TaskExecutor;

import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds the five canvas modes of issue #6 (impact, breaking change, tier chains, record trace, diff) for one
 * canvas, each a view model bound to the canvas and its panel: what the canvas window mounts in its side area.
 * Call on the JavaFX thread.
 */
public final class CanvasModePanels {
    private CanvasModePanels() {
    }

    /**
     * The five modes, in the order of the issue.
     *
     * @param host      the canvas the modes draw on (its view model)
     * @param service   loads the other snapshot of a diff
     * @param executor  runs every mode's work off the JavaFX thread
     * @param dialogs   file choosers for the CSV export and the proposed schema
     * @param clipboard receives contacts the user copies
     * @param zone      the zone record trace times are shown in
     */
    public static List<MountedMode> create(CanvasHost host, CatalogService service, TaskExecutor executor,
                                           FileDialogs dialogs, Consumer<String> clipboard, ZoneId zone) {
        ImpactViewModel impact = new ImpactViewModel(host, executor, dialogs);
        ChangeViewModel change = new ChangeViewModel(host, executor, dialogs, clipboard);
        TiersViewModel tiers = new TiersViewModel(host, executor);
        TraceViewModel trace = new TraceViewModel(host, executor, zone);
        DiffViewModel diff = new DiffViewModel(host, service, executor);
        return List.of(
                new MountedMode("impact", "Impact", ImpactView.create(impact), impact::show),
                new MountedMode("change", "Breaking change", ChangeView.create(change), () -> { }),
                new MountedMode("tiers", "Tier chains", TiersView.create(tiers), tiers::load),
                new MountedMode("trace", "Record trace", TraceView.create(trace), trace::load),
                new MountedMode("diff", "Diff", DiffView.create(diff), diff::load));
    }
}
