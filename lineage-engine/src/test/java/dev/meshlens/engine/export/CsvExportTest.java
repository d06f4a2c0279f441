package dev.meshlens.engine.export;

import dev.meshlens.engine.model.CatalogState;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CsvExportTest {
    @TempDir
    static Path dir;
    private static ExportMesh mesh;
    private static CatalogState state;
    private static Path export;

    @BeforeAll
    static void export() {
        mesh = new ExportMesh(dir.resolve("catalog"));
        state = mesh.imported();
        export = dir.resolve("out");
        new SnapshotExporter(state, ExportMesh.lineage(state))
                .export(export, EnumSet.of(ExportFormat.CSV), ExportOptions.of("1").withImpact("Orders"));
    }

    @AfterAll
    static void closeStore() {
        mesh.close();
    }

    @Test
    void nodesTableHasARowPerNodeWithItsCatalogAttributes() throws IOException {
        Map<String, Map<String, String>> nodes = byId(read("nodes.csv"));

        assertThat(nodes).hasSize(ExportMesh.lineage(state).graph().vertexSet().size());
        assertThat(nodes.get("product:orders")).containsEntry("kind", "product").containsEntry("name", "orders")
                .containsEntry("label", "Orders").containsEntry("owner", "team-orders@acme.example")
                .containsEntry("domain", "sales").containsEntry("tier", "1").containsEntry("quality", "gold")
                .containsEntry("lifecycle", "active").containsEntry("tags", "pii;financial")
                .containsEntry("registered", "true");
        assertThat(nodes.get("product:audit.log")).containsEntry("registered", "false").containsEntry("owner", "");
        assertThat(nodes.get("service:User:billing-svc")).containsEntry("label", "Billing")
                .containsEntry("tier", "2").containsEntry("production", "true");
        assertThat(nodes.get("group:rogue-group")).containsEntry("state", "stable");
    }

    @Test
    void cellsWithCommasQuotesAndBackslashesReadBackExactly() throws IOException {
        Map<String, Map<String, String>> nodes = byId(read("nodes.csv"));

        assertThat(nodes.get("service:" + ExportMesh.AUDITOR)).containsEntry("name", ExportMesh.AUDITOR);
    }

    @Test
    void edgesTableHasARowPerEdgeWithEvidenceStateAndLag() throws IOException {
        Map<String, Map<String, String>> edges = byId(read("edges.csv"));

        assertThat(edges).hasSize(ExportMesh.lineage(state).facts().size());
        assertThat(edges.get("read:product:orders->service:User:billing-svc"))
                .containsEntry("source", "product:orders").containsEntry("target", "service:User:billing-svc")
                .containsEntry("kind", "read").containsEntry("evidence", "acl;group")
                .containsEntry("state", "lagging").containsEntry("lag", "10").containsEntry("groups", "billing-app")
                .containsEntry("hosts", "*");
        assertThat(edges.get("write:service:User:orders-svc->product:orders")).containsEntry("kind", "write")
                .containsEntry("state", "").containsEntry("lag", "");
    }

    @Test
    void impactListsEveryTransitiveDownstreamNodeNearestFirst() throws IOException {
        List<Map<String, String>> impact = read("impact.csv");

        assertThat(impact).extracting(r -> r.get("depth") + " " + r.get("id")).containsExactly(
                "1 service:User:billing-svc",
                "1 service:User:shipping-svc",
                "2 product:invoices",
                "3 group:rogue-group",
                "3 service:" + ExportMesh.AUDITOR);
    }

    @Test
    void impactRowsCarryOwnerTierLifecycleAndConsumerState() throws IOException {
        Map<String, Map<String, String>> impact = byId(read("impact.csv"));

        assertThat(impact.get("service:User:billing-svc")).containsEntry("owner", "team-billing")
                .containsEntry("tier", "2").containsEntry("state", "lagging");
        assertThat(impact.get("service:User:shipping-svc")).containsEntry("state", "never-consumed");
        assertThat(impact.get("product:invoices")).containsEntry("owner", "team-billing").containsEntry("tier", "2")
                .containsEntry("lifecycle", "deprecated").containsEntry("state", "");
        assertThat(impact.get("service:" + ExportMesh.AUDITOR)).containsEntry("state", "stopped");
        assertThat(impact.get("group:rogue-group")).containsEntry("state", "unauthorized");
    }

    @Test
    void linesEndWithCrlfAsRfc4180Says() throws IOException {
        String text = Files.readString(export.resolve("edges.csv"), StandardCharsets.UTF_8);

        assertThat(text).endsWith("\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n");
    }

    private static List<Map<String, String>> read(String file) throws IOException {
        List<List<String>> rows = parse(Files.readString(export.resolve(file), StandardCharsets.UTF_8));
        List<String> header = rows.get(0);
        List<Map<String, String>> records = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            assertThat(row).as("a row of " + file).hasSameSizeAs(header);
            Map<String, String> record = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                record.put(header.get(i), row.get(i));
            }
            records.add(record);
        }
        return records;
    }

    private static Map<String, Map<String, String>> byId(List<Map<String, String>> records) {
        Map<String, Map<String, String>> byId = new LinkedHashMap<>();
        records.forEach(r -> byId.put(r.get("id"), r));
        return byId;
    }

    /** A strict RFC 4180 reader: quoted fields, doubled quotes, CRLF records. */
    private static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertThat(field).as("text after the last CRLF").isEmpty();
        return rows;
    }
}
