package dev.meshlens.app.cli;

import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.store.CatalogStore;
import dev.meshlens.importers.CatalogImporter;
import dev.meshlens.importers.ExportImporter;
import dev.meshlens.importers.file.FileKind;
import dev.meshlens.importers.file.ImportProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code meshlens import FILE...}: all files land together as one new snapshot, or, on the first bad line,
 * nothing lands at all. {@code meshlens import DIR} of an export directory verifies the export, then restores its
 * snapshot (same facts, same sources, the original time).
 */
@Command(name = "import", description = {
        "Import files into the catalog as one new snapshot and print its id.",
        "Kafka's own outputs (kafka-acls --list, kafka-consumer-groups --describe [--members [--verbose]|--state], "
                + "kafka-topics --describe), the same data as JSON, the catalog sheet (CSV), services.csv and a "
                + "group mapping CSV. The kind of each file is read from its content.",
        "An export directory (meshlens export --format json) is imported on its own: it is verified first, then "
                + "restored as one snapshot dated at the exported snapshot's time."})
final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    MeshlensCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to import; a folder is read as a schema "
            + "folder, unless it is an export directory (it has a MANIFEST.json).")
    List<Path> files;

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
            Optional<Path> export = files.stream().filter(ExportImporter::isExport).findFirst();
            Snapshot snapshot = export.isPresent() ? importExport(store, export.get(), progress)
                    : new CatalogImporter(store, progress).importPaths(target, files, Optional.ofNullable(kind), when);
            var out = spec.commandLine().getOut();
            if (format == OutputFormat.json) {
                out.println(Json.write(SnapshotsCommand.toJson(snapshot)));
            } else {
                out.println(snapshot.id());
            }
            return MeshlensCli.EXIT_OK;
        }
    }

    /** An export is restored whole, at its own time, into its own cluster unless --cluster names it. */
    private Snapshot importExport(CatalogStore store, Path dir, ImportProgress progress) {
        if (files.size() > 1) {
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
        return new ExportImporter(store, progress).importExport(dir, Optional.ofNullable(cluster));
    }

    private static String defaultCluster(CatalogStore store) {
        List<String> clusters = store.clusters();
        return clusters.size() == 1 ? clusters.get(0) : "default";
    }
}
