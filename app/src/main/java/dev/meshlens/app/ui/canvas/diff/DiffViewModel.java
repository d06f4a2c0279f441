package dev.meshlens.app.ui.canvas.diff;

import dev.meshlens.app.ui.canvas.CanvasHost;
import dev.meshlens.app.ui.canvas.Mark;
import dev.meshlens.app.ui.service.CatalogService;
import dev.meshlens.app.ui.service.LoadedCatalog;
import dev.meshlens.app.ui.task.BackgroundTask;
import dev.meshlens.app.ui.task.TaskExecutor;
import dev.meshlens.engine.diff.SnapshotDiff;
import dev.meshlens.engine.model.Snapshot;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Diff mode (issue #6, item 7): the user chooses two snapshots of the canvas's cluster (by default the one before
 * the shown snapshot, and the shown one); the other snapshot is loaded through the {@link CatalogService} on a
 * background task, the engine's {@link SnapshotDiff} compares them with both lineage graphs, and the canvas draws
 * the changes. Call {@link #load()} when the mode is entered. Used on the JavaFX thread.
 */
public final class DiffViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(DiffViewModel.class);

    private final CanvasHost host;
    private final CatalogService service;
    private final TaskExecutor executor;
    private final DiffBuilder builder = new DiffBuilder();
    private final ObservableList<Snapshot> snapshots = FXCollections.observableArrayList();
    private final ObjectProperty<Snapshot> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<Snapshot> to = new SimpleObjectProperty<>(this, "to");
    private final ObservableList<DiffRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private DiffAnalysis analysis;

    /**
     * @param host     the canvas; its catalog is the cluster and the default "to" snapshot
     * @param service  loads the other snapshot
     * @param executor runs loading and comparing off the JavaFX thread
     */
    public DiffViewModel(CanvasHost host, CatalogService service, TaskExecutor executor) {
        this.host = Objects.requireNonNull(host, "host");
        this.service = Objects.requireNonNull(service, "service");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /**
     * Lists the cluster's snapshots on a background task and chooses the defaults: the snapshot before the one the
     * canvas shows, and that one.
     */
    public void load() {
        String cluster = host.catalog().state().cluster();
        long shown = host.catalog().snapshot().id();
        busy.set(true);
        executor.execute(BackgroundTask.of("Snapshots of " + cluster, ctx -> service.snapshots(cluster))
                .onSuccess(list -> {
                    snapshots.setAll(list);
                    int current = indexOf(list, shown);
                    to.set(current >= 0 ? list.get(current) : null);
                    from.set(current > 0 ? list.get(current - 1) : null);
                    message.set(current > 0 ? "" : "Snapshot #" + shown + " is the first of cluster " + cluster
                            + ": choose a later one to compare with.");
                })
                .onFailure(e -> {
                    LOG.warn("Listing snapshots failed", e);
                    message.set("Cannot list the snapshots of " + cluster + ": " + e.getMessage());
                })
                .onFinished(() -> busy.set(false)));
    }

    private static int indexOf(List<Snapshot> list, long id) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    /** Loads the two chosen snapshots, diffs them on a background task and draws the changes. */
    public void compare() {
        Snapshot a = from.get();
        Snapshot b = to.get();
        if (a == null || b == null) {
            message.set("Choose two snapshots to compare.");
            return;
        }
        if (a.id() == b.id()) {
            message.set("Choose two different snapshots: #" + a.id() + " is both.");
            return;
        }
        LoadedCatalog shown = host.catalog();
        String cluster = shown.state().cluster();
        String focus = host.focus();
        busy.set(true);
        message.set("Comparing snapshot #" + a.id() + " with #" + b.id() + "…");
        executor.execute(BackgroundTask.of("Comparing #" + a.id() + " with #" + b.id(), ctx -> {
                    LoadedCatalog older = a.id() == shown.snapshot().id() ? shown : service.load(cluster, a.id());
                    ctx.checkCancelled();
                    LoadedCatalog newer = b.id() == shown.snapshot().id() ? shown : service.load(cluster, b.id());
                    ctx.checkCancelled();
                    SnapshotDiff diff = new SnapshotDiff(older.state(), older.lineage(), newer.state(),
                            newer.lineage());
                    return builder.build(diff, older.lineage(), newer.lineage(), focus);
                })
                .onSuccess(this::apply)
                .onFailure(e -> {
                    LOG.warn("Comparing snapshots failed", e);
                    message.set("Cannot compare #" + a.id() + " with #" + b.id() + ": " + e.getMessage());
                })
                .onFinished(() -> busy.set(false)));
    }

    private void apply(DiffAnalysis result) {
        analysis = result;
        rows.setAll(result.rows());
        summary.set(result.rows().isEmpty() ? "Nothing changed from snapshot #" + result.fromSnapshot() + " to #"
                + result.toSnapshot() + "."
                : result.rows().size() + " changes from snapshot #" + result.fromSnapshot() + " to #"
                + result.toSnapshot() + ". Nodes: " + result.nodes(Mark.ADDED) + " added, "
                + result.nodes(Mark.REMOVED) + " removed, " + result.nodes(Mark.CHANGED) + " changed. Edges: "
                + result.edges(Mark.ADDED) + " added, " + result.edges(Mark.REMOVED) + " removed, "
                + result.edges(Mark.CHANGED) + " changed.");
        message.set("");
        host.draw(result.graph());
    }

    /** Leaves the mode: the canvas draws the focus's neighbourhood again. */
    public void close() {
        host.restore();
    }

    /** The last analysis drawn, if any. */
    public Optional<DiffAnalysis> analysis() {
        return Optional.ofNullable(analysis);
    }

    /** Every snapshot of the cluster, oldest first. */
    public ObservableList<Snapshot> snapshots() {
        return snapshots;
    }

    /** The older side of the comparison. */
    public ObjectProperty<Snapshot> fromProperty() {
        return from;
    }

    /** The newer side of the comparison. */
    public ObjectProperty<Snapshot> toProperty() {
        return to;
    }

    /** Every change of the last comparison. */
    public ObservableList<DiffRow> rows() {
        return rows;
    }

    /** The counts of the last comparison. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Progress or what went wrong. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True while snapshots are listed or compared. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
