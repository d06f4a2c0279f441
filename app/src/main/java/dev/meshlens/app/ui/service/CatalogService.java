package dev.meshlens.app.ui.service;

import dev.meshlens.app.ui.task.TaskContext;
import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.export.ExportFormat;
import dev.meshlens.engine.export.ExportResult;
import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.importers.profile.ConnectionProfile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * What the window needs from a catalog, and nothing about how it is stored: the port between the view models
 * and the store, lineage and importers. Every method may block (a database, files), so view models call it only
 * from {@link dev.meshlens.app.ui.task.BackgroundTask}s. Implementations are thread-safe.
 */
public interface CatalogService extends AutoCloseable {

    /** Where the catalog lives, for the status bar, e.g. {@code ~/.meshlens/catalog}; never holds credentials. */
    String location();

    /** A short name for the window title, e.g. {@code catalog} for {@code ~/.meshlens/catalog}. */
    String name();

    /**
     * Whether the catalog was opened read-only (another Meshlens holds it): then every import is refused and the
     * window offers none.
     */
    default boolean readOnly() {
        return false;
    }

    /** The clusters that have at least one snapshot, sorted by name; empty for a new catalog. */
    List<String> clusters();

    /** Every snapshot of {@code cluster}, oldest first; empty for an unknown cluster. */
    List<Snapshot> snapshots(String cluster);

    /**
     * The catalog of {@code cluster} as of snapshot {@code snapshotId}, with what the window shows beside each
     * topic (producers, consumers, upstream tiers).
     *
     * @throws IllegalArgumentException when the snapshot does not exist or belongs to another cluster
     */
    LoadedCatalog load(String cluster, long snapshotId);

    /**
     * Imports {@code files} into {@code cluster} as one new snapshot, all or nothing: on failure or cancellation
     * the catalog is exactly as it was. Reports progress per file and logs what each file held.
     *
     * @param files    the files, each of a kind the file importers recognise by name and content
     * @param context  receives progress and log lines; its {@link TaskContext#isCancelled()} is polled while
     *                 reading
     * @return the snapshot the import created
     * @throws InputException        naming the file and line of the first malformed input
     * @throws IOException           when a file cannot be read
     * @throws CancellationException when the context was cancelled before the import committed
     */
    Snapshot importFiles(String cluster, List<Path> files, TaskContext context) throws IOException;

    /**
     * Imports a live cluster through the Admin API, and its Schema Registry when the profile names one, as one
     * new snapshot of {@code cluster}: the same import as {@code meshlens import --kafka PROFILE}. All or
     * nothing: on failure or cancellation the catalog is exactly as it was. Logs a line per broker call.
     *
     * @param context receives progress and log lines; its cancellation stops the import
     * @throws dev.meshlens.engine.model.InputException naming the broker call (or the profile's file) that failed
     * @throws CancellationException                    when the context was cancelled before the import committed
     * @throws UnsupportedOperationException            when this catalog cannot import from a cluster
     */
    default Snapshot importLive(String cluster, ConnectionProfile profile, TaskContext context) throws IOException {
        throw new UnsupportedOperationException("this catalog cannot import from a live cluster");
    }

    /**
     * Exports the catalog of {@code cluster} as of snapshot {@code snapshotId} into {@code dir}, exactly as
     * {@code meshlens export --snapshot ID} does (same lineage, same bytes), with a {@code MANIFEST.json}.
     *
     * @param impactProduct the product (topic or catalog name) whose impact list {@code csv} adds, or null
     * @throws dev.meshlens.engine.export.ExportException when the directory is not empty or cannot be written, or
     *                                                    the impact product is unknown
     * @throws UnsupportedOperationException              when this catalog cannot export
     */
    default ExportResult export(String cluster, long snapshotId, Path dir, Set<ExportFormat> formats,
                                String impactProduct) {
        throw new UnsupportedOperationException("this catalog cannot export");
    }

    /**
     * Imports the bundled demo mesh (cluster {@code demo}) as its history of snapshots, for a first start on an
     * empty catalog.
     *
     * @return the snapshots created, oldest first
     * @throws IOException when the demo files cannot be prepared
     * @throws dev.meshlens.engine.store.StoreException when the catalog refuses them (e.g. it holds newer
     *                                                  snapshots)
     */
    List<Snapshot> importDemo(TaskContext context) throws IOException;

    /** Releases the store. */
    @Override
    void close();
}
