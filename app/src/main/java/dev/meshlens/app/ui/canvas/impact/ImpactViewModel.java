package dev.meshlens.app.ui.canvas.impact;

import dev.meshlens.app.ui.canvas.CanvasGraph;
import dev.meshlens.app.ui.canvas.CanvasHost;
import dev.meshlens.app.ui.canvas.modes.FileDialogs;
import dev.meshlens.app.ui.common.Formats;
import dev.meshlens.app.ui.service.LoadedCatalog;
import dev.meshlens.app.ui.task.BackgroundTask;
import dev.meshlens.app.ui.task.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Impact mode (issue #6, item 3): highlights everything downstream of the canvas's focus, counts it per depth and
 * per tier, lists it in a table and exports that table as CSV. Call {@link #show()} when the mode is entered;
 * {@link #close()} gives the canvas back its neighbourhood. Used on the JavaFX thread.
 */
public final class ImpactViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ImpactViewModel.class);

    private final CanvasHost host;
    private final TaskExecutor executor;
    private final FileDialogs dialogs;
    private final ImpactBuilder builder = new ImpactBuilder();
    private final ObservableList<ImpactRow> rows = FXCollections.observableArrayList();
    private final ObservableList<DepthCount> byDepth = FXCollections.observableArrayList();
    private final ObservableList<TierCount> byTier = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private ImpactAnalysis analysis;

    /**
     * @param host     the canvas the mode draws on
     * @param executor runs the traversal off the JavaFX thread
     * @param dialogs  asks where the CSV export goes
     */
    public ImpactViewModel(CanvasHost host, TaskExecutor executor, FileDialogs dialogs) {
        this.host = Objects.requireNonNull(host, "host");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
    }

    /**
     * Computes the impact of the host's current focus on a background task, then fills the table and counts and
     * draws the impact graph on the canvas.
     */
    public void show() {
        LoadedCatalog catalog = host.catalog();
        String focus = host.focus();
        CanvasGraph neighbourhood = host.neighbourhood();
        busy.set(true);
        message.set("Following everything downstream of " + focus + "…");
        executor.execute(BackgroundTask.of("Impact of " + focus,
                        ctx -> builder.build(catalog.state(), catalog.lineage(), focus, neighbourhood))
                .onSuccess(this::apply)
                .onFailure(e -> {
                    LOG.warn("Impact of {} failed", focus, e);
                    message.set("Cannot show the impact of " + focus + ": " + e.getMessage());
                })
                .onFinished(() -> busy.set(false)));
    }

    private void apply(ImpactAnalysis result) {
        analysis = result;
        rows.setAll(result.rows());
        byDepth.setAll(result.byDepth());
        byTier.setAll(result.byTier());
        long products = result.rows().stream().filter(r -> r.kind().equals("product")).count();
        summary.set(Formats.count(result.rows().size(), "node is", "nodes are") + " downstream of "
                + result.focus().substring(result.focus().indexOf(':') + 1) + ": "
                + Formats.count(products, "product", "products") + " and "
                + Formats.count(result.rows().size() - products, "consumer", "consumers") + ", "
                + Formats.count(result.byDepth().size(), "level", "levels") + " deep.");
        message.set("");
        host.draw(result.graph());
    }

    /**
     * Asks where to save the table and writes it there as CSV: a header row and every row.
     *
     * @return the file written, empty when there was nothing to export, the user cancelled or writing failed (the
     *         message then says why)
     */
    public Optional<Path> exportCsv() {
        if (analysis == null) {
            message.set("Nothing to export yet.");
            return Optional.empty();
        }
        String name = analysis.focus().substring(analysis.focus().indexOf(':') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
        Optional<Path> target = dialogs.save("Export impact table", "impact-" + name + ".csv");
        if (target.isEmpty()) {
            return Optional.empty();
        }
        try {
            Files.writeString(target.get(), analysis.csv(), StandardCharsets.UTF_8);
            message.set("Exported " + Formats.count(analysis.rows().size(), "row", "rows") + " to "
                    + target.get().getFileName() + ".");
            return target;
        } catch (IOException e) {
            LOG.warn("Could not write the impact table to {}: {}", target.get(), e.toString());
            message.set("Could not write " + target.get() + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Leaves the mode: the canvas draws the focus's neighbourhood again. */
    public void close() {
        host.restore();
    }

    /** The last analysis shown, if any. */
    public Optional<ImpactAnalysis> analysis() {
        return Optional.ofNullable(analysis);
    }

    /** Every impacted node, by depth, then kind, then name. */
    public ObservableList<ImpactRow> rows() {
        return rows;
    }

    /** Impacted nodes per depth. */
    public ObservableList<DepthCount> byDepth() {
        return byDepth;
    }

    /** Impacted nodes per declared tier, unknown last. */
    public ObservableList<TierCount> byTier() {
        return byTier;
    }

    /** One sentence on how much is impacted. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Progress, outcome of an export, or what went wrong. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True while the impact is being computed. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
