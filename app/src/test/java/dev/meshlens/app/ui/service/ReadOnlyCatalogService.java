package dev.meshlens.app.ui.service;

import dev.meshlens.app.ui.task.TaskContext;
import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.store.StoreException;

import java.nio.file.Path;
import java.util.List;

/** A catalog opened read-only, as when another Meshlens holds it: reads pass through, imports are refused. */
public final class ReadOnlyCatalogService implements CatalogService {
    private final CatalogService catalog;

    public ReadOnlyCatalogService(CatalogService catalog) {
        this.catalog = catalog;
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public String location() {
        return catalog.location();
    }

    @Override
    public String name() {
        return catalog.name();
    }

    @Override
    public List<String> clusters() {
        return catalog.clusters();
    }

    @Override
    public List<Snapshot> snapshots(String cluster) {
        return catalog.snapshots(cluster);
    }

    @Override
    public LoadedCatalog load(String cluster, long snapshotId) {
        return catalog.load(cluster, snapshotId);
    }

    @Override
    public Snapshot importFiles(String cluster, List<Path> files, TaskContext context) {
        throw new StoreException("cannot import into catalog " + location() + ": catalog opened read-only");
    }

    @Override
    public List<Snapshot> importDemo(TaskContext context) {
        throw new StoreException("cannot import into catalog " + location() + ": catalog opened read-only");
    }

    @Override
    public void close() {
        catalog.close();
    }
}
