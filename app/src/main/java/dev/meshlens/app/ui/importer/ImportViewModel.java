package dev.meshlens.app.ui.importer;

import dev.meshlens.app.ui.common.Formats;
import dev.meshlens.app.ui.service.CatalogService;
import dev.meshlens.app.ui.task.BackgroundTask;
import dev.meshlens.app.ui.task.TaskExecutor;
import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.importers.profile.ConnectionProfile;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import dev.meshlens.engine.store.StoreException;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The import dialog's state: which files, into which cluster, and the running import's progress, log and
 * outcome. The import runs as a {@link BackgroundTask}; failures become one readable message naming the file and
 * line, never a stack trace (that goes to the log file).
 */
public final class ImportViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ImportViewModel.class);

    private final CatalogService service;
    private final TaskExecutor executor;
    private final Consumer<Snapshot> onImported;

    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final StringProperty cluster = new SimpleStringProperty(this, "cluster", "");
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper(this, "cancelling");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper succeeded = new ReadOnlyBooleanWrapper(this, "succeeded");
    private final BooleanBinding canStart;
    private final ObservableList<ConnectionProfile> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<ConnectionProfile> profile = new SimpleObjectProperty<>(this, "profile");
    private final BooleanBinding canStartLive;
    private BackgroundTask<Snapshot> task;

    /**
     * @param defaultCluster the cluster the files describe unless the user says otherwise
     * @param onImported     runs on the UI thread with the new snapshot after a successful import
     */
    public ImportViewModel(CatalogService service, TaskExecutor executor, String defaultCluster,
                           Consumer<Snapshot> onImported) {
        this(service, executor, defaultCluster, onImported, List.of());
    }

    /**
     * @param defaultCluster the cluster the files describe unless the user says otherwise
     * @param onImported     runs on the UI thread with the new snapshot after a successful import
     * @param liveProfiles   the connection profiles of {@code meshlens profile}, offered for a live import
     */
    public ImportViewModel(CatalogService service, TaskExecutor executor, String defaultCluster,
                           Consumer<Snapshot> onImported, List<ConnectionProfile> liveProfiles) {
        this.service = Objects.requireNonNull(service);
        this.executor = Objects.requireNonNull(executor);
        this.onImported = Objects.requireNonNull(onImported);
        cluster.set(defaultCluster == null ? "" : defaultCluster);
        canStart = Bindings.createBooleanBinding(() -> !running.get() && !files.isEmpty()
                && cluster.get() != null && !cluster.get().isBlank(), running, cluster, files);
        status.set("Add files to import: Kafka CLI listings, catalog sheets, schema folders or trace logs.");
        profiles.setAll(liveProfiles);
        // as 'meshlens import --kafka PROFILE': the profile's name is the cluster's unless the user says otherwise
        profile.addListener((obs, old, chosen) -> {
            if (chosen != null && !running.get()) {
                cluster.set(chosen.name());
                status.set("Ready to import the live cluster of profile '" + chosen.name() + "'"
                        + (chosen.registry() == null ? "" : " and its Schema Registry") + ".");
            }
        });
        canStartLive = Bindings.createBooleanBinding(() -> !running.get() && profile.get() != null
                && cluster.get() != null && !cluster.get().isBlank(), running, cluster, profile);
    }

    /**
     * Starts the live import of the chosen profile's cluster in the background (Admin API, and the profile's
     * registry), as {@code meshlens import --kafka PROFILE} does. Does nothing when
     * {@link #canStartLiveProperty()} is false.
     *
     * @return whether an import started
     */
    public boolean startLive() {
        if (!canStartLive.get()) {
            return false;
        }
        ConnectionProfile chosen = profile.get();
        String target = cluster.get().trim();
        List<String> intro = List.of("Importing the live cluster of profile '" + chosen.name() + "' into cluster '"
                + target + "':", "  Kafka client properties " + chosen.kafka()
                + (chosen.registry() == null ? "" : ", registry " + chosen.registry()));
        progress.set(BackgroundTask.INDETERMINATE);
        launch("Importing profile " + chosen.name(), "Importing the live cluster into '" + target + "'\u2026", intro,
                context -> service.importLive(target, chosen, context));
        return true;
    }

    /** Adds {@code paths} (ignoring ones already listed), e.g. from the file chooser or a drop. */
    public void addFiles(Collection<Path> paths) {
        for (Path path : paths) {
            Path normalized = path.toAbsolutePath().normalize();
            if (!files.contains(normalized)) {
                files.add(normalized);
            }
        }
        if (!running.get()) {
            error.set("");
            succeeded.set(false);
            status.set(files.isEmpty() ? status.get() : Formats.count(files.size(), "file", "files")
                    + " ready to import into cluster '" + cluster.get() + "'.");
        }
    }

    /** Removes {@code path} from the list. */
    public void removeFile(Path path) {
        if (!running.get()) {
            files.remove(path);
        }
    }

    /**
     * Starts the import in the background. Does nothing when {@link #canStartProperty()} is false.
     *
     * @return whether an import started
     */
    public boolean start() {
        if (!canStart.get()) {
            return false;
        }
        List<Path> toImport = List.copyOf(files);
        String target = cluster.get().trim();
        progress.set(0);
        List<String> intro = new java.util.ArrayList<>();
        intro.add("Importing into cluster '" + target + "':");
        toImport.forEach(f -> intro.add("  " + f));
        launch("Importing " + Formats.count(toImport.size(), "file", "files"),
                "Importing " + Formats.count(toImport.size(), "file", "files") + " into '" + target + "'\u2026", intro,
                context -> {
                    checkReadable(toImport);
                    return service.importFiles(target, toImport, context);
                });
        return true;
    }

    /** Runs one import in the background, with its log, outcome and Cancel. */
    private void launch(String title, String statusText, List<String> intro, BackgroundTask.Work<Snapshot> work) {
        log.setAll(intro);
        error.set("");
        succeeded.set(false);
        running.set(true);
        cancelling.set(false);
        status.set(statusText);
        task = BackgroundTask.<Snapshot>of(title, work)
                .onLog(log::add)
                .onSuccess(snapshot -> {
                    succeeded.set(true);
                    status.set("Imported as snapshot #" + snapshot.id() + ".");
                    log.add("Done: snapshot #" + snapshot.id() + " covers " + snapshot.sources().stream()
                            .map(s -> s.label()).sorted().toList() + ".");
                    onImported.accept(snapshot);
                })
                .onFailure(failure -> {
                    String message = describe(failure);
                    error.set(message);
                    status.set("Nothing was imported; the catalog is unchanged.");
                    log.add("Error: " + message);
                })
                .onCancelled(() -> {
                    status.set("Import cancelled; the catalog is unchanged.");
                    log.add("Cancelled; nothing was imported.");
                })
                .onFinished(() -> {
                    running.set(false);
                    cancelling.set(false);
                });
        task.progressProperty().addListener((obs, old, now) -> progress.set(now.doubleValue()));
        executor.execute(task);
    }

    /** Asks the running import to stop; the catalog stays exactly as it was. */
    public void cancel() {
        if (task != null && running.get()) {
            cancelling.set(true);
            status.set("Cancelling\u2026");
            task.cancel();
        }
    }

    private static void checkReadable(List<Path> paths) {
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new InputException(path.toString(), 0, "no such file");
            }
            if (!Files.isReadable(path)) {
                throw new InputException(path.toString(), 0, "cannot be read (permission denied)");
            }
        }
    }

    /** Turns a failure into one sentence for the user; unexpected failures are logged with their stack trace. */
    static String describe(Throwable failure) {
        if (failure instanceof InputException || failure instanceof StoreException) {
            // both carry messages written for the user: file and line, or what the store refused and why
            return failure.getMessage();
        }
        if (failure instanceof NoSuchFileException e) {
            return e.getFile() + ": no such file";
        }
        if (failure instanceof AccessDeniedException e) {
            return e.getFile() + ": cannot be read (permission denied)";
        }
        if (failure instanceof IOException e) {
            return "Could not read the files: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage());
        }
        LOG.error("Import failed unexpectedly", failure);
        String message = failure.getMessage();
        return "The import failed: " + (message == null || message.isBlank() ? failure.getClass().getSimpleName()
                : message) + " (details in ~/.meshlens/logs/meshlens.log)";
    }

    /** The files to import. */
    public ObservableList<Path> files() {
        return files;
    }

    /** The cluster the files describe. */
    public StringProperty clusterProperty() {
        return cluster;
    }

    /** The readable log of the current or last import. */
    public ObservableList<String> log() {
        return log;
    }

    /** Whether an import is running. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Whether Cancel was pressed and the import is rolling back. */
    public ReadOnlyBooleanProperty cancellingProperty() {
        return cancelling.getReadOnlyProperty();
    }

    /** Progress of the running import from 0 to 1, or -1 while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** One line on what is happening or what happened. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The last import's error, naming file and line; empty when there was none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Whether the last import landed. */
    public ReadOnlyBooleanProperty succeededProperty() {
        return succeeded.getReadOnlyProperty();
    }

    /** The connection profiles offered for a live import. */
    public ObservableList<ConnectionProfile> profiles() {
        return profiles;
    }

    /** The profile chosen for a live import, or null. */
    public ObjectProperty<ConnectionProfile> profileProperty() {
        return profile;
    }

    /** Whether "Import cluster" can be pressed: a profile chosen, a cluster named, nothing running. */
    public BooleanBinding canStartLiveProperty() {
        return canStartLive;
    }

    /** Whether Import can be pressed: files listed, a cluster named, nothing running. */
    public BooleanBinding canStartProperty() {
        return canStart;
    }
}
