package dev.meshlens.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshlens.engine.lineage.LineageGraph;
import dev.meshlens.engine.lineage.LineageNode;
import dev.meshlens.engine.lineage.LineageTraversal;
import dev.meshlens.engine.store.CatalogStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code meshlens export}, {@code verify} and {@code import DIR} on a real H2 catalog filled from Kafka 4.3.1's own
 * outputs, a catalog sheet and a services sheet, imported as two snapshots.
 */
class ExportCommandTest {
    private static final String FIXTURES = "fixtures/kafka-cli/4.3.1/";
    private static final String FIRST = "2026-03-01T08:00:00Z";
    private static final String SECOND = "2026-03-02T08:00:00Z";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Path catalog;

    @BeforeEach
    void twoSnapshots() throws IOException {
        catalog = dir.resolve("catalog");
        CliRun first = CliRun.meshlens(catalog, "import", "--taken-at", FIRST,
                CliRun.resource(FIXTURES + "acls.txt", dir).toString(),
                CliRun.resource(FIXTURES + "topics.txt", dir).toString(),
                CliRun.resource(FIXTURES + "groups-offsets.combined.txt", dir).toString(),
                CliRun.resource(FIXTURES + "groups-state.txt", dir).toString());
        assertThat(first.exitCode).as(first.toString()).isZero();
        Path sheet = Files.write(dir.resolve("catalog.csv"), List.of(
                "Name,Topic,Bootstrap URI,Owner,SLA,Quality,Schema URI,Description,Domain,Tags",
                "Orders,orders,kafka://broker-1:9092,sales@x,Tier 1,gold,,\"All orders, as placed\",sales,pii",
                "Invoices,billing.invoices,kafka://broker-1:9092,billing@x,2,silver,,,billing,financial"));
        Path services = Files.write(dir.resolve("services.csv"), List.of(
                "Principal,Name,Owner,Tier,Production", "User:billing-svc,Billing,billing@x,T2,yes"));
        CliRun second = CliRun.meshlens(catalog, "import", "--taken-at", SECOND, sheet.toString(),
                services.toString());
        assertThat(second.exitCode).as(second.toString()).isZero();
    }

