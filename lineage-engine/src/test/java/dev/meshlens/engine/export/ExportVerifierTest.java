package dev.meshlens.engine.export;

import dev.meshlens.engine.model.CatalogState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportVerifierTest {
    @TempDir
    static Path shared;
    private static ExportMesh mesh;
    private static Path original;

    @TempDir
    Path dir;

    @BeforeAll
    static void export() {
        mesh = new ExportMesh(shared.resolve("catalog"));
        CatalogState state = mesh.imported();
        original = shared.resolve("export");
        new SnapshotExporter(state, ExportMesh.lineage(state)).export(original, EnumSet.allOf(ExportFormat.class),
                ExportOptions.of("1").withImpact("orders"));
    }

    @AfterAll
    static void closeStore() {
        mesh.close();
    }

    /** A fresh copy of the export, to alter. */
    private Path copy() throws IOException {
        Path target = dir.resolve("copy");
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(original)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return target;
    }

    @Test
    void anUntouchedExportVerifies() throws IOException {
        Path export = copy();

        Verification verification = ExportVerifier.verify(export);

        assertThat(ExportVerifier.isExport(export)).isTrue();
        assertThat(verification.ok()).isTrue();
        assertThat(verification.verified()).containsExactly("edges.csv", "impact.csv", "lineage.dot",
                "lineage.graphml", "mesh.json", "nodes.csv", "openlineage.jsonl");
    }

    @Test
    void aOneByteChangeInAnyFileNamesThatFile() throws IOException {
        for (String name : SnapshotExporterTest.filesIn(original)) {
            Path export = copy();
            byte[] bytes = Files.readAllBytes(export.resolve(name));
            bytes[bytes.length / 2] ^= 0x01;
            Files.write(export.resolve(name), bytes);

            Verification verification = ExportVerifier.verify(export);

            assertThat(verification.ok()).as(name).isFalse();
            assertThat(verification.changed()).as(name).singleElement().asString().startsWith(name);
            deleteTree(export);
        }
    }

    @Test
    void aChangedManifestIsNamedWithItsBrokenSeal() throws IOException {
        Path export = copy();
        Path manifest = export.resolve("MANIFEST.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"id\" : 1,", "\"id\" : 2,"));

        Verification verification = ExportVerifier.verify(export);

        assertThat(verification.changed()).containsExactly(
                "MANIFEST.json (its content does not match its manifestSha256 seal)");
    }

    @Test
    void aFileAddedAnywhereInTheExportIsNamed() throws IOException {
        Path export = copy();
        Files.writeString(export.resolve("notes.txt"), "added later");
        Files.createDirectories(export.resolve("extra"));
        Files.writeString(export.resolve("extra/more.csv"), "a,b\r\n");

        Verification verification = ExportVerifier.verify(export);

        assertThat(verification.added()).containsExactly("extra/more.csv", "notes.txt");
        assertThat(verification.changed()).isEmpty();
        assertThat(verification.problems()).containsExactly("added: extra/more.csv", "added: notes.txt");
    }

    @Test
    void aRemovedFileIsNamed() throws IOException {
        Path export = copy();
        Files.delete(export.resolve("lineage.dot"));

        Verification verification = ExportVerifier.verify(export);

        assertThat(verification.removed()).containsExactly("lineage.dot");
        assertThat(verification.verified()).hasSize(6);
    }

    @Test
    void aDirectoryWithoutManifestIsNotAnExport() throws IOException {
        Files.writeString(dir.resolve("mesh.json"), "{}");

        assertThatThrownBy(() -> ExportVerifier.verify(dir))
                .isInstanceOf(NotAnExportException.class)
                .hasMessageContaining("it has no MANIFEST.json");
        assertThat(ExportVerifier.isExport(dir)).isFalse();
    }

    @Test
    void aMissingDirectoryIsNotAnExport() {
        assertThatThrownBy(() -> ExportVerifier.verify(dir.resolve("nowhere")))
                .isInstanceOf(NotAnExportException.class)
                .hasMessageContaining("is not a directory");
    }

    @Test
    void aManifestOfAnotherToolIsNotAnExport() throws IOException {
        Files.writeString(dir.resolve("MANIFEST.json"), "{\"name\": \"something else\"}");

        assertThatThrownBy(() -> ExportVerifier.verify(dir))
                .isInstanceOf(NotAnExportException.class)
                .hasMessageContaining("was not written by Meshlens");
        assertThat(ExportVerifier.isExport(dir)).isFalse();
    }

    @Test
    void aManifestDamagedBeyondReadingIsReportedAsChanged() throws IOException {
        Path export = copy();
        Path manifest = export.resolve("MANIFEST.json");
        Files.writeString(manifest, Files.readString(manifest).substring(0, 200));

        Verification verification = ExportVerifier.verify(export);

        assertThat(verification.ok()).isFalse();
        assertThat(verification.manifest()).isEmpty();
        assertThat(verification.changed()).singleElement().asString().startsWith("MANIFEST.json (");
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
