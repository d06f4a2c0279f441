package dev.meshlens.app.cli;

import dev.meshlens.engine.export.ExportException;
import dev.meshlens.engine.export.ExportFormat;
import dev.meshlens.engine.export.ExportOptions;
import dev.meshlens.engine.export.ExportResult;
import dev.meshlens.engine.export.ExportedFile;
import dev.meshlens.engine.export.SnapshotExporter;
import dev.meshlens.engine.lineage.LineageGraph;
import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.store.CatalogStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code meshlens export --out DIR --format ...}: the catalog as of a snapshot, in auditor formats, with a manifest
 * that {@code meshlens verify} checks byte for byte.
 */
@Command(name = "export", description = {
        "Export the catalog as of a snapshot into a new or empty directory: the whole state as JSON (re-importable "
                + "with 'meshlens import DIR'), the lineage graph as GraphML and DOT, node, edge and impact tables "
                + "as CSV, static lineage as OpenLineage events. Nothing is capped in rows or depth.",
        "MANIFEST.json lists the SHA-256 of every file; 'meshlens verify DIR' checks them. Exporting the same "
                + "snapshot twice gives identical files."})
final class ExportCommand implements Callable<Integer> {
    @ParentCommand
    MeshlensCli root;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    AsOfOptions asOf;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "The export directory; created when missing, refused when not empty.")
    Path out;

    @Option(names = "--format", required = true, split = ",", paramLabel = "FORMAT",
            converter = FormatConverter.class, completionCandidates = FormatConverter.Labels.class,
            description = "One or more of ${COMPLETION-CANDIDATES}, comma separated or repeated.")
    List<ExportFormat> formats;

    @Option(names = "--impact", paramLabel = "PRODUCT",
            description = "Also write impact.csv: every node downstream of this product (topic or catalog name), "
                    + "with depth, kind, owner, tier and state. Needs --format csv.")
    String impact;

    @Override
    public Integer call() {
        try (CatalogStore store = root.openStore()) {
            CatalogState state = asOf.resolve(store);
            LineageGraph graph = Lineage.build(store, state);
            ExportResult result;
            try {
                result = new SnapshotExporter(state, graph).export(out, EnumSet.copyOf(formats),
                        new ExportOptions(impact, VersionProvider.version()));
            } catch (ExportException e) {
                throw new CliException(e.getMessage());
            }
            print(state, result);
            return MeshlensCli.EXIT_OK;
        }
    }

    private void print(CatalogState state, ExportResult result) {
        var printer = spec.commandLine().getOut();
        printer.println("Exported snapshot " + state.asOf().id() + " of cluster " + state.cluster() + " (taken "
                + state.asOf().takenAt() + ") to " + result.directory());
        Table table = new Table("FILE", "BYTES", "SHA-256");
        for (ExportedFile file : result.files()) {
            table.row(file.path(), file.bytes(), file.sha256());
        }
        ExportedFile manifest = result.manifest();
        table.row(manifest.path(), manifest.bytes(), manifest.sha256());
        table.print(printer);
        printer.println("Keep the SHA-256 of " + manifest.path() + " apart from the export: with it, "
                + "'meshlens verify' proves the whole export unaltered.");
    }

    /** Reads {@code --format} by the stable labels of {@link ExportFormat}. */
    static final class FormatConverter implements CommandLine.ITypeConverter<ExportFormat> {
        @Override
        public ExportFormat convert(String value) {
            try {
                return ExportFormat.fromLabel(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }

        /** The labels, for help and completion. */
        static final class Labels implements Iterable<String> {
            @Override
            public Iterator<String> iterator() {
                return Arrays.stream(ExportFormat.values()).map(ExportFormat::label).toList().iterator();
            }
        }
    }
}
