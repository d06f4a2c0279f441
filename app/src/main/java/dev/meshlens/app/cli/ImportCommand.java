package dev.meshlens.app.cli;

import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.store.CatalogStore;
import dev.meshlens.importers.CatalogImporter;
import dev.meshlens.importers.ImportSource;
import dev.meshlens.importers.file.FileKind;
import dev.meshlens.importers.file.ImportProgress;
import dev.meshlens.importers.registry.RegistrySource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * {@code meshlens import [FILE...] [--registry URL | --schemas-topic]}: all files and sources land together as one
 * new snapshot, or, on the first bad line, nothing lands at all. A registry that fails as a whole, or subjects that
 * fail, are reported and the rest lands, unless {@code --all-or-nothing} (see {@link RegistryOptions}).
 */
@Command(name = "import", mixinStandardHelpOptions = true, description = {
        "Import files into the catalog as one new snapshot and print its id.",
        "Kafka's own outputs (kafka-acls --list, kafka-consumer-groups --describe [--members [--verbose]|--state], "
                + "kafka-topics --describe), the same data as JSON, the catalog sheet (CSV), services.csv and a "
                + "group mapping CSV. The kind of each file is read from its content.",
        "Schemas can also come from a Schema Registry (--registry) or its _schemas topic (--schemas-topic)."})
final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    MeshlensCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Files to import; a folder is read as a schema folder.")
    List<Path> files;

    @Mixin
    RegistryOptions registry;

    @Option(names = "--cluster", paramLabel = "NAME",
            description = "The cluster the files describe. Default: the catalog's only cluster, else 'default'.")
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
        try (CatalogStore store = root.openStore()) {
            String target = cluster != null ? cluster : defaultCluster(store);
            Instant when = takenAt == null ? Instant.now() : Dates.parseAsOf(takenAt);
            ImportProgress progress = System.console() != null
                    ? ImportProgress.messages(spec.commandLine().getErr()::println) : ImportProgress.NONE;
            List<Path> paths = files == null ? List.of() : files;
            Consumer<String> messages = System.console() != null ? spec.commandLine().getErr()::println : m -> { };
            Optional<RegistrySource> schemas = registry.source(!paths.isEmpty(), this::kafkaClientProperties,
                    RegistryOptions.previousSchemas(store, target), messages);
            if (paths.isEmpty() && schemas.isEmpty()) {
                throw new CliException("nothing to import: give files, --registry URL or --schemas-topic");
            }
            Snapshot snapshot = new CatalogImporter(store, progress).importAll(target, paths,
                    Optional.ofNullable(kind), schemas.map(List::<ImportSource>of).orElse(List.of()), when);
            schemas.ifPresent(s -> registry.report(s, spec.commandLine().getErr()));
            var out = spec.commandLine().getOut();
            if (format == OutputFormat.json) {
                out.println(Json.write(SnapshotsCommand.toJson(snapshot)));
            } else {
                out.println(snapshot.id());
            }
            return MeshlensCli.EXIT_OK;
        }
    }

    /**
     * The Kafka client properties of this import's cluster connection, which {@code --schemas-topic} reads
     * through; empty until the command has a {@code --kafka} option.
     */
    private Optional<Properties> kafkaClientProperties() {
        return Optional.empty();
    }

    private static String defaultCluster(CatalogStore store) {
        List<String> clusters = store.clusters();
        return clusters.size() == 1 ? clusters.get(0) : "default";
    }
}
