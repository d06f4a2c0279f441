package dev.meshlens.app.ui.service;

import dev.meshlens.app.ui.task.TaskContext;
import dev.meshlens.engine.lineage.LineageGraph;
import dev.meshlens.engine.lineage.LineageOptions;
import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.store.CatalogStore;
import dev.meshlens.engine.store.ImportSession;
import dev.meshlens.importers.file.FileImporter;
import dev.meshlens.importers.file.FileKind;
import dev.meshlens.importers.file.ImportProgress;
import dev.meshlens.importers.schema.SchemaFolderImporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The window's catalog over the real engine: snapshots from the {@link CatalogStore}, lineage from
 * {@link LineageGraph}, imports through the file importers (a folder is read as a schema folder). Each import
 * is one store transaction, so a malformed file or Cancel leaves the catalog exactly as it was.
 */
public final class StoreCatalogService implements CatalogService {
    private static final Logger LOG = LoggerFactory.getLogger(StoreCatalogService.class);

    private final CatalogStore store;
    private final LineageOptions options;
    private final Clock clock;

    /**
     * @param store   the open store; closed by {@link #close()}
     * @param options how the lineage judges consumers (the lag threshold)
     * @param clock   the time given to new snapshots
     */
    public StoreCatalogService(CatalogStore store, LineageOptions options, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.options = Objects.requireNonNull(options);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Opens the catalog at {@code jdbcUrl}, creating it when it does not exist yet.
     *
     * @throws dev.meshlens.engine.store.StoreException naming the catalog and why it cannot be opened
     */
    public static StoreCatalogService open(String jdbcUrl) {
        return new StoreCatalogService(CatalogStore.open(jdbcUrl), LineageOptions.defaults(), Clock.systemUTC());
    }

    /** The store's location, without credentials. */
    @Override
    public String location() {
        return store.location();
    }

    /** The database's name: {@code catalog} for {@code jdbc:h2:file:~/.meshlens/catalog}. */
    @Override
    public String name() {
        return nameOf(store.location());
    }

    /** The last path element of a JDBC URL, without parameters. */
    static String nameOf(String jdbcUrl) {
        String url = jdbcUrl;
        int parameters = indexOfAny(url, ';', '?');
        if (parameters >= 0) {
            url = url.substring(0, parameters);
        }
        int cut = Math.max(url.lastIndexOf('/'), Math.max(url.lastIndexOf('\\'), url.lastIndexOf(':')));
        String name = url.substring(cut + 1);
        return name.isBlank() ? url : name;
    }

    private static int indexOfAny(String text, char a, char b) {
        int i = text.indexOf(a);
        int j = text.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    @Override
    public List<String> clusters() {
        return store.clusters();
    }

    @Override
    public List<Snapshot> snapshots(String cluster) {
        return store.snapshots().stream().filter(s -> s.cluster().equals(cluster)).toList();
    }

    /** Reads the state as of the snapshot and builds its lineage. */
    @Override
    public LoadedCatalog load(String cluster, long snapshotId) {
        Snapshot snapshot = store.snapshot(snapshotId)
                .orElseThrow(() -> new IllegalArgumentException("there is no snapshot #" + snapshotId));
        if (!snapshot.cluster().equals(cluster)) {
            throw new IllegalArgumentException("snapshot #" + snapshotId + " is of cluster " + snapshot.cluster()
                    + ", not " + cluster);
        }
        Snapshot newest = store.latest(cluster).orElse(snapshot);
        CatalogState state = store.state(cluster, snapshotId);
        // the store bounds the state by id; the snapshot viewed is the one asked for
        CatalogState asOf = new CatalogState(cluster, snapshot, state.sourceSnapshots(), state.content());
        LineageGraph lineage = LineageGraph.build(asOf, options);
        return new LoadedCatalog(asOf, newest, new LineageFacts(asOf, lineage));
    }

    /**
     * Imports the files as one snapshot. Files are read by kind detected from their content; a folder is read
     * as a schema folder.
     */
    @Override
    public Snapshot importFiles(String cluster, List<Path> files, TaskContext context) throws IOException {
        long total = 0;
        List<Long> sizes = new ArrayList<>();
        for (Path file : files) {
            long size = sizeOf(file);
            sizes.add(size);
            total += size;
        }
        String origin = String.join(", ", files.stream().map(f -> String.valueOf(f.getFileName())).toList());
        ByteProgress progress = new ByteProgress(context, total);
        try (ImportSession session = store.beginImport(cluster, origin, clock.instant())) {
            CancellableSink sink = new CancellableSink(session, context);
            FileImporter importer = new FileImporter(cluster, progress);
            for (int i = 0; i < files.size(); i++) {
                context.checkCancelled();
                Path file = files.get(i);
                if (Files.isDirectory(file)) {
                    context.updateMessage("Reading schema folder " + file.getFileName());
                    context.log("reading " + file.getFileName() + " (schema folder)");
                    int count = new SchemaFolderImporter().importTo(file, sink).size();
                    context.log("read " + file.getFileName() + ": " + count + " schema versions");
                } else {
                    importer.importFile(file, Optional.empty(), sink);
                }
                progress.fileDone(sizes.get(i));
            }
            context.checkCancelled();
            context.updateMessage("Saving the snapshot\u2026");
            Snapshot snapshot = session.commit();
            LOG.info("Imported {} into cluster {} as snapshot #{}", origin, cluster, snapshot.id());
            return snapshot;
        }
    }

    private static long sizeOf(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            try (Stream<Path> walk = Files.walk(file)) {
                return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            }
        }
        return Files.isRegularFile(file) ? Files.size(file) : 0;
    }

    @Override
    public void close() {
        store.close();
    }

    /** Turns the importers' per-file progress into progress over all files by bytes, and log lines. */
    private static final class ByteProgress implements ImportProgress {
        private final TaskContext context;
        private final long total;
        private final ImportProgress messages;
        private long doneBefore;

        ByteProgress(TaskContext context, long total) {
            this.context = context;
            this.total = total;
            this.messages = ImportProgress.messages(context::log);
        }

        @Override
        public void started(Path file, FileKind kind) {
            context.updateMessage("Reading " + file.getFileName() + " (" + kind.description() + ")");
            messages.started(file, kind);
        }

        @Override
        public void read(Path file, long lines, long chars) {
            context.updateProgress(doneBefore + chars, total);
            messages.read(file, lines, chars);
        }

        @Override
        public void finished(Path file, FileKind kind, long lines) {
            messages.finished(file, kind, lines);
        }

        void fileDone(long size) {
            doneBefore += size;
            context.updateProgress(doneBefore, total);
        }
    }
}