    private CliRun export(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("export", "--out", out.toString()));
        args.addAll(List.of(more));
        return CliRun.meshlens(catalog, args.toArray(String[]::new));
    }

    private CliRun exportEverything(Path out) {
        return export(out, "--format", "json,graphml,dot,csv,openlineage", "--impact", "Orders");
    }

    @Test
    void exportWritesEveryFormatAndPrintsEachFilesSha256() throws IOException {
        CliRun run = exportEverything(dir.resolve("out"));

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(files(dir.resolve("out"))).containsExactly("MANIFEST.json", "edges.csv", "impact.csv",
                "lineage.dot", "lineage.graphml", "mesh.json", "nodes.csv", "openlineage.jsonl");
        assertThat(run.out).contains("Exported snapshot 2 of cluster default (taken " + SECOND + ")")
                .containsPattern("MANIFEST\\.json +\\d+ +[0-9a-f]{64}");
    }

    @Test
    void formatsMayBeRepeatedAsWellAsCommaSeparated() throws IOException {
        CliRun run = export(dir.resolve("out"), "--format", "json", "--format", "dot,csv");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(files(dir.resolve("out"))).containsExactly("MANIFEST.json", "edges.csv", "lineage.dot",
                "mesh.json", "nodes.csv");
    }

    @Test
    void twoExportsOfOneSnapshotAreByteIdentical() throws IOException {
        exportEverything(dir.resolve("a"));
        exportEverything(dir.resolve("b"));

        for (String file : files(dir.resolve("a"))) {
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(file)));
        }
    }

    @Test
    void exportAsOfADateHoldsTheSnapshotOfThatDate() throws IOException {
        CliRun run = export(dir.resolve("out"), "--at", "2026-03-01T12:00:00Z", "--format", "json");

        assertThat(run.exitCode).as(run.toString()).isZero();
        JsonNode mesh = JSON.readTree(dir.resolve("out/mesh.json").toFile());
        assertThat(mesh.get("snapshot").get("id").asLong()).isEqualTo(1);
        assertThat(mesh.has("products")).isFalse();
    }

    @Test
    void verifyOfAnUntouchedExportCountsItsFiles() {
        exportEverything(dir.resolve("out"));

        CliRun run = CliRun.meshlens(catalog, "verify", dir.resolve("out").toString());

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out.strip()).isEqualTo("verified 7 files");
    }

    @Test
    void verifyNamesEveryChangedAddedAndRemovedFile() throws IOException {
        Path out = dir.resolve("out");
        exportEverything(out);
        byte[] mesh = Files.readAllBytes(out.resolve("mesh.json"));
        mesh[100] ^= 0x20;
        Files.write(out.resolve("mesh.json"), mesh);
        Files.delete(out.resolve("lineage.dot"));
        Files.writeString(out.resolve("notes.txt"), "mine");

        CliRun run = CliRun.meshlens(catalog, "verify", out.toString());

        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.out.strip().lines()).containsExactly("changed: mesh.json", "added: notes.txt",
                "removed: lineage.dot", "verification failed: 1 changed, 1 added, 1 removed");
    }

    @Test
    void verifyOfADirectoryThatIsNoExportIsAUsageError() {
        CliRun run = CliRun.meshlens(catalog, "verify", dir.toString());

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).startsWith("meshlens: ").contains("it has no MANIFEST.json");
    }

    @Test
    void importOfAnExportAnswersLineageAndConsumersAsTheOriginalCatalogDoes() throws IOException {
        Path out = dir.resolve("out");
        exportEverything(out);
        Path other = dir.resolve("other");

        CliRun imported = CliRun.meshlens(other, "import", out.toString());

        assertThat(imported.exitCode).as(imported.toString()).isZero();
        for (List<String> question : List.of(List.of("lineage", "orders", "--downstream"),
                List.of("lineage", "billing.invoices", "--upstream"), List.of("consumers", "Orders"),
                List.of("consumers", "payments"))) {
            List<String> args = new ArrayList<>(question);
            args.addAll(List.of("--format", "json"));
            CliRun before = CliRun.meshlens(catalog, args.toArray(String[]::new));
            CliRun after = CliRun.meshlens(other, args.toArray(String[]::new));
            assertThat(before.exitCode).as(before.toString()).isZero();
            assertThat(after.json()).as(String.join(" ", question)).isEqualTo(before.json());
        }
    }

    @Test
    void importOfAnExportRebuildsTheSameLineageForEveryNode() {
        exportEverything(dir.resolve("out"));
        Path other = dir.resolve("other");
        CliRun.meshlens(other, "import", dir.resolve("out").toString());

        try (CatalogStore original = CatalogStore.open(CatalogLocation.resolve(catalog.toString(), Map.of()));
             CatalogStore restored = CatalogStore.open(CatalogLocation.resolve(other.toString(), Map.of()))) {
            LineageGraph before = Lineage.build(original, original.state("default", 2));
            LineageGraph after = Lineage.build(restored, restored.state("default", 1));

            assertThat(after.graph().vertexSet()).isEqualTo(before.graph().vertexSet());
            assertThat(after.facts()).isEqualTo(before.facts());
            LineageTraversal beforeTraversal = new LineageTraversal(before);
            LineageTraversal afterTraversal = new LineageTraversal(after);
            for (LineageNode node : before.graph().vertexSet()) {
                assertThat(Json.write(LineageCommand.toJson(afterTraversal.downstream(node))))
                        .as("downstream of %s", node)
                        .isEqualTo(Json.write(LineageCommand.toJson(beforeTraversal.downstream(node))));
                assertThat(Json.write(LineageCommand.toJson(afterTraversal.upstream(node))))
                        .as("upstream of %s", node)
                        .isEqualTo(Json.write(LineageCommand.toJson(beforeTraversal.upstream(node))));
            }
            for (var product : before.products()) {
                assertThat(Json.write(after.consumers(product.topic()))).as("consumers of %s", product)
                        .isEqualTo(Json.write(before.consumers(product.topic())));
            }
        }
    }

    @Test
    void importOfAnExportRestoresTheSnapshotTimeAndSources() {
        exportEverything(dir.resolve("out"));
        Path other = dir.resolve("other");

        CliRun.meshlens(other, "import", dir.resolve("out").toString());
        JsonNode snapshots = CliRun.meshlens(other, "snapshots", "--format", "json").json();

        assertThat(snapshots).hasSize(1);
        assertThat(snapshots.get(0).get("takenAt").asText()).isEqualTo(SECOND);
        assertThat(snapshots.get(0).get("sources")).extracting(JsonNode::asText)
                .containsExactly("acls", "topics", "groups", "catalog", "services");
    }

    @Test
    void importOfAnAlteredExportIsRefusedAndLandsNothing() throws IOException {
        Path out = dir.resolve("out");
        exportEverything(out);
        Files.writeString(out.resolve("nodes.csv"), "tampered");
        Path other = dir.resolve("other");

        CliRun run = CliRun.meshlens(other, "import", out.toString());

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("the export was altered since it was made (changed: nodes.csv)");
        assertThat(CliRun.meshlens(other, "snapshots", "--format", "json").json()).isEmpty();
    }

    @Test
    void anExportDirectoryIsImportedOnItsOwn() throws IOException {
        exportEverything(dir.resolve("out"));

        CliRun run = CliRun.meshlens(dir.resolve("other"), "import", dir.resolve("out").toString(),
                dir.resolve("catalog.csv").toString());

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("is an export directory; import it on its own");
    }

    @Test
    void impactWithoutCsvIsAUsageError() {
        CliRun run = export(dir.resolve("out"), "--format", "json", "--impact", "Orders");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("add the csv format");
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        CliRun run = export(dir.resolve("out"), "--format", "json,pdf");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("unknown export format 'pdf'");
    }

    @Test
    void aDirectoryThatIsNotEmptyIsRefused() throws IOException {
        Files.createDirectories(dir.resolve("out"));
        Files.writeString(dir.resolve("out/keep.txt"), "mine");

        CliRun run = export(dir.resolve("out"), "--format", "json");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("the directory is not empty");
    }

    private static List<String> files(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
