package dev.meshlens.app.cli;

import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.store.CatalogStore;
import dev.meshlens.importers.Cancellation;
import dev.meshlens.importers.CatalogImporter;
import dev.meshlens.importers.ExportImporter;
import dev.meshlens.importers.ImportSource;
import dev.meshlens.importers.file.FileKind;
import dev.meshlens.importers.file.ImportProgress;
import dev.meshlens.importers.kafka.KafkaImportProgress;
import dev.meshlens.importers.profile.ConnectionProfile;
import dev.meshlens.importers.registry.RegistrySource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * {@code meshlens import [--kafka PROFILE_OR_PROPERTIES] [FILE...]}: the files and the live cluster land together
 * as one new snapshot, or, on the first bad line or failed broker call, or on Ctrl-C, nothing lands at all.
 */
@Command(name = "import", description = {
        "Import files and/or a live cluster into the catalog as one new snapshot and print its id.",
        "Kafka's own outputs (kafka-acls --list, kafka-consumer-groups --describe [--members [--verbose]|--state], "
                + "kafka-topics --describe), the same data as JSON, the catalog sheet (CSV), services.csv and a "
                + "group mapping CSV. The kind of each file is read from its content.",
        "With --kafka, the cluster's ACLs, topics and consumer groups (with committed and end offsets) are read "
                + "through the Admin API, and the --sample topics' records for their lineage headers. Progress goes "
                + "to stderr; Ctrl-C cancels and writes nothing.",
        "Schemas can also come from a Schema Registry (--registry, or the --kafka profile's registry) or its "
                + "_schemas topic (--schemas-topic); a registry failure is reported and the rest lands, unless "
                + "--all-or-nothing.",
        "An export directory (meshlens export --format json) is imported on its own: it is verified first, then "
                + "restored as one snapshot dated at the exported snapshot's time."})
