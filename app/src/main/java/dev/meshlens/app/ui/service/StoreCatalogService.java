package dev.meshlens.app.ui.service;

import dev.meshlens.app.ui.task.TaskContext;
import dev.meshlens.app.cli.CatalogLocation;
import dev.meshlens.engine.lineage.LineageGraph;
import dev.meshlens.engine.lineage.LineageOptions;
import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.demo.DemoMesh;
import dev.meshlens.engine.store.CatalogStore;
import dev.meshlens.engine.export.ExportFormat;
import dev.meshlens.engine.export.ExportOptions;
import dev.meshlens.engine.export.ExportResult;
import dev.meshlens.engine.export.SnapshotExporter;
import dev.meshlens.engine.model.SchemaVersion;
import dev.meshlens.importers.Cancellation;
import dev.meshlens.importers.CatalogImporter;
import dev.meshlens.importers.ImportSource;
import dev.meshlens.importers.kafka.KafkaClientConfig;
import dev.meshlens.importers.kafka.KafkaImportOptions;
import dev.meshlens.importers.kafka.KafkaImportProgress;
import dev.meshlens.importers.kafka.KafkaSource;
import dev.meshlens.importers.kafka.SampleLimits;
import dev.meshlens.importers.kafka.StepResult;
import dev.meshlens.importers.profile.ConnectionProfile;
import dev.meshlens.importers.registry.RegistryCredentials;
import dev.meshlens.importers.registry.RegistryImportOptions;
import dev.meshlens.importers.registry.RegistryImporter;
import dev.meshlens.importers.registry.RegistrySource;
import dev.meshlens.importers.registry.SchemaRegistryClient;
import dev.meshlens.importers.file.FileKind;
import dev.meshlens.importers.file.ImportProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The window's catalog over the real engine: snapshots from the {@link CatalogStore}, lineage from
 * {@link LineageGraph}, imports through {@link CatalogImporter} (a folder is read as a schema folder). Each
 * import is one store transaction, so a malformed file or Cancel leaves the catalog exactly as it was.
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
        // a shared catalog's credentials come from the environment or the credentials file, as on the command line
        return new StoreCatalogService(CatalogLocation.open(jdbcUrl, System.getenv()), LineageOptions.defaults(),
                Clock.systemUTC());
    }

    /**
     * Opens the existing catalog at {@code jdbcUrl} read-only, also while another Meshlens holds it (see
     * {@link CatalogStore#openReadOnly}).
     *
     * @throws dev.meshlens.engine.store.StoreException naming the catalog and why it cannot be read
     */
    public static StoreCatalogService openReadOnly(String jdbcUrl) {
        return new StoreCatalogService(CatalogLocation.open(jdbcUrl, System.getenv(), true),
                LineageOptions.defaults(), Clock.systemUTC());
    }

    /**
     * Tries the catalog at {@code jdbcUrl} without changing it: opens it read-only (credentials as on the command
     * line), says what it holds, and closes it.
     *
     * @return e.g. {@code 12 snapshots (clusters prod, staging)}, or that another Meshlens has it open
     * @throws dev.meshlens.engine.store.StoreException naming the catalog and why it cannot be read, e.g. that
     *                                                  it does not exist yet
     */
    public static String probe(String jdbcUrl) {
        try (CatalogStore store = CatalogLocation.open(jdbcUrl, System.getenv(), true)) {
            List<String> clusters = store.clusters();
            int snapshots = store.snapshots().size();
            return snapshots + (snapshots == 1 ? " snapshot" : " snapshots")
                    + (clusters.isEmpty() ? "" : " (clusters " + String.join(", ", clusters) + ")");
        } catch (dev.meshlens.engine.store.CatalogInUseException e) {
            if (e.readableReadOnly()) {
                return "open in another Meshlens window; it will open read-only";
            }
            throw e;
        }
    }

    /** Whether the store refuses imports. */
    @Override
    public boolean readOnly() {
        return store.readOnly();
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
     * Imports the files as one snapshot through the importer the command line uses too: files by the kind their
     * content shows, a folder as a schema folder. Cancel is noticed at every progress report of the importers
     * (each file's start and end, and every mebibyte read); the session then rolls back.
     */
    @Override
    public Snapshot importFiles(String cluster, List<Path> files, TaskContext context) throws IOException {
        Map<Path, Long> before = new HashMap<>();
        long total = 0;
        for (Path file : files) {
            before.put(file, total);
            total += sizeOf(file);
        }
        ByteProgress progress = new ByteProgress(context, total, before);
        context.checkCancelled();
        Snapshot snapshot = new CatalogImporter(store, progress)
                .importPaths(cluster, files, Optional.empty(), clock.instant());
        context.updateProgress(total, total);
        LOG.info("Imported {} into cluster {} as snapshot #{}", snapshot.origin(), cluster, snapshot.id());
        return snapshot;
    }

    /**
     * Reads the cluster of {@code profile} through the Admin API (and its registry's REST API when the profile
     * names one) into one snapshot, as {@code meshlens import --kafka PROFILE} does. The task's Cancel reaches
     * the importer within {@value #CANCEL_POLL_MILLIS} ms, also while it waits for a broker; the session then
     * rolls back.
     */
    @Override
    public Snapshot importLive(String cluster, ConnectionProfile profile, TaskContext context) throws IOException {
        KafkaClientConfig client = KafkaClientConfig.load(profile.kafka());
        Cancellation cancellation = new Cancellation();
        KafkaImportProgress progress = new KafkaImportProgress() {
            @Override
            public void started(String step, String what) {
                context.updateMessage(what);
                context.log(what);
            }

            @Override
            public void finished(StepResult result) {
                context.log(result.toString());
            }
        };
        List<ImportSource> sources = new ArrayList<>();
        sources.add(new KafkaSource(client, KafkaImportOptions.defaults().withProgress(progress)
                .withCancellation(cancellation), List.of(),
                new SampleLimits(SampleLimits.DEFAULT_RECORDS, KafkaImportOptions.DEFAULT_TIMEOUT)));
        RegistrySource registry = null;
        if (profile.registry() != null) {
            SchemaRegistryClient registryClient = SchemaRegistryClient.builder(profile.registry())
                    .credentials(profile.registryCredentials() == null ? null
                            : RegistryCredentials.read(profile.registryCredentials()))
                    .build();
            RegistryImportOptions options = RegistryImportOptions.defaults()
                    .withPrevious(previousSchemas(cluster))
                    .withProgress(context::log);
            // as on the command line: a registry that cannot be read does not stop the cluster's import
            registry = RegistrySource.rest(new RegistryImporter(registryClient, options), true);
            sources.add(registry);
        }
        context.log("Importing cluster " + client.bootstrapServers() + " (profile " + profile.name() + ") into '"
                + cluster + "'");
        Thread watcher = watchCancel(context, cancellation);
        try {
            Snapshot snapshot = new CatalogImporter(store, ImportProgress.NONE)
                    .importSources(cluster, sources, clock.instant(), cancellation);
            if (registry != null) {
                registry.failure().ifPresent(e -> context.log("Schemas not imported, the catalog keeps the previous"
                        + " ones: " + e.getMessage()));
                registry.result().ifPresent(r -> r.failures().forEach(f -> context.log("Subject " + f.subject()
                        + " not imported: " + f.failure())));
            }
            LOG.info("Imported cluster {} (profile {}) as snapshot #{}", client.bootstrapServers(), profile.name(),
                    snapshot.id());
            return snapshot;
        } finally {
            watcher.interrupt();
        }
    }

    private static final long CANCEL_POLL_MILLIS = 100;

    /** Passes the task's Cancel on to the importer's flag, which it checks while waiting for the broker. */
    private static Thread watchCancel(TaskContext context, Cancellation cancellation) {
        Thread watcher = new Thread(() -> {
            try {
                while (!context.isCancelled()) {
                    Thread.sleep(CANCEL_POLL_MILLIS);
                }
                cancellation.cancel();
            } catch (InterruptedException e) {
                // the import ended
            }
        }, "meshlens-live-import-cancel");
        watcher.setDaemon(true);
        watcher.start();
        return watcher;
    }

    /** For each subject, the versions the newest snapshot of {@code cluster} holds; read only if a subject fails. */
    private java.util.function.Function<String, List<SchemaVersion>> previousSchemas(String cluster) {
        Map<String, List<SchemaVersion>>[] loaded = new Map[1];
        return subject -> {
            synchronized (loaded) {
                if (loaded[0] == null) {
                    loaded[0] = store.latest(cluster)
                            .map(s -> store.state(cluster, s.id()).content().schemas().stream()
                                    .collect(java.util.stream.Collectors.groupingBy(SchemaVersion::subject)))
                            .orElse(Map.of());
                }
                return loaded[0].getOrDefault(subject, List.of());
            }
        };
    }

    /** Builds the lineage as the command line does (consumers judged against the previous groups too). */
    @Override
    public ExportResult export(String cluster, long snapshotId, Path dir, Set<ExportFormat> formats,
                               String impactProduct) {
        CatalogState state = store.state(cluster, snapshotId);
        LineageGraph graph = dev.meshlens.app.cli.Lineage.build(store, state);
        ExportResult result = new SnapshotExporter(state, graph).export(dir, formats,
                new ExportOptions(impactProduct, dev.meshlens.app.cli.VersionProvider.version()));
        LOG.info("Exported snapshot #{} of cluster {} to {}", snapshotId, cluster, result.directory());
        return result;
    }

    /** Extracts the demo files to a temporary folder and imports them as {@link DemoMesh#imports()} lists. */
    @Override
    public List<Snapshot> importDemo(TaskContext context) throws IOException {
        Path files = Files.createTempDirectory("meshlens-demo");
        try {
            DemoMesh.extractTo(files);
            Instant now = clock.instant();
            List<Snapshot> snapshots = new ArrayList<>();
            List<DemoMesh.DemoImport> imports = DemoMesh.imports();
            for (int i = 0; i < imports.size(); i++) {
                DemoMesh.DemoImport demo = imports.get(i);
                context.checkCancelled();
                context.updateMessage("Loading the demo mesh: " + demo.name());
                context.log("demo: " + demo.name());
                List<Path> paths = new ArrayList<>(demo.files().stream().map(files::resolve).toList());
                if (demo.schemas() != null) {
                    paths.add(files.resolve(demo.schemas()));
                }
                snapshots.add(new CatalogImporter(store, ImportProgress.messages(context::log))
                        .importPaths(DemoMesh.CLUSTER, paths, Optional.empty(),
                                now.minus(Duration.ofDays(demo.daysAgo()))));
                context.updateProgress(i + 1, imports.size());
            }
            return snapshots;
        } finally {
            deleteTree(files);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("Could not remove the temporary demo files in {}: {}", dir, e.getMessage());
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

    /**
     * Turns the importers' per-file progress into progress over all files by bytes and into log lines, and
     * stops the import when the user cancelled.
     */
    private static final class ByteProgress implements ImportProgress {
        private final TaskContext context;
        private final long total;
        private final Map<Path, Long> before;
        private final ImportProgress messages;

        ByteProgress(TaskContext context, long total, Map<Path, Long> before) {
            this.context = context;
            this.total = total;
            this.before = before;
            this.messages = ImportProgress.messages(context::log);
        }

        @Override
        public void started(Path file, FileKind kind) {
            context.checkCancelled();
            context.updateMessage("Reading " + file.getFileName() + " (" + kind.description() + ")");
            context.updateProgress(before.getOrDefault(file, 0L), total);
            messages.started(file, kind);
        }

        @Override
        public void read(Path file, long lines, long chars) {
            context.checkCancelled();
            context.updateProgress(before.getOrDefault(file, 0L) + chars, total);
            messages.read(file, lines, chars);
        }

        @Override
        public void finished(Path file, FileKind kind, long lines) {
            messages.finished(file, kind, lines);
            context.checkCancelled();
        }
    }
}
