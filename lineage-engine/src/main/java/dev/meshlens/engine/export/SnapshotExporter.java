package dev.meshlens.engine.export;

import dev.meshlens.engine.lineage.LineageGraph;
import dev.meshlens.engine.lineage.ProductNode;
import dev.meshlens.engine.model.CatalogState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Exports one catalog state and its lineage graph into a directory, in any of the {@link ExportFormat}s, with a
 * {@code MANIFEST.json} that lets anyone verify every file byte for byte later ({@link ExportVerifier}).
 *
 * <p>Exports are complete (no row or depth limit) and deterministic: the same snapshot exported twice with the
 * same options and Meshlens version gives byte-identical files, manifest included; nothing in them records when
 * the export was made. Files are UTF-8 with {@code \n} line ends (CSV: CRLF, as RFC 4180 says).
 *
 * <pre>{@code
 * CatalogState state = store.state("prod", snapshotId);
 * LineageGraph graph = LineageGraph.build(state, LineageOptions.defaults());
 * ExportResult result = new SnapshotExporter(state, graph)
 *         .export(dir, EnumSet.of(ExportFormat.JSON, ExportFormat.GRAPHML), ExportOptions.of("1.0.0"));
 * }</pre>
 * Instances are immutable; an export may run on any thread.
 */
public final class SnapshotExporter {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotExporter.class);

    private final CatalogState state;
    private final LineageGraph lineage;

    /**
     * @param state the catalog state to export
     * @param graph the lineage graph built from {@code state}
     * @throws NullPointerException when an argument is null
     */
    public SnapshotExporter(CatalogState state, LineageGraph graph) {
        this.state = Objects.requireNonNull(state, "state");
        this.lineage = Objects.requireNonNull(graph, "graph");
    }

    /**
     * Writes the export into {@code dir}, creating it when it does not exist.
     *
     * @param formats at least one format
     * @return the files written and the manifest
     * @throws IllegalArgumentException when {@code formats} is empty, when an impact product is given without the
     *                                  CSV format, or when the impact product is not in the lineage graph
     * @throws ExportException          when {@code dir} exists and is not an empty directory, or a file cannot be
     *                                  written; the files written so far are removed again
     */
    public ExportResult export(Path dir, Set<ExportFormat> formats, ExportOptions options) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(options, "options");
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("choose at least one export format");
        }
        EnumSet<ExportFormat> chosen = EnumSet.copyOf(formats);
        ProductNode impactRoot = impactRoot(chosen, options);
        prepare(dir);
        ExportGraph graph = new ExportGraph(state, lineage);
        List<Path> written = new ArrayList<>();
        try {
            List<ExportedFile> files = new ArrayList<>();
            for (ExportFormat format : chosen) {
                switch (format) {
                    case JSON -> files.add(write(dir, MeshJsonWriter.FILE, written,
                            out -> MeshJsonWriter.write(graph, out)));
                    case GRAPHML -> files.add(write(dir, GraphFiles.GRAPHML_FILE, written,
                            out -> GraphFiles.writeGraphMl(graph, out)));
                    case DOT -> files.add(write(dir, GraphFiles.DOT_FILE, written,
                            out -> GraphFiles.writeDot(graph, out)));
                    case CSV -> {
                        files.add(write(dir, CsvFiles.NODES_FILE, written, out -> CsvFiles.writeNodes(graph, out)));
                        files.add(write(dir, CsvFiles.EDGES_FILE, written, out -> CsvFiles.writeEdges(graph, out)));
                        if (impactRoot != null) {
                            files.add(write(dir, CsvFiles.IMPACT_FILE, written,
                                    out -> CsvFiles.writeImpact(graph, impactRoot, out)));
                        }
                    }
                    case OPENLINEAGE -> files.add(write(dir, OpenLineageWriter.FILE, written,
                            out -> new OpenLineageWriter(graph, options.meshlensVersion()).write(out)));
                }
            }
            files.sort(Comparator.comparing(ExportedFile::path));
            Manifest manifest = new Manifest(Manifest.FORMAT_VERSION, options.meshlensVersion(), state.asOf().id(),
                    state.asOf().takenAt(), state.cluster(), BootstrapServers.of(state.content().products()),
                    List.copyOf(chosen), impactRoot == null ? null : options.impactProduct(), files);
            Path manifestPath = dir.resolve(Manifest.FILE);
            written.add(manifestPath);
            Files.write(manifestPath, ManifestFile.toBytes(manifest), StandardOpenOption.CREATE_NEW);
            ExportResult result = new ExportResult(dir, files, Sha256.describe(manifestPath, Manifest.FILE));
            LOG.info("Exported snapshot {} of cluster {} to {}: {}", state.asOf().id(), state.cluster(), dir,
                    chosen.stream().map(ExportFormat::label).toList());
            return result;
        } catch (IOException | RuntimeException e) {
            removeQuietly(written);
            if (e instanceof ExportException export) {
                throw export;
            }
            throw new ExportException("cannot export to " + dir + ": " + reason(e), e);
        }
    }

    /** The product of the impact list, checked before anything is written. */
    private ProductNode impactRoot(Set<ExportFormat> formats, ExportOptions options) {
        if (options.impactProduct() == null) {
            return null;
        }
        if (!formats.contains(ExportFormat.CSV)) {
            throw new IllegalArgumentException("the impact list of " + options.impactProduct()
                    + " is a CSV file: add the csv format");
        }
        return lineage.findProduct(options.impactProduct()).orElseThrow(() -> new IllegalArgumentException(
                "no product '" + options.impactProduct() + "' in cluster " + state.cluster() + " as of snapshot "
                        + state.asOf().id()));
    }

    /** An export goes into a new or empty directory, so nothing stale can sit beside its files. */
    private static void prepare(Path dir) {
        try {
            if (Files.exists(dir)) {
                if (!Files.isDirectory(dir)) {
                    throw new ExportException("cannot export to " + dir + ": it is a file, not a directory");
                }
                try (Stream<Path> entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        throw new ExportException("cannot export to " + dir
                                + ": the directory is not empty; choose a new or empty directory");
                    }
                }
            } else {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new ExportException("cannot export to " + dir + ": " + reason(e), e);
        }
    }

    private interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private static ExportedFile write(Path dir, String name, List<Path> written, Content content)
            throws IOException {
        Path file = dir.resolve(name);
        written.add(file);
        try (Writer out = new BufferedWriter(new OutputStreamWriter(
                Files.newOutputStream(file, StandardOpenOption.CREATE_NEW), StandardCharsets.UTF_8), 1 << 16)) {
            content.writeTo(out);
        }
        return Sha256.describe(file, name);
    }

    private static void removeQuietly(List<Path> files) {
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("could not remove {} after a failed export: {}", file, e.getMessage());
            }
        }
    }

    private static String reason(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + " already exists";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
