package dev.meshlens.app.ui.export;

import dev.meshlens.app.ui.service.CatalogService;
import dev.meshlens.app.ui.task.BackgroundTask;
import dev.meshlens.app.ui.task.TaskExecutor;
import dev.meshlens.engine.export.ExportException;
import dev.meshlens.engine.export.ExportFormat;
import dev.meshlens.engine.export.ExportResult;
import dev.meshlens.engine.export.ExportVerifier;
import dev.meshlens.engine.export.ExportedFile;
import dev.meshlens.engine.export.Verification;
import dev.meshlens.engine.model.Snapshot;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The File ▸ Export snapshot dialog's state: which formats (every one by default), an optional impact product
 * for {@code csv}, the target directory and the snapshot (the one viewed, by default). Export runs
 * {@code SnapshotExporter} exactly as {@code meshlens export} does, on a background task, and lists the files
 * written with their SHA-256 and the manifest's digest; "Verify an export" runs {@code ExportVerifier} on a
 * directory and shows the verdict.
 */
public final class ExportViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ExportViewModel.class);

    private final CatalogService service;
    private final TaskExecutor executor;
    private final String cluster;
    private final Map<ExportFormat, BooleanProperty> formats = new EnumMap<>(ExportFormat.class);
    private final ObservableList<Snapshot> snapshots;
    private final ObjectProperty<Snapshot> snapshot = new SimpleObjectProperty<>(this, "snapshot");
    private final ObjectProperty<Path> directory = new SimpleObjectProperty<>(this, "directory");
    private final StringProperty impactProduct = new SimpleStringProperty(this, "impactProduct", "");
    private final ObservableList<String> written = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper manifestDigest = new ReadOnlyStringWrapper(this, "manifestDigest", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ObservableList<String> verdict = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper verifiedOk = new ReadOnlyBooleanWrapper(this, "verifiedOk");
    private final BooleanBinding canExport;

    /**
     * @param cluster   the cluster viewed
     * @param snapshots its snapshots, oldest first
     * @param viewed    the snapshot viewed, chosen by default
     */
    public ExportViewModel(CatalogService service, TaskExecutor executor, String cluster, List<Snapshot> snapshots,
                           Snapshot viewed) {
        this.service = Objects.requireNonNull(service);
        this.executor = Objects.requireNonNull(executor);
        this.cluster = Objects.requireNonNull(cluster);
        this.snapshots = FXCollections.observableArrayList(snapshots);
        snapshot.set(viewed);
        for (ExportFormat format : ExportFormat.values()) {
            formats.put(format, new SimpleBooleanProperty(this, format.label(), true));
        }
        BooleanProperty[] all = formats.values().toArray(BooleanProperty[]::new);
        canExport = Bindings.createBooleanBinding(() -> !running.get() && directory.get() != null
                && snapshot.get() != null && formats.values().stream().anyMatch(BooleanProperty::get),
                concat(all, running, directory, snapshot));
    }

    private static javafx.beans.Observable[] concat(BooleanProperty[] formats, javafx.beans.Observable... more) {
        javafx.beans.Observable[] all = new javafx.beans.Observable[formats.length + more.length];
        System.arraycopy(formats, 0, all, 0, formats.length);
        System.arraycopy(more, 0, all, formats.length, more.length);
        return all;
    }

    /**
     * Exports the chosen snapshot in the chosen formats into the chosen directory, in the background. Does nothing
     * when {@link #canExportProperty()} is false.
     *
     * @return whether an export started
     */
    public boolean export() {
        if (!canExport.get()) {
            return false;
        }
        Set<ExportFormat> chosen = EnumSet.noneOf(ExportFormat.class);
        formats.forEach((format, on) -> {
            if (on.get()) {
                chosen.add(format);
            }
        });
        Snapshot target = snapshot.get();
        Path dir = directory.get();
        String impact = impactProduct.get() == null || impactProduct.get().isBlank() ? null
                : impactProduct.get().strip();
        written.clear();
        manifestDigest.set("");
        error.set("");
        running.set(true);
        status.set("Exporting snapshot #" + target.id() + " to " + dir + "\u2026");
        executor.execute(BackgroundTask.<ExportResult>of("Exporting snapshot #" + target.id(),
                        context -> service.export(cluster, target.id(), dir, chosen, impact))
                .onSuccess(result -> {
                    result.files().forEach(f -> written.add(describe(f)));
                    written.add(describe(result.manifest()));
                    manifestDigest.set(result.manifest().sha256());
                    status.set("Exported snapshot #" + target.id() + " of cluster " + cluster + " to "
                            + result.directory() + ". Keep the manifest's SHA-256 apart from the export: with it,"
                            + " anyone can prove the export unaltered.");
                })
                .onFailure(failure -> {
                    if (!(failure instanceof ExportException)) {
                        LOG.error("Export failed", failure);
                    }
                    error.set(failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage());
                    status.set("Nothing was exported.");
                })
                .onFinished(() -> running.set(false)));
        return true;
    }

    /** Checks the export in {@code dir} against its manifest, in the background; the outcome lands in {@link #verdict()}. */
    public void verify(Path dir) {
        Objects.requireNonNull(dir, "dir");
        verdict.clear();
        verifiedOk.set(false);
        running.set(true);
        status.set("Verifying " + dir + "\u2026");
        executor.execute(BackgroundTask.<Verification>of("Verifying " + dir, context -> ExportVerifier.verify(dir))
                .onSuccess(result -> {
                    verifiedOk.set(result.ok());
                    if (result.ok()) {
                        verdict.add("Verified: all " + result.verified().size() + " files are as the manifest lists"
                                + " them.");
                    } else {
                        verdict.add("Verification failed: " + result.changed().size() + " changed, "
                                + result.added().size() + " added, " + result.removed().size() + " removed.");
                        verdict.addAll(result.problems());
                    }
                    status.set("Verified " + dir + ".");
                })
                .onFailure(failure -> {
                    verdict.add("Cannot verify " + dir + ": " + failure.getMessage());
                    status.set("Verification could not run.");
                })
                .onFinished(() -> running.set(false)));
    }

    private static String describe(ExportedFile file) {
        return file.path() + "  " + file.bytes() + " bytes  sha256 " + file.sha256();
    }

    /** Whether {@code format} is chosen; every format is, at first. */
    public BooleanProperty formatProperty(ExportFormat format) {
        return formats.get(format);
    }

    /** The snapshots of the cluster, oldest first. */
    public ObservableList<Snapshot> snapshots() {
        return snapshots;
    }

    /** The snapshot to export; the one viewed at first. */
    public ObjectProperty<Snapshot> snapshotProperty() {
        return snapshot;
    }

    /** The export directory: created when missing, refused when not empty. */
    public ObjectProperty<Path> directoryProperty() {
        return directory;
    }

    /** The product whose impact list {@code csv} adds; empty for none. */
    public StringProperty impactProductProperty() {
        return impactProduct;
    }

    /** The files the last export wrote, manifest last: path, size and SHA-256. */
    public ObservableList<String> written() {
        return written;
    }

    /** The SHA-256 of the last export's {@code MANIFEST.json}; empty before one. */
    public ReadOnlyStringProperty manifestDigestProperty() {
        return manifestDigest.getReadOnlyProperty();
    }

    /** What is happening or happened. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why the last export failed; empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Whether an export or verification runs. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The last verification's verdict: a summary line, then each changed, added or removed file. */
    public ObservableList<String> verdict() {
        return verdict;
    }

    /** Whether the last verification found the export exactly as its manifest lists it. */
    public ReadOnlyBooleanProperty verifiedOkProperty() {
        return verifiedOk.getReadOnlyProperty();
    }

    /** Whether Export can be pressed: a directory, a snapshot and at least one format chosen, nothing running. */
    public BooleanBinding canExportProperty() {
        return canExport;
    }
}
