package dev.meshlens.app.ui.canvas.tiers;

import dev.meshlens.app.ui.canvas.CanvasHost;
import dev.meshlens.app.ui.common.Formats;
import dev.meshlens.app.ui.service.LoadedCatalog;
import dev.meshlens.app.ui.task.BackgroundTask;
import dev.meshlens.app.ui.task.TaskExecutor;
import dev.meshlens.engine.tiers.TierChains;
import dev.meshlens.engine.tiers.TierReport;
import dev.meshlens.engine.tiers.TierViolation;
import dev.meshlens.engine.tiers.UnknownTier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/**
 * SLA tier chains (issue #6, item 5): every tier violation of the snapshot the canvas shows, from the engine's
 * {@link TierChains}; selecting one draws its limiting path on the canvas and explains it. Products and services
 * without a declared tier are listed apart. Call {@link #load()} when the mode is entered. Used on the JavaFX
 * thread.
 */
public final class TiersViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(TiersViewModel.class);

    private final CanvasHost host;
    private final TaskExecutor executor;
    private final TierPathBuilder builder = new TierPathBuilder();
    private final ObservableList<TierViolation> violations = FXCollections.observableArrayList();
    private final ObservableList<UnknownTier> unknown = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<TierViolation> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper(this, "explanation", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private LoadedCatalog loadedFor;

    /**
     * @param host     the canvas; its catalog is the snapshot judged
     * @param executor runs the tier propagation off the JavaFX thread
     */
    public TiersViewModel(CanvasHost host, TaskExecutor executor) {
        this.host = Objects.requireNonNull(host, "host");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** Finds every violation and unknown tier of the host's snapshot on a background task. */
    public void load() {
        LoadedCatalog catalog = host.catalog();
        message.set("Following tiers through the lineage…");
        executor.execute(BackgroundTask.of("Tier chains of snapshot #" + catalog.snapshot().id(),
                        ctx -> new TierChains(catalog.lineage(), catalog.state()).report())
                .onSuccess(report -> apply(catalog, report))
                .onFailure(e -> {
                    LOG.warn("Tier chains failed", e);
                    message.set("Cannot judge the tiers of this snapshot: " + e.getMessage());
                }));
    }

    private void apply(LoadedCatalog catalog, TierReport report) {
        loadedFor = catalog;
        violations.setAll(report.violations());
        unknown.setAll(report.unknown());
        selected.set(null);
        explanation.set("");
        message.set("");
        summary.set(report.violations().isEmpty()
                ? "No product or service promises a better tier than its upstream allows."
                : Formats.count(report.violations().size(), "product or service promises",
                "products and services promise") + " a better tier than their upstream allows; "
                + Formats.count(report.unknown().size(), "declares", "declare") + " no tier.");
    }

    /** Draws the limiting path of {@code violation} and explains it; null clears the selection. */
    public void select(TierViolation violation) {
        selected.set(violation);
        if (violation == null) {
            explanation.set("");
            return;
        }
        LoadedCatalog catalog = loadedFor != null ? loadedFor : host.catalog();
        explanation.set(TierPathBuilder.explanation(violation));
        host.draw(builder.build(violation, catalog.state(), catalog.lineage()));
    }

    /** Leaves the mode: the canvas draws the focus's neighbourhood again. */
    public void close() {
        host.restore();
    }

    /** Every violation, products before services, each by name. */
    public ObservableList<TierViolation> violations() {
        return violations;
    }

    /** Products and services without a declared tier. */
    public ObservableList<UnknownTier> unknown() {
        return unknown;
    }

    /** The violation whose path is drawn, or null. */
    public ReadOnlyObjectProperty<TierViolation> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** How many violations and unknown tiers there are. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Why the selected node cannot keep its promise. */
    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    /** Progress or what went wrong. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
