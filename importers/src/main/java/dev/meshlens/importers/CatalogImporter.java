package dev.meshlens.importers;

import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.store.CatalogStore;
import dev.meshlens.engine.store.ImportSession;
import dev.meshlens.importers.file.FileImporter;
import dev.meshlens.importers.file.FileKind;
import dev.meshlens.importers.file.ImportProgress;
import dev.meshlens.importers.schema.SchemaFolderImporter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Imports files, folders and other sources (a Schema Registry, a cluster) into a catalog as one snapshot: all of
 * them land, or, at the first bad line or failed call, none. Files are read by their detected kind; a folder is read
 * as a schema folder. The command line and the desktop app both import through this class.
 */
public final class CatalogImporter {
    private final CatalogStore store;
    private final ImportProgress progress;

    /**
     * @param progress told what is read; a progress callback may throw
     *                 {@link java.util.concurrent.CancellationException} to cancel, which leaves the store as it
     *                 was
     */
    public CatalogImporter(CatalogStore store, ImportProgress progress) {
        this.store = Objects.requireNonNull(store, "store");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /**
     * Imports {@code paths} as one new snapshot of {@code cluster}.
     *
     * @param kind    read every file as this kind instead of detecting it
     * @param takenAt when the data was captured; not before the newest snapshot
     * @return the new snapshot
     * @throws InputException naming the file and line of the first bad input; nothing is written then
     */
    public Snapshot importPaths(String cluster, List<Path> paths, Optional<FileKind> kind, Instant takenAt) {
        return importAll(cluster, paths, kind, List.of(), takenAt);
    }

    /**
     * Imports {@code paths}, then {@code sources}, as one new snapshot of {@code cluster}.
     *
     * @param kind    read every file as this kind instead of detecting it
     * @param takenAt when the data was captured; not before the newest snapshot
     * @return the new snapshot
     * @throws IllegalArgumentException when there are neither paths nor sources
     * @throws InputException           naming the file and line, or the source's call, of the first bad input;
     *                                  nothing is written then
     */
    public Snapshot importAll(String cluster, List<Path> paths, Optional<FileKind> kind, List<ImportSource> sources,
                              Instant takenAt) {
        if (paths.isEmpty() && sources.isEmpty()) {
            throw new IllegalArgumentException("nothing to import");
        }
        FileImporter files = new FileImporter(cluster, progress);
        SchemaFolderImporter schemas = new SchemaFolderImporter();
        try (ImportSession session = store.beginImport(cluster, origin(paths, sources), takenAt)) {
            for (Path path : paths) {
                if (Files.isDirectory(path)) {
                    importSchemaFolder(schemas, path, session);
                } else {
                    files.importFile(path, kind, session);
                }
            }
            for (ImportSource source : sources) {
                source.readInto(session);
            }
            return session.commit();
        }
    }

    private static void importSchemaFolder(SchemaFolderImporter schemas, Path folder, ImportSession session) {
        try {
            schemas.importTo(folder, session);
        } catch (IOException e) {
            throw new InputException(folder.toString(), 0, "cannot read the schema folder: " + e.getMessage(), e);
        }
    }

    /** What the snapshot says it was made from: the file names and sources, never contents or credentials. */
    private static String origin(List<Path> paths, List<ImportSource> sources) {
        Stream<String> files = paths.stream()
                .map(p -> p.getFileName() == null ? p.toString() : p.getFileName().toString());
        return Stream.concat(files, sources.stream().map(ImportSource::origin)).collect(Collectors.joining(", "));
    }
}
