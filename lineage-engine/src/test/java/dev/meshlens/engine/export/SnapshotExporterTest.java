package dev.meshlens.engine.export;

import dev.meshlens.engine.model.AclOperation;
import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.MeshContent;
import dev.meshlens.engine.model.ResourceType;
import dev.meshlens.engine.model.SourceKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotExporterTest {
    private static final ExportOptions OPTIONS = ExportOptions.of("1.2.3").withImpact("orders");

    @TempDir
    static Path catalog;
    private static ExportMesh mesh;
    private static CatalogState state;

    @TempDir
    Path dir;

    @BeforeAll
    static void importMesh() {
        mesh = new ExportMesh(catalog);
        state = mesh.imported();
    }

    @AfterAll
    static void closeStore() {
        mesh.close();
    }

    private ExportResult export(String name) {
        return new SnapshotExporter(state, ExportMesh.lineage(state))
                .export(dir.resolve(name), EnumSet.allOf(ExportFormat.class), OPTIONS);
    }

    @Test
    void everyFormatWritesItsFilesAndTheManifest() throws IOException {
        ExportResult result = export("out");

        assertThat(result.files()).extracting(ExportedFile::path).containsExactly("edges.csv", "impact.csv",
                "lineage.dot", "lineage.graphml", "mesh.json", "nodes.csv", "openlineage.jsonl");
        assertThat(filesIn(dir.resolve("out"))).containsExactly("MANIFEST.json", "edges.csv", "impact.csv",
                "lineage.dot", "lineage.graphml", "mesh.json", "nodes.csv", "openlineage.jsonl");
    }

    @Test
    void exportingTheSameSnapshotTwiceGivesIdenticalFiles() throws IOException {
        export("first");
        // a fresh read of the same snapshot, as a second run of the command line would make
        CatalogState again = mesh.store().state(ExportMesh.CLUSTER, state.asOf().id());
        new SnapshotExporter(again, ExportMesh.lineage(again))
                .export(dir.resolve("second"), EnumSet.allOf(ExportFormat.class), OPTIONS);

        for (String file : filesIn(dir.resolve("first"))) {
            assertThat(Files.readAllBytes(dir.resolve("second").resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(dir.resolve("first").resolve(file)));
        }
    }

    @Test
    void manifestListsTheSha256OfEveryFile() throws Exception {
        ExportResult result = export("out");

        Manifest manifest = ManifestFile.parse(Files.readAllBytes(dir.resolve("out/MANIFEST.json")));
        assertThat(manifest.files()).isEqualTo(result.files());
        for (ExportedFile file : manifest.files()) {
            byte[] bytes = Files.readAllBytes(dir.resolve("out").resolve(file.path()));
            assertThat(file.sha256()).as(file.path()).isEqualTo(HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(bytes)));
            assertThat(file.bytes()).isEqualTo(bytes.length);
        }
    }

    @Test
    void manifestNamesSnapshotSourceAndVersion() throws IOException {
        export("out");

        Manifest manifest = ManifestFile.parse(Files.readAllBytes(dir.resolve("out/MANIFEST.json")));
        assertThat(manifest.snapshotId()).isEqualTo(state.asOf().id());
        assertThat(manifest.takenAt()).isEqualTo(ExportMesh.T1);
        assertThat(manifest.cluster()).isEqualTo("prod");
        assertThat(manifest.bootstrapServers()).containsExactly("broker-1:9093", "broker-2:9093");
        assertThat(manifest.meshlensVersion()).isEqualTo("1.2.3");
        assertThat(manifest.impactProduct()).isEqualTo("orders");
        assertThat(manifest.formats()).containsExactly(ExportFormat.values());
    }

    @Test
    void credentialsInCatalogUrisReachNoFile() throws IOException {
        MeshContent.Collector leaky = new MeshContent.Collector();
        ExportMesh.full().writeTo(leaky);
        DataProduct p = ExportMesh.full().products().get(1);
        leaky.product(new DataProduct("Leaky", "leaky", p.cluster(), "SASL_SSL://alice:s3cret@broker-1:9093",
                null, null, null, null, null, null, "https://alice:s3cret@registry/subjects/leaky-value/versions/1",
                null));
        try (ExportMesh own = new ExportMesh(dir.resolve("catalog"))) {
            CatalogState withCredentials = own.state(own.importContent(leaky.content(), ExportMesh.T1));

            new SnapshotExporter(withCredentials, ExportMesh.lineage(withCredentials))
                    .export(dir.resolve("out"), EnumSet.allOf(ExportFormat.class), OPTIONS);
        }

        for (String file : filesIn(dir.resolve("out"))) {
            assertThat(Files.readString(dir.resolve("out").resolve(file), StandardCharsets.UTF_8)).as(file)
                    .doesNotContain("s3cret").doesNotContain("alice");
        }
        assertThat(Files.readString(dir.resolve("out/mesh.json"))).contains("\"SASL_SSL://broker-1:9093\"")
                .contains("\"https://registry/subjects/leaky-value/versions/1\"");
    }

    @Test
    void aDirectoryThatIsNotEmptyIsRefused() throws IOException {
        Files.createDirectories(dir.resolve("out"));
        Files.writeString(dir.resolve("out/notes.txt"), "mine");

        assertThatThrownBy(() -> export("out"))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining("the directory is not empty");
        assertThat(filesIn(dir.resolve("out"))).containsExactly("notes.txt");
    }

    @Test
    void impactWithoutCsvIsRefusedBeforeAnythingIsWritten() {
        SnapshotExporter exporter = new SnapshotExporter(state, ExportMesh.lineage(state));

        assertThatThrownBy(() -> exporter.export(dir.resolve("out"), EnumSet.of(ExportFormat.JSON), OPTIONS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("add the csv format");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void unknownImpactProductIsRefusedBeforeAnythingIsWritten() {
        SnapshotExporter exporter = new SnapshotExporter(state, ExportMesh.lineage(state));

        assertThatThrownBy(() -> exporter.export(dir.resolve("out"), EnumSet.of(ExportFormat.CSV),
                ExportOptions.of("1").withImpact("payments")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no product 'payments' in cluster prod as of snapshot 1");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void exportsAreNotCappedInRowsOrDepth() throws IOException {
        // a chain of 300 products through 299 services: 598 hops from the first product to the last
        MeshContent.Collector chain = new MeshContent.Collector();
        chain.cover(SourceKind.ACLS);
        for (int i = 0; i < 299; i++) {
            chain.acl(ExportMesh.allow(ResourceType.TOPIC, "t" + i, "User:s" + i, AclOperation.READ));
            chain.acl(ExportMesh.allow(ResourceType.TOPIC, "t" + (i + 1), "User:s" + i, AclOperation.WRITE));
        }
        try (ExportMesh chainMesh = new ExportMesh(dir)) {
            CatalogState deep = chainMesh.state(chainMesh.importContent(chain.content(), ExportMesh.T1));

            new SnapshotExporter(deep, ExportMesh.lineage(deep)).export(dir.resolve("deep"),
                    EnumSet.of(ExportFormat.CSV), ExportOptions.of("1").withImpact("t0"));
        }

        List<String> impact = Files.readAllLines(dir.resolve("deep/impact.csv"));
        assertThat(impact).hasSize(1 + 598);
        assertThat(impact.get(impact.size() - 1)).startsWith("598,product:t299,");
        assertThat(Files.readAllLines(dir.resolve("deep/nodes.csv"))).hasSize(1 + 300 + 299);
        assertThat(Files.readAllLines(dir.resolve("deep/edges.csv"))).hasSize(1 + 598);
    }

    static List<String> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            List<String> names = new ArrayList<>(files.map(p -> p.getFileName().toString()).toList());
            names.sort(null);
            return names;
        }
    }
}
