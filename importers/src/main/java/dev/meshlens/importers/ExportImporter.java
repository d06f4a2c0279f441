package dev.meshlens.importers;

import dev.meshlens.engine.export.ExportException;
import dev.meshlens.engine.export.ExportFormat;
import dev.meshlens.engine.export.ExportVerifier;
import dev.meshlens.engine.export.ExportedSnapshot;
import dev.meshlens.engine.export.Manifest;
import dev.meshlens.engine.export.Verification;
import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.store.CatalogStore;
import dev.meshlens.engine.store.ImportSession;
import dev.meshlens.importers.file.FileImporter;
import dev.meshlens.importers.file.FileKind;
import dev.meshlens.importers.file.ImportProgress;
import dev.meshlens.importers.file.MeshJsonParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Re-opens a JSON export ({@code meshlens export --format json}) in a catalog: verifies the export against its
 * manifest first, then imports its {@code mesh.json} as one new snapshot dated at the exported snapshot's time
 * and covering exactly the sources the exported state held, so the catalog answers lineage questions as the
 * exported one did.
 */
public final class ExportImporter {
    private static final Logger LOG = LoggerFactory.getLogger(ExportImporter.class);

    private final CatalogStore store;
    private final ImportProgress progress;

    /**
     * @param progress told what is read; it may throw {@link java.util.concurrent.CancellationException} to cancel,
     *                 which leaves the store as it was
     */
    public ExportImporter(CatalogStore store, ImportProgress progress) {
        this.store = Objects.requireNonNull(store, "store");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** Whether {@code path} is an export directory (a directory with a {@code MANIFEST.json}). */
    public static boolean isExport(Path path) {
        return ExportVerifier.isExport(path);
    }

    /**
     * Imports the export in {@code dir}.
     *
     * @param cluster the cluster to import into; empty for the exported cluster. A different cluster is refused
     *                (the export names its own)
     * @return the new snapshot, dated at the exported snapshot's time
     * @throws InputException naming {@code dir} and every altered file when the export does not verify, when it
     *                        holds no JSON format, or naming the file and line when {@code mesh.json} is bad;
     *                        nothing is imported then
     * @throws dev.meshlens.engine.store.StoreException when the catalog already holds a snapshot later than the
     *                        exported one (snapshots are imported in time order) or the database fails
     */
    public Snapshot importExport(Path dir, Optional<String> cluster) {
        Verification verification;
        try {
            verification = ExportVerifier.verify(dir);
        } catch (ExportException e) {
            throw new InputException(dir.toString(), 0, e.getMessage(), e);
        }
        if (!verification.ok()) {
            throw new InputException(dir.toString(), 0, "the export was altered since it was made ("
                    + String.join("; ", verification.problems()) + "); nothing was imported");
        }
        Manifest manifest = verification.manifest().orElseThrow();
        if (!manifest.formats().contains(ExportFormat.JSON)) {
            throw new InputException(dir.toString(), 0, "the export holds " + manifest.formats().stream()
                    .map(ExportFormat::label).toList() + " but only a json export can be imported; export again "
                    + "with --format json");
        }
        Path mesh = dir.resolve(ExportFormat.JSON.files().get(0));
        ExportedSnapshot header = header(mesh);
        String target = cluster.orElse(header.cluster());
        String origin = "export of snapshot " + header.id() + " of cluster " + header.cluster() + " ("
                + (dir.getFileName() == null ? dir : dir.getFileName()) + ")";
        try (ImportSession session = store.beginImport(target, origin, header.takenAt())) {
            new FileImporter(target, progress).importFile(mesh, Optional.of(FileKind.MESH_JSON), session);
            Snapshot snapshot = session.commit();
            LOG.info("Imported the export of snapshot {} of cluster {} from {} as snapshot {}", header.id(),
                    header.cluster(), dir, snapshot.id());
            return snapshot;
        }
    }

    private static ExportedSnapshot header(Path mesh) {
        String name = mesh.toString();
        try (BufferedReader reader = Files.newBufferedReader(mesh, StandardCharsets.UTF_8)) {
            return MeshJsonParser.readSnapshot(name, reader).orElseThrow(() -> new InputException(name, 0,
                    "the document has no snapshot header; import it as a file (meshlens import " + name + ")"));
        } catch (IOException e) {
            throw new InputException(name, 0, "cannot read: " + e.getMessage(), e);
        }
    }
}
