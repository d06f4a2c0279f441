package dev.meshlens.importers;

import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.MeshSink;
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

/**
 * Imports files and folders, and any other {@link ImportSource} (a live cluster, a schema registry), into a
 * catalog as one snapshot: all of them land, or, at the first bad line or failed call, none. Files are read by
 * their detected kind; a folder is read as a schema folder. The command line and the desktop app both import
 * through this class.
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
        return importSources(cluster, List.of(files(cluster, paths, kind)), takenAt, new Cancellation());
    }

    /**
     * Imports {@code paths}, then {@code sources}, as one new snapshot of {@code cluster}.
     *
     * @param kind read every file as this kind instead of detecting it
     * @throws IllegalArgumentException when there are neither paths nor sources
     * @throws InputException           naming the file and line, or the source's call, of the first bad input;
     *                                  nothing is written then
     */
    public Snapshot importAll(String cluster, List<Path> paths, Optional<FileKind> kind, List<ImportSource> sources,
                              Instant takenAt) {
        List<ImportSource> all = new java.util.ArrayList<>();
        if (!paths.isEmpty()) {
            all.add(files(cluster, paths, kind));
        }
        all.addAll(sources);
        return importSources(cluster, all, takenAt, new Cancellation());
    }

    /**
     * Imports {@code sources}, read in order into one session, as one new snapshot of {@code cluster}. Its origin
     * is the sources' origins, joined.
     *
     * @param cancellation checked once more after the last source, so an import cancelled while it was being
     *                     read never commits
     * @return the new snapshot
     * @throws InputException                            from the first source that fails; nothing is written then
     * @throws java.util.concurrent.CancellationException when the import was cancelled; nothing is written then
     * @throws IllegalArgumentException                  when {@code sources} is empty
     */
    public Snapshot importSources(String cluster, List<ImportSource> sources, Instant takenAt,
                                  Cancellation cancellation) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("nothing to import");
        }
        Objects.requireNonNull(cancellation, "cancellation");
        String origin = sources.stream().map(ImportSource::origin).distinct().collect(Collectors.joining(", "));
        try (ImportSession session = store.beginImport(cluster, origin, takenAt)) {
            for (ImportSource source : sources) {
                cancellation.throwIfCancelled();
                source.readInto(session);
            }
            cancellation.throwIfCancelled();
            return session.commit();
        }
    }

    /**
     * The files and folders {@code paths} as one source: files by their kind ({@code kind} or detected), folders
     * as schema folders; the origin is their file names.
     *
     * @throws IllegalArgumentException when {@code paths} is empty
     */
    public ImportSource files(String cluster, List<Path> paths, Optional<FileKind> kind) {
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("nothing to import");
        }
        List<Path> copy = List.copyOf(paths);
        FileImporter files = new FileImporter(cluster, progress);
        SchemaFolderImporter schemas = new SchemaFolderImporter();
        return ImportSource.of(origin(copy), sink -> {
            for (Path path : copy) {
                if (Files.isDirectory(path)) {
                    importSchemaFolder(schemas, path, sink);
                } else {
                    files.importFile(path, kind, sink);
                }
            }
        });
    }

    private static void importSchemaFolder(SchemaFolderImporter schemas, Path folder, MeshSink sink) {
        try {
            schemas.importTo(folder, sink);
        } catch (IOException e) {
            throw new InputException(folder.toString(), 0, "cannot read the schema folder: " + e.getMessage(), e);
        }
    }

    /** What the snapshot says it was made from: the file names, never their contents or credentials. */
    private static String origin(List<Path> paths) {
        return paths.stream()
                .map(p -> p.getFileName() == null ? p.toString() : p.getFileName().toString())
                .collect(Collectors.joining(", "));
    }
}