final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    MeshlensCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "Files to import; a folder is read as a schema folder, unless it is an export directory "
                    + "(it has a MANIFEST.json). Optional with --kafka.")
    List<Path> files = new ArrayList<>();

    @Mixin
    LiveKafkaOptions live;

    @Mixin
    RegistryOptions registry;

    @Option(names = "--cluster", paramLabel = "NAME",
            description = "The cluster the import describes. Default: the --kafka profile's name; else the "
                    + "catalog's only cluster, else 'default'.")
    String cluster;

    @Option(names = "--kind", paramLabel = "KIND",
            description = "Read every file as this kind instead of detecting it: ${COMPLETION-CANDIDATES}.",
            converter = FileKindConverter.class, completionCandidates = FileKindConverter.Labels.class)
    FileKind kind;

    @Option(names = "--taken-at", paramLabel = "DATE",
            description = "When the files were captured (default: now). Must not be before the newest snapshot.")
    String takenAt;

    @Option(names = "--format", defaultValue = "table", description = "table or json")
    OutputFormat format;

    @Override
    public Integer call() throws Exception {
        Optional<LiveKafkaOptions.Connection> connection = live.connection(root.profiles());
        connection.flatMap(LiveKafkaOptions.Connection::profile).ifPresent(registry::defaultsFrom);
        if (files.isEmpty() && connection.isEmpty() && !registry.reads()) {
            throw new CliException("nothing to import: give FILE..., --kafka PROFILE_OR_PROPERTIES, --registry URL "
                    + "or --schemas-topic");
        }
        Cancellation cancellation = new Cancellation();
        CtrlC ctrlC = CtrlC.install(cancellation);
        // the catalog is rolled back, closed and the outcome printed before a pending Ctrl-C lets the JVM exit
        try (CatalogStore store = root.openStore(CtrlC.closedByUs(root.jdbcUrl()))) {
            String target = cluster != null ? cluster : connection.flatMap(LiveKafkaOptions.Connection::profile)
                    .map(ConnectionProfile::name).orElseGet(() -> defaultCluster(store));
            Optional<Path> export = files.stream().filter(ExportImporter::isExport).findFirst();
            if (export.isPresent()) {
                return print(importExport(store, export.get(), connection));
            }
            Instant when = takenAt == null ? Instant.now() : Dates.parseAsOf(takenAt);
            CatalogImporter importer = new CatalogImporter(store, fileProgress(cancellation));
            List<ImportSource> sources = sources(importer, target, connection, cancellation);
            Consumer<String> messages = System.console() != null ? spec.commandLine().getErr()::println : m -> { };
            Optional<RegistrySource> schemas = registry.source(!sources.isEmpty(),
                    () -> connection.map(c -> c.client().clientProperties()),
                    RegistryOptions.previousSchemas(store, target), messages);
            schemas.ifPresent(sources::add);
            Snapshot snapshot = importer.importSources(target, sources, when, cancellation);
            schemas.ifPresent(source -> registry.report(source, spec.commandLine().getErr()));
            return print(snapshot);
        } catch (CancellationException e) {
            spec.commandLine().getErr().println("meshlens: cancelled; nothing was written");
            return MeshlensCli.EXIT_CANCELLED;
        } finally {
            ctrlC.close();
        }
    }

    /** The parts of this import, each landing in the same snapshot: the files, then the live cluster. */
    private List<ImportSource> sources(CatalogImporter importer, String target,
                                       Optional<LiveKafkaOptions.Connection> connection, Cancellation cancellation) {
        List<ImportSource> sources = new ArrayList<>();
        if (!files.isEmpty()) {
            sources.add(importer.files(target, files, Optional.ofNullable(kind)));
        }
        connection.ifPresent(c -> sources.add(live.source(c,
                KafkaImportProgress.messages(spec.commandLine().getErr()::println), cancellation)));
        return sources;
    }

    /** File progress on an interactive terminal; on every callback, a Ctrl-C is honoured. */
    private ImportProgress fileProgress(Cancellation cancellation) {
        ImportProgress shown = System.console() != null
                ? ImportProgress.messages(spec.commandLine().getErr()::println) : ImportProgress.NONE;
        return new ImportProgress() {
            @Override
            public void started(Path file, FileKind fileKind) {
                cancellation.throwIfCancelled();
                shown.started(file, fileKind);
            }

            @Override
            public void read(Path file, long lines, long chars) {
                cancellation.throwIfCancelled();
                shown.read(file, lines, chars);
            }

            @Override
            public void finished(Path file, FileKind fileKind, long lines) {
                shown.finished(file, fileKind, lines);
            }
        };
    }

    private int print(Snapshot snapshot) {
        var out = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            out.println(Json.write(SnapshotsCommand.toJson(snapshot)));
        } else {
            out.println(snapshot.id());
        }
        return MeshlensCli.EXIT_OK;
    }

    /** An export is restored whole, at its own time, into its own cluster unless --cluster names it. */
    private Snapshot importExport(CatalogStore store, Path dir, Optional<LiveKafkaOptions.Connection> connection) {
        if (files.size() > 1 || connection.isPresent() || registry.reads()) {
            throw new CliException(dir + " is an export directory; import it on its own (meshlens import " + dir
                    + ")");
        }
        if (kind != null) {
            throw new CliException("--kind does not apply to an export directory");
        }
        if (takenAt != null) {
            throw new CliException("--taken-at does not apply to an export directory: it is restored at the time "
                    + "of its snapshot");
        }
        ImportProgress progress = System.console() != null
                ? ImportProgress.messages(spec.commandLine().getErr()::println) : ImportProgress.NONE;
        return new ExportImporter(store, progress).importExport(dir, Optional.ofNullable(cluster));
    }

    private static String defaultCluster(CatalogStore store) {
        List<String> clusters = store.clusters();
        return clusters.size() == 1 ? clusters.get(0) : "default";
    }
}
